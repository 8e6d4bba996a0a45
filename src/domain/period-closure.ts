// Closed periods: a quarter (with its months, and a year with its last quarter) closes once its board
// date has passed, so the figures the board read stay as they were. Only the coordinator's word (a
// PeriodState: reopened or closed, with a reason) overrides the date.
import type { IsoDate } from './iso-date.js';
import type { FinancialCalendar, Period } from './period.js';

/** The coordinator's latest word on a quarter. */
export interface PeriodStateRecord {
  state: 'reopened' | 'closed';
  by: string;
  at: string;
  reason: string;
}

export interface Closure {
  closed: boolean;
  /** The quarter whose board date decides: the period itself, the quarter of a month, Q4 of a year. */
  quarter: Period;
  boardDate: IsoDate | null;
  /** Why: the board date passed, the coordinator closed or reopened it, or still open. */
  because: 'boardDatePassed' | 'closedByCoordinator' | 'reopenedByCoordinator' | 'open';
  state: PeriodStateRecord | null;
}

/** The quarter a period is judged by. */
export function closingQuarter(cal: FinancialCalendar, period: Period): Period {
  if (period.kind === 'quarter') return period;
  return cal.containing(period.kind === 'month' ? cal.start(period) : cal.end(period), 'quarterly');
}

/** The board date of a quarter from the settings' `boardDates` (keys like "2015/16 Q4"). */
export function boardDateOf(
  cal: FinancialCalendar,
  quarter: Period,
  boardDates: Readonly<Record<string, IsoDate>>,
): IsoDate | null {
  const wanted = cal.format(quarter);
  if (boardDates[wanted]) return boardDates[wanted];
  for (const [key, date] of Object.entries(boardDates)) {
    const parsed = cal.parse(key);
    if (parsed.ok && cal.equals(parsed.value, quarter)) return date;
  }
  return null;
}

/**
 * Whether returns for `period` may still change on `today`. `state` is the coordinator's latest word
 * on the period's quarter (null: none).
 */
export function periodClosure(
  cal: FinancialCalendar,
  period: Period,
  boardDates: Readonly<Record<string, IsoDate>>,
  state: PeriodStateRecord | null,
  today: IsoDate,
): Closure {
  const quarter = closingQuarter(cal, period);
  const boardDate = boardDateOf(cal, quarter, boardDates);
  const base = { quarter, boardDate, state };
  if (state?.state === 'reopened') return { ...base, closed: false, because: 'reopenedByCoordinator' };
  if (state?.state === 'closed') return { ...base, closed: true, because: 'closedByCoordinator' };
  if (boardDate !== null && today > boardDate) return { ...base, closed: true, because: 'boardDatePassed' };
  return { ...base, closed: false, because: 'open' };
}
