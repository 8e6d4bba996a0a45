// The financial years with a closed quarter on a date: the board has seen them, so their targets stay.
// The years looked at are the plan's, else those with a board date or a coordinator's word.
import type { IsoDate } from '../domain/iso-date.js';
import { periodClosure } from '../domain/period-closure.js';
import type { FinancialCalendar, Period } from '../domain/period.js';
import { planYearsOf } from '../domain/reporting-calendar.js';
import type { Db } from '../store/open-database.js';
import type { Partnership } from '../domain/partnership.js';
import { periodStates } from '../store/review-store.js';

/**
 * The closed quarters on `today`, with the coordinator's word on each, over the plan's years (else the
 * years with a board date or a coordinator's word: no other quarter can be closed).
 */
export async function closedQuarters(
  db: Db,
  cal: FinancialCalendar,
  p: Partnership,
  today: IsoDate,
): Promise<Period[]> {
  const states = await periodStates(db, p.id);
  const boardDates = p.settings.summary.boardDates;
  const years = new Set<number>();
  const plan = planYearsOf(cal, p.settings);
  if (plan.ok && plan.value) for (let y = plan.value.first; y <= plan.value.last; y++) years.add(y);
  else
    for (const text of [...Object.keys(boardDates), ...states.keys()]) {
      const parsed = cal.parse(text);
      if (parsed.ok) years.add(cal.yearOf(parsed.value));
    }
  return [...years]
    .sort((a, b) => a - b)
    .flatMap((year) => cal.periodsInYear(year, 'quarterly'))
    .filter((q) => periodClosure(cal, q, boardDates, states.get(cal.format(q)) ?? null, today).closed);
}

/** The financial years with a closed quarter on `today`. */
export async function closedYears(
  db: Db,
  cal: FinancialCalendar,
  p: Partnership,
  today: IsoDate,
): Promise<number[]> {
  return [...new Set((await closedQuarters(db, cal, p, today)).map((q) => cal.yearOf(q)))];
}
