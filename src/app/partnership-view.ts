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

export async function readPartnershipView(
  db: Db,
  cal: FinancialCalendar,
  p: Partnership,
  today: IsoDate,
): Promise<PartnershipView> {
  const ids = p.measures.map((m) => p.measureIds.get(m.ref) as number);
  const [byId, overrides] = await Promise.all([currentReturns(db, cal, ids), overridesFor(db, ids)]);
  const returns = new Map(p.measures.map((m) => [m.ref, byId.get(p.measureIds.get(m.ref) as number) ?? []]));
  const year = workingYear(cal, today, p.settings.currentYear);
  const statusAt = (m: Measure, period: Period) =>
    computeStatus({
      cal,
      measure: m,
      period,
      returns: returns.get(m.ref) ?? [],
      override: overrides.get(`${p.measureIds.get(m.ref)}|${cal.format(period)}`) ?? null,
      rules: rulesFor(p, m),
    });
  return {
    year,
    returns,
    overrides,
    statusAt,
    latestStatus: (m) => statusAt(m, defaultPeriod(cal, m, returns.get(m.ref) ?? [], today)),
    obligations: () =>
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
