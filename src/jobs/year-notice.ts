// The coordinator is told once when a year of the plan has begun and some of its measures, judged by a
// target last year, have none for it: one notice per coordinator and year, whose outbox key makes "once" hold across ticks,
// restarts and several schedulers. Starting the year before it begins means no notice at all.
import type { IsoDate } from '../domain/iso-date.js';
import type { FinancialCalendar } from '../domain/period.js';
import { planYearsOf, yearOfDay } from '../domain/reporting-calendar.js';
import { targetYearOf, withoutTarget } from '../domain/year-targets.js';
import type { NewOutboxMessage } from '../store/outbox-store.js';
import type { Partnership } from '../domain/partnership.js';

export const yearNoticeKey = (year: string, person: string) => `year-targets:${year}:${person}`;

export function yearTargetNotices(
  cal: FinancialCalendar,
  p: Partnership,
  today: IsoDate,
): NewOutboxMessage[] {
  const y = yearOfDay(cal, today);
  const years = planYearsOf(cal, p.settings);
  if (!years.ok || (years.value && (y < years.value.first || y > years.value.last))) return [];
  // Measures whose target ran out with last year: one that never had a target is no news.
  const targetYear = targetYearOf(p.settings);
  const lastYear = new Set(withoutTarget(cal, p.measures, y - 1, targetYear));
  const missing = withoutTarget(cal, p.measures, y, targetYear).filter((m) => !lastYear.has(m));
  if (missing.length === 0) return [];
  const year = cal.format({ kind: 'year', year: y });
  const refs = missing.map((m) => m.ref);
  const named =
    refs.length > 8 ? `${refs.slice(0, 8).join(', ')} and ${refs.length - 8} more` : refs.join(', ');
  const text =
    `${year} has begun and ${missing.length} measure(s) have no target for it (${named}): they show "No target set for ${year}" until one is set. ` +
    `Say "start ${year}" to carry last year's targets forward: the same, a change on last year's outturn, or a new figure.`;
  return p.people
    .filter((x) => x.role === 'coordinator')
    .map((x) => ({
      key: yearNoticeKey(year, x.id),
      partnershipId: p.id,
      kind: 'notice',
      recipient: x.id,
      ref: null,
      period: year,
      stage: 'year-targets',
      payload: { kind: 'notice', text, buttons: [{ label: `Start ${year}`, say: `start ${year}` }] },
    }));
}
