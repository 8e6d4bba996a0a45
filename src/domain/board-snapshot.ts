// What the board saw: a measure's figures and RAG for a quarter as they stood when the quarter closed.
// A later revision (a reopened quarter, a forced import) does not change it: the status shows both,
// "revised since the board saw it".
import type { Measure } from './measure.js';
import { isSnapshot } from './measure.js';
import type { FinancialCalendar, Period } from './period.js';
import type { BoardComparison, BoardView } from './board-view.js';
import type { MeasureStatus } from './status.js';

/** The period a closed quarter is kept for: the quarter itself, or the year for annual measures (at Q4). */
export function boardPeriodOf(cal: FinancialCalendar, m: Measure, quarter: Period): Period | null {
  if (m.frequency !== 'annual') return quarter;
  const year: Period = { kind: 'year', year: cal.yearOf(quarter) };
  return cal.end(year) === cal.end(quarter) ? year : null;
}

const judgedOf = (s: MeasureStatus) => (isSnapshot(s.aggregation) ? s.headline.actual : s.headline.ytd);

export function boardViewOf(s: MeasureStatus, takenAt: string): BoardView {
  return { actual: s.headline.actual, judged: judgedOf(s), rag: s.finalRag, label: s.label, takenAt };
}

export function compareWithBoard(s: MeasureStatus, seen: BoardView | null): BoardComparison | null {
  if (!seen) return null;
  const now = boardViewOf(s, seen.takenAt);
  const revised = now.actual !== seen.actual || now.judged !== seen.judged || now.rag !== seen.rag;
  return { seen, revised };
}
