// The current revision of a return, as the status engine and reports see it.
import type { Figures } from './figures.js';
import type { Period } from './period.js';
import type { Rag } from './plan-schema.js';

export interface ReturnRecord {
  period: Period;
  figures: Figures | null;
  narrative: string;
  correctiveAction: string | null;
  notAvailable: string | null;
  expectedDate: string | null;
  submittedBy: string | null;
  submittedAt: string;
  revision: number;
}

export interface OverrideRecord {
  rag: Rag;
  reason: string;
  by: string;
  at: string;
}
