// Status of one measure, as the command line asks for it: find it, pick the period (asked and within
// the plan's years, else the one the reporting calendar shows), compute.
import type { IsoDate } from '../domain/iso-date.js';
import type { FinancialCalendar, Parsed } from '../domain/period.js';
import { checkPeriodFor, type MeasureStatus } from '../domain/status.js';
import type { Db } from '../store/open-database.js';
import type { Partnership } from '../domain/partnership.js';
import { readPartnershipView } from './partnership-view.js';
import { findMeasure } from './status-query.js';

export interface StatusQuery {
  ref: string;
  period?: string;
  today: IsoDate;
}

export async function statusOf(
  db: Db,
  cal: FinancialCalendar,
  p: Partnership,
  q: StatusQuery,
): Promise<Parsed<MeasureStatus>> {
  const found = findMeasure(p, q.ref);
  if (!found.ok) return found;
  const measure = found.value;
  const view = await readPartnershipView(db, cal, p, q.today, [measure]);
  if (!q.period) return { ok: true, value: view.latestStatus(measure) };
  const parsed = cal.parse(q.period, { defaultYear: view.year });
  if (!parsed.ok) return parsed;
  const fits = checkPeriodFor(cal, measure, parsed.value);
  if (!fits.ok) return fits;
  const inPlan = view.calendar.inPlan(parsed.value);
  if (!inPlan.ok) return inPlan;
  return { ok: true, value: view.statusAt(measure, parsed.value) };
}
