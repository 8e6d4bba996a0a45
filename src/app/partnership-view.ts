// Everything about a partnership's year in one read: current returns and overrides of every measure,
// so that lists (exceptions, overdue, my returns) cost two queries, not one per measure.
import type { IsoDate } from '../domain/iso-date.js';
import type { Measure } from '../domain/measure.js';
import { obligations, workingYear, type Obligation } from '../domain/obligations.js';
import type { FinancialCalendar, Period } from '../domain/period.js';
import type { ReturnRecord } from '../domain/return-record.js';
import { computeStatus, type MeasureStatus } from '../domain/status.js';
import type { Db } from '../store/open-database.js';
import type { Partnership } from '../store/plan-store.js';
import { currentReturns, overridesFor } from '../store/return-store.js';
import { defaultPeriod, rulesFor } from './status-query.js';
import type { OverrideRecord } from '../domain/return-record.js';

export interface PartnershipView {
  year: number;
  returns: Map<string, ReturnRecord[]>;
  overrides: Map<string, OverrideRecord>;
  statusAt(m: Measure, period: Period): MeasureStatus;
  /** The measure's status at its latest reported period (else the last ended one). */
  latestStatus(m: Measure): MeasureStatus;
  obligations(): Obligation[];
}

export interface StatusesOver {
  statusAt(m: Measure, period: Period): MeasureStatus;
  latestStatus(m: Measure): MeasureStatus;
  /** The returns owed in a financial year, received or not, as of `today`. */
  obligationsIn(year: number): Obligation[];
}

/** The pure half: statuses and obligations over the returns and overrides given (current, or as of a date). */
export function statusesOver(
  cal: FinancialCalendar,
  p: Partnership,
  returns: Map<string, ReturnRecord[]>,
  overrideOf: (m: Measure, period: Period) => OverrideRecord | null,
  today: IsoDate,
): StatusesOver {
  const statusAt = (m: Measure, period: Period) =>
    computeStatus({
      cal,
      measure: m,
      period,
      returns: returns.get(m.ref) ?? [],
      override: overrideOf(m, period),
      rules: rulesFor(p, m),
    });
  return {
    statusAt,
    latestStatus: (m) => statusAt(m, defaultPeriod(cal, m, returns.get(m.ref) ?? [], today)),
    obligationsIn: (year) =>
      obligations({
        cal,
        measures: p.measures,
        returns,
        year,
        today,
        dueWorkingDays: p.settings.dueWorkingDays,
      }),
  };
}

/**
 * The view of the whole partnership, or of some of its measures only (`only`: a status card needs one
 * measure's returns, not every measure's history); obligations then cover those measures alone.
 */
export async function readPartnershipView(
  db: Db,
  cal: FinancialCalendar,
  partnership: Partnership,
  today: IsoDate,
  only?: Measure[],
): Promise<PartnershipView> {
  const p = only ? { ...partnership, measures: only } : partnership;
  const ids = p.measures.map((m) => p.measureIds.get(m.ref) as number);
  const [byId, overrides] = await Promise.all([currentReturns(db, cal, ids), overridesFor(db, ids)]);
  const returns = new Map(p.measures.map((m) => [m.ref, byId.get(p.measureIds.get(m.ref) as number) ?? []]));
  const year = workingYear(cal, today, p.settings.currentYear);
  const over = statusesOver(
    cal,
    p,
    returns,
    (m, period) => overrides.get(`${p.measureIds.get(m.ref)}|${cal.format(period)}`) ?? null,
    today,
  );
  return {
    year,
    returns,
    overrides,
    statusAt: over.statusAt,
    latestStatus: over.latestStatus,
    obligations: () => over.obligationsIn(year),
  };
}
