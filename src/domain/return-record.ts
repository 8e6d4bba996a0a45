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
  /** When it was submitted; for an imported revision, the plan file's date, else when the import ran. */
  submittedAt: string;
  revision: number;
  /** Set when the revision came from a plan file, not from its owner in chat or the web form. */
  imported?: ImportedFrom;
}

/** An imported revision: `dated` is false when the file gave no submittedAt (submittedAt is then the import's time). */
export interface ImportedFrom {
  dated: boolean;
}

/**
 * Where an imported revision came from, in words: "Imported from the plan file, submitted 2016-04-20
 * (revision 1)", or "Imported from the plan file (no submission date in the file), revision 1"; null for
 * a person's submission.
 */
export function importedText(r: Pick<ReturnRecord, 'imported' | 'submittedAt' | 'revision'>): string | null {
  if (!r.imported) return null;
  return r.imported.dated
    ? `Imported from the plan file, submitted ${r.submittedAt.slice(0, 10)} (revision ${r.revision})`
    : `Imported from the plan file (no submission date in the file), revision ${r.revision}`;
}

export interface OverrideRecord {
  rag: Rag;
  reason: string;
  by: string;
  at: string;
}
