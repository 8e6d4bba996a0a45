// Status of one measure: find it, pick the period (asked, or the latest reported), compute.
import type { IsoDate } from '../domain/iso-date.js';
import type { Measure } from '../domain/measure.js';
import type { FinancialCalendar, Parsed, Period } from '../domain/period.js';
import { checkPeriodFor, computeStatus, type MeasureStatus, type StatusRules } from '../domain/status.js';
import type { ReturnRecord } from '../domain/return-record.js';
import type { Db } from '../store/open-database.js';
import type { Partnership } from '../store/plan-store.js';
import { currentReturns, overridesFor } from '../store/return-store.js';

export function rulesFor(p: Partnership, m: Measure): StatusRules {
  return {
    tolerancePct: m.rag.tolerancePct ?? p.settings.tolerancePct,
    redOnlyIfWorseThanLastYear: m.rag.redOnlyIfWorseThanLastYear ?? p.settings.redOnlyIfWorseThanLastYear,
    judgeAgainst: m.rag.judgeAgainst ?? p.settings.judgeAgainst,
  };
}

export function findMeasure(p: Partnership, ref: string): Parsed<Measure> {
  const clean = ref.trim().replace(/[?.!]+$/, '');
  const m = p.measures.find((x) => x.ref.toLowerCase() === clean.toLowerCase());
  if (m) return { ok: true, value: m };
  const refs = p.measures.map((x) => x.ref);
  return {
    ok: false,
    error: `There is no measure "${clean}" in ${p.settings.name}: measures are ${refs.slice(0, 12).join(', ')}${refs.length > 12 ? '…' : ''}`,
  };
}

/** Whether a return reports its period: figures, or the reason there are none. */
export const isReported = (r: ReturnRecord): boolean => r.figures !== null || r.notAvailable !== null;

/** The period to show when none is asked: the latest with a return, else the last completed one. */
export function defaultPeriod(
  cal: FinancialCalendar,
  m: Measure,
  returns: ReturnRecord[],
  today: IsoDate,
): Period {
  const reported = returns.filter(isReported).map((r) => r.period);
  return reported.sort((a, b) => cal.compare(a, b)).pop() ?? cal.lastCompleted(today, m.frequency);
}

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
  const id = p.measureIds.get(measure.ref) as number;
  const returns = (await currentReturns(db, cal, [id])).get(id) ?? [];
  let period: Period;
  if (q.period) {
    const parsed = cal.parse(q.period);
    if (!parsed.ok) return parsed;
    const fits = checkPeriodFor(cal, measure, parsed.value);
    if (!fits.ok) return fits;
    period = parsed.value;
  } else period = defaultPeriod(cal, measure, returns, q.today);
  const overrides = await overridesFor(db, [id]);
  return {
    ok: true,
    value: computeStatus({
      cal,
      measure,
      period,
      returns,
      override: overrides.get(`${id}|${cal.format(period)}`) ?? null,
      rules: rulesFor(p, measure),
    }),
  };
}
