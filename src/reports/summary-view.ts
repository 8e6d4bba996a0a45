// A partnership's returns as they stood at an instant: the latest revision of each return submitted by
// then, and the overrides set by then. Summaries compare the RAG now with the RAG a week ago this way.
import { statusesOver, type StatusesOver } from '../app/partnership-view.js';
import { isReported } from '../app/status-query.js';
import type { IsoDate } from '../domain/iso-date.js';
import type { Measure } from '../domain/measure.js';
import type { MeasureStatus } from '../domain/status.js';
import { periodNumber, type FinancialCalendar, type Period } from '../domain/period.js';
import type { OverrideRecord, ReturnRecord } from '../domain/return-record.js';
import type { Db } from '../store/open-database.js';
import type { Partnership } from '../domain/partnership.js';
import { overridesFor, revisionHistory, type RevisionWindow } from '../store/return-store.js';
import { periodStates, signOffs, type SignOffRevision } from '../store/review-store.js';
import type { PeriodStateRecord } from '../domain/period-closure.js';
import type { SignOff } from '../domain/sign-off.js';

/**
 * The revisions of the returns, and the overrides, keyed by measure ref (`ref|period` for overrides).
 * History is every revision, or for a weekly summary those of the years it looks at (see SummaryWeek).
 */
export interface SummaryData {
  history: Map<string, ReturnRecord[]>;
  overrides: Map<string, OverrideRecord>;
  /** The sign-off of each current return, keyed `ref|period` (absent: no sign-off shown). */
  signOffs?: Map<string, SignOff>;
  /** The coordinator's latest word on each quarter (absent: none). */
  periodStates?: Map<string, PeriodStateRecord>;
}

/** The week a weekly summary looks back over: the partnership's working year, and the week's start. */
export interface SummaryWeek {
  year: number;
  since: Date;
}

/**
 * A weekly summary shows each measure at its latest reported period P (now and a week ago) against the
 * year before, the direction of travel against the period before P, the working year's returns and the
 * returns that came in this week. So it reads the periods from the start of the year two before the
 * working year. Enough for a measure whose history there holds a return reported by `since` (still
 * current) whose previous period is in the working year or the one before, and none of whose returns
 * this week are for earlier years; any other measure (long silent, or corrected years back) is read whole.
 */
function windowSuffices(cal: FinancialCalendar, history: ReturnRecord[], week: SummaryWeek): boolean {
  const since = week.since.getTime();
  for (const r of history)
    if (Date.parse(r.submittedAt) > since && cal.yearOf(r.period) < week.year - 1) return false;
  return returnsAsOf(history, Infinity).some(
    (r) =>
      isReported(r) &&
      Date.parse(r.submittedAt) <= since &&
      cal.yearOf(cal.previous(r.period)) >= week.year - 1,
  );
}

/** The first year of a weekly summary's window of revisions: the working year's two before it. */
const firstWindowYear = (week: SummaryWeek): number => week.year - 2;

/** Where a weekly summary's window of revisions starts: every revision of the periods ending from then. */
const windowStart = (cal: FinancialCalendar, week: SummaryWeek): IsoDate =>
  cal.start({ kind: 'year', year: firstWindowYear(week) });

async function readHistory(
  db: Db,
  cal: FinancialCalendar,
  ids: number[],
  week: SummaryWeek | undefined,
): Promise<Map<number, ReturnRecord[]>> {
  if (!week) return revisionHistory(db, cal, ids);
  const window: RevisionWindow = { from: windowStart(cal, week), orSubmittedAfter: week.since };
  const byId = await revisionHistory(db, cal, ids, window);
  const short = ids.filter((id) => !windowSuffices(cal, byId.get(id) ?? [], week));
  if (short.length > 0) for (const [id, all] of await revisionHistory(db, cal, short)) byId.set(id, all);
  return byId;
}

/**
 * The sign-offs. A weekly summary's history holds every revision of the periods in its window, so only
 * the earlier periods' are read (a partnership's history is thousands of revisions, a window three years).
 */
async function readSignOffs(
  db: Db,
  cal: FinancialCalendar,
  ids: number[],
  history: Map<number, ReturnRecord[]>,
  week: SummaryWeek | undefined,
): Promise<Map<string, SignOff>> {
  if (!week) return signOffs(db, ids);
  // A period ends on or after the window's start exactly when it is in the window's first year or later.
  const firstYear = firstWindowYear(week);
  const revisions: SignOffRevision[] = [];
  for (const [measureId, records] of history)
    for (const r of records)
      if (cal.yearOf(r.period) >= firstYear)
        revisions.push({
          measureId,
          period: cal.format(r.period),
          revision: r.revision,
          // A record keeps whether it was imported, not the channel; sign-off asks no more.
          source: r.imported ? 'import' : 'owner',
        });
  return signOffs(db, ids, { from: windowStart(cal, week), revisions });
}

/**
 * Lets the server answer what came in meanwhile. On SQLite a summary's reads run without waiting, tens of
 * milliseconds in all, so a status question arriving meanwhile would wait for the whole summary.
 */
