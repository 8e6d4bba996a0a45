// The current revision of a return, as the status engine and reports see it.
import type { Figures } from './figures.js';
import type { Period } from './period.js';
import type { Rag } from './plan-schema.js';

/** What a return says for one period: figures (or why there are none) and commentary. */
export interface ReturnContent {
  period: Period;
  figures: Figures | null;
  narrative: string;
  correctiveAction: string | null;
  notAvailable: string | null;
  expectedDate: string | null;
  submittedBy: string | null;
}

export interface ReturnRecord extends ReturnContent {
  submittedAt: string;
  revision: number;
}

export interface OverrideRecord {
  rag: Rag;
  reason: string;
  by: string;
  at: string;
}
