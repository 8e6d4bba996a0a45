// A partnership's returns as they stood at an instant: the latest revision of each return submitted by
// then, and the overrides set by then. Summaries compare the RAG now with the RAG a week ago this way.
import { statusesOver, type StatusesOver } from '../app/partnership-view.js';
import type { IsoDate } from '../domain/iso-date.js';
import type { Measure } from '../domain/measure.js';
import type { FinancialCalendar, Period } from '../domain/period.js';
import type { OverrideRecord, ReturnRecord } from '../domain/return-record.js';
import type { Db } from '../store/open-database.js';
import type { Partnership } from '../store/plan-store.js';
import { overridesFor, revisionHistory } from '../store/return-store.js';
import { signOffs } from '../store/review-store.js';
import type { SignOff } from '../domain/sign-off.js';

/** Every revision of every return, and the overrides, keyed by measure ref (`ref|period` for overrides). */
export interface SummaryData {
  history: Map<string, ReturnRecord[]>;
  overrides: Map<string, OverrideRecord>;
  /** The sign-off of each current return, keyed `ref|period` (absent: no sign-off shown). */
  signOffs?: Map<string, SignOff>;
}

export async function readSummaryData(db: Db, cal: FinancialCalendar, p: Partnership): Promise<SummaryData> {
  const refOf = new Map(p.measures.map((m) => [p.measureIds.get(m.ref) as number, m.ref]));
  const ids = [...refOf.keys()];
  const [byId, byIdOverrides, byIdSignOffs] = await Promise.all([
    revisionHistory(db, cal, ids),
    overridesFor(db, ids),
    signOffs(db, ids),
  ]);
  const byRef = <T>(m: Map<string, T>) => {
    const out = new Map<string, T>();
    for (const [key, v] of m) {
      const [id, period] = key.split('|');
      const ref = refOf.get(Number(id));
      if (ref) out.set(`${ref}|${period}`, v);
    }
    return out;
  };
  return {
    history: new Map(ids.map((id) => [refOf.get(id) ?? '', byId.get(id) ?? []])),
    overrides: byRef(byIdOverrides),
    signOffs: byRef(byIdSignOffs),
  };
}

export type SummaryView = StatusesOver & { returns: Map<string, ReturnRecord[]> };

/** The current revision of each return as it stood at `until` (milliseconds), oldest period first. */
export function returnsAsOf(history: ReturnRecord[], until: number): ReturnRecord[] {
  const latest = new Map<string, ReturnRecord>();
  for (const r of history) {
    if (Date.parse(r.submittedAt) > until) continue;
    const key = JSON.stringify(r.period);
    const seen = latest.get(key);
    if (!seen || seen.revision < r.revision) latest.set(key, r);
  }
  return [...latest.values()];
}

export function summaryView(
  cal: FinancialCalendar,
  p: Partnership,
  data: SummaryData,
  /** As things stood at this instant; null for everything stored. */
  at: Date | null,
  today: IsoDate,
): SummaryView {
  const until = at?.getTime() ?? Infinity;
  const returns = new Map(p.measures.map((m) => [m.ref, returnsAsOf(data.history.get(m.ref) ?? [], until)]));
  const overrideOf = (m: Measure, period: Period) => {
    const o = data.overrides.get(`${m.ref}|${cal.format(period)}`);
    return o && Date.parse(o.at) <= until ? o : null;
  };
  return { returns, ...statusesOver(cal, p, returns, overrideOf, today) };
}