const letOthersIn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Revisions and sign-offs, keyed by measure id (`id|period` for sign-offs). */
export interface ReturnsRead {
  history: Map<number, ReturnRecord[]>;
  signOffs: Map<string, SignOff>;
}

/** The revisions of the partnership's measures and their sign-offs: for a weekly summary (`week`), only those it looks at. */
export async function readReturns(
  db: Db,
  cal: FinancialCalendar,
  p: Partnership,
  week?: SummaryWeek,
): Promise<ReturnsRead> {
  const ids = p.measures.map((m) => p.measureIds.get(m.ref) as number);
  const history = await readHistory(db, cal, ids, week);
  await letOthersIn();
  return { history, signOffs: await readSignOffs(db, cal, ids, history, week) };
}

/** The reads put together by measure ref; overrides and sign-offs of measures not in `p` are left out. */
export function summaryDataOf(
  p: Partnership,
  returns: ReturnsRead,
  overrides: Map<string, OverrideRecord>,
  periodStates: Map<string, PeriodStateRecord>,
): SummaryData {
  const refOf = new Map(p.measures.map((m) => [p.measureIds.get(m.ref) as number, m.ref]));
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
    history: new Map([...refOf].map(([id, ref]) => [ref, returns.history.get(id) ?? []])),
    overrides: byRef(overrides),
    signOffs: byRef(returns.signOffs),
    periodStates,
  };
}

/** What a summary reads: for a weekly summary (`week`), only the revisions it looks at; else all. */
export async function readSummaryData(
  db: Db,
  cal: FinancialCalendar,
  p: Partnership,
  week?: SummaryWeek,
): Promise<SummaryData> {
  const ids = p.measures.map((m) => p.measureIds.get(m.ref) as number);
  const [returns, overrides, states] = await Promise.all([
    readReturns(db, cal, p, week),
    overridesFor(db, ids),
    periodStates(db, p.id),
  ]);
  await letOthersIn();
  return summaryDataOf(p, returns, overrides, states);
}

export type SummaryView = StatusesOver & {
  returns: Map<string, ReturnRecord[]>;
  /** The override of a measure's period as it stood then; null when there was none. */
  overrideOf(m: Measure, period: Period): OverrideRecord | null;
};

/** The current revision of each return as it stood at `until` (milliseconds), oldest period first. */
export function returnsAsOf(history: ReturnRecord[], until: number): ReturnRecord[] {
  const latest = new Map<number, ReturnRecord>();
  const all = until === Infinity;
  for (const r of history) {
    if (!all && Date.parse(r.submittedAt) > until) continue;
    const key = periodNumber(r.period);
    const seen = latest.get(key);
    if (!seen || seen.revision < r.revision) latest.set(key, r);
  }
  return [...latest.values()];
}

const sameRecords = (a: readonly ReturnRecord[], b: readonly ReturnRecord[]): boolean =>
  a.length === b.length && a.every((r, i) => r === b[i]);

export function summaryView(
  cal: FinancialCalendar,
  p: Partnership,
  data: SummaryData,
  /** As things stood at this instant; null for everything stored. */
  at: Date | null,
  today: IsoDate,
  /**
   * The view of the same partnership and data at a later instant (a weekly summary's now). A measure
   * with the same returns there, shown at the same period with the same override, has the same latest
   * status, so it is taken from there rather than worked out again (most measures change in no week).
   */
  later?: SummaryView,
): SummaryView {
  const until = at?.getTime() ?? Infinity;
  const returns = new Map(p.measures.map((m) => [m.ref, returnsAsOf(data.history.get(m.ref) ?? [], until)]));
  const overrideOf = (m: Measure, period: Period) => {
    const o = data.overrides.get(`${m.ref}|${cal.format(period)}`);
    return o && Date.parse(o.at) <= until ? o : null;
  };
  const approved = new Set(
    [...(data.signOffs ?? [])].filter(([, s]) => s.kind === 'approved').map(([key]) => key),
  );
  const over = statusesOver(
    cal,
    p,
    { returns, overrideOf, approved, periodStates: data.periodStates ?? new Map() },
    today,
  );
  const sameIn = (view: SummaryView, m: Measure, period: Period): boolean =>
    sameRecords(returns.get(m.ref) ?? [], view.returns.get(m.ref) ?? []) &&
    cal.equals(period, view.periodShown(m)) &&
    overrideOf(m, period) === view.overrideOf(m, period);
  // Each measure's latest status is worked out once per view (the week-ago view asks this one's).
  const latest = new Map<Measure, MeasureStatus>();
  const latestStatus = (m: Measure): MeasureStatus => {
    let status = latest.get(m);
    if (!status) {
      const period = over.periodShown(m);
      status = later && sameIn(later, m, period) ? later.latestStatus(m) : over.statusAt(m, period);
      latest.set(m, status);
    }
    return status;
  };
  return { returns, overrideOf, ...over, latestStatus };
}
