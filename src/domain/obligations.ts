// Which returns are owed: for each measure, the periods of a year that have ended, with their due
// dates and whether a return (figures or a "not available" reason) has come in.
import type { IsoDate } from './iso-date.js';
import type { Measure } from './measure.js';
import type { FinancialCalendar, Period } from './period.js';
import type { ReturnRecord } from './return-record.js';
import { dueDate } from './working-days.js';

export type ObligationState = 'received' | 'overdue' | 'due';

export interface Obligation {
  ref: string;
  owner: string;
  period: Period;
  due: IsoDate;
  state: ObligationState;
}

export interface ObligationInput {
  cal: FinancialCalendar;
  measures: Measure[];
  /** Current returns by measure ref. */
  returns: Map<string, ReturnRecord[]>;
  year: number;
  today: IsoDate;
  dueWorkingDays: number;
}

export function obligations(i: ObligationInput): Obligation[] {
  const out: Obligation[] = [];
  for (const m of i.measures) {
    const received = new Set((i.returns.get(m.ref) ?? []).map((r) => i.cal.format(r.period)));
    for (const period of i.cal.periodsInYear(i.year, m.frequency)) {
      if (i.cal.end(period) >= i.today) continue;
      const due = dueDate(i.cal, period, i.dueWorkingDays);
      const state: ObligationState = received.has(i.cal.format(period))
        ? 'received'
        : due < i.today
          ? 'overdue'
          : 'due';
      out.push({ ref: m.ref, owner: m.owner, period, due, state });
    }
  }
  return out;
}

/** The financial year a partnership is working on: its stated current year, else the year of the last ended quarter. */
export function workingYear(cal: FinancialCalendar, today: IsoDate, stated: string | undefined): number {
  if (stated) {
    const parsed = cal.parse(stated);
    if (parsed.ok) return cal.yearOf(parsed.value);
  }
  return cal.yearOf(cal.lastCompleted(today, 'quarterly'));
}
