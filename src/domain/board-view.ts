// What the board saw of a measure in a closed quarter, and how the status compares with it (see
// board-snapshot.ts). Types only, shared by the status engine and the snapshots.
import type { Rag } from './plan-schema.js';

export interface BoardView {
  /** The period's own figure and the judged one (the year to date, or the figure itself for snapshots). */
  actual: number | null;
  judged: number | null;
  rag: Rag;
  label: string;
  takenAt: string;
}

export interface BoardComparison {
  seen: BoardView;
  /** The figures or the RAG differ from what the board saw. */
  revised: boolean;
}
