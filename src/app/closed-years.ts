// The financial years with a closed quarter on a date: the board has seen them, so their targets stay.
// The years looked at are the plan's, else those with a board date or a coordinator's word.
import type { IsoDate } from '../domain/iso-date.js';
import { periodClosure } from '../domain/period-closure.js';
import type { FinancialCalendar } from '../domain/period.js';
import { planYearsOf } from '../domain/reporting-calendar.js';
import type { Db } from '../store/open-database.js';
import type { Partnership } from '../domain/partnership.js';
import { periodStates } from '../store/review-store.js';

export async function closedYears(
  db: Db,
  cal: FinancialCalendar,
  p: Partnership,
  today: IsoDate,
): Promise<number[]> {
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
  return [...years].filter((year) =>
    cal
      .periodsInYear(year, 'quarterly')
      .some((q) => periodClosure(cal, q, boardDates, states.get(cal.format(q)) ?? null, today).closed),
  );
}
