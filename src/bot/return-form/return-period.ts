// Which period "submit 2.2" opens a return card for: the one asked (checked against the measure and the
// plan's years), else what the reporting calendar says is missing.
import type { PartnershipView } from '../../app/partnership-view.js';
import type { Measure } from '../../domain/measure.js';
import { isMissing } from '../../domain/partnership-calendar.js';
import type { Parsed, Period } from '../../domain/period.js';
import { formatPlanYears } from '../../domain/reporting-calendar.js';
import type { Turn } from '../conversation.js';

/**
 * The period a return is for: as asked (ended, and within the plan's years), else the oldest one the
 * reporting calendar says is missing, else the measure's current period.
 */
export function periodFor(
  turn: Turn,
  view: PartnershipView,
  m: Measure,
  asked: string | null,
): Parsed<Period> {
  const { cal, today } = turn;
  const { calendar } = view;
  if (asked) {
    const parsed = cal.parse(asked, { defaultYear: view.year });
    if (!parsed.ok) return parsed;
    if (cal.frequencyOf(parsed.value) !== m.frequency) {
      const example = cal.format(cal.containing(cal.start(parsed.value), m.frequency));
      return { ok: false, error: `${m.ref} is reported ${m.frequency}: submit for a period like ${example}` };
    }
    if (cal.end(parsed.value) >= today) {
      return {
        ok: false,
        error: `${cal.format(parsed.value)} has not ended yet (it ends ${cal.end(parsed.value)}): its return opens the day after.`,
      };
    }
    return calendar.inPlan(parsed.value);
  }
  const owed = view.obligations().find((o) => o.ref === m.ref && isMissing(o));
  if (owed) return { ok: true, value: owed.period };
  if (calendar.years && calendar.liveYears.length === 0) {
    const last = cal.format(calendar.currentPeriod(m));
    return {
      ok: false,
      error: `Nothing is owed for ${m.ref}: the plan covers ${formatPlanYears(cal, calendar.years)}. To revise a return, name its period, e.g. "submit ${m.ref} ${last}".`,
    };
  }
  return { ok: true, value: calendar.currentPeriod(m) };
}
