// A weekly summary read and worked out, keeping each measure's part in memory. A summary's reads and
// its working out cost tens of milliseconds, and in any week most of a partnership's measures do not
// change between two summaries: each summary reads every measure's stamp (revisions and reviews), the
// overrides and the coordinator's word on periods, and works out again only the measures whose stamp,
// override or week changed, so another process's write is seen on the next summary.
import { isoDateOf } from '../domain/iso-date.js';
import type { PeriodStateRecord } from '../domain/period-closure.js';
import type { OverrideRecord } from '../domain/return-record.js';
import { currentYearOf } from '../domain/partnership-calendar.js';
import type { Partnership } from '../domain/partnership.js';
import type { Summary } from '../domain/summary-payload.js';
import type { Db } from '../store/open-database.js';
import { overridesFor } from '../store/return-store.js';
import { periodStates } from '../store/review-store.js';
import { revisionStamps } from '../store/revision-stamps.js';
import { measureWeeks, type MeasureWeek } from './measure-week.js';
import { readReturns, summaryDataOf } from './summary-view.js';
import { summaryOfWeeks, type WeeklySummaryFrame } from './weekly-summary.js';

/** A measure's part, what it was worked out from, and the instants it holds for. */
interface KeptWeek {
  week: MeasureWeek;
  stamp: string;
  /** It holds while the week's start and end stay in [since, sinceUntil) and [now, nowUntil). */
  since: number;
  sinceUntil: number;
  now: number;
  nowUntil: number;
}

/** A partnership's kept parts, for one day, week and word on its periods. */
interface KeptSummary {
  context: string;
  weeks: Map<number, KeptWeek>;
}

/** By client, then by plan (a plan is one object while its version stands: see loadPartnership). */
const kept = new WeakMap<object, WeakMap<Partnership, KeptSummary>>();

/** The first instant after `t` at which a revision was submitted or an override set; Infinity if none. */
function nextAfter(t: number, instants: number[]): number {
  let next = Infinity;
  for (const x of instants) if (x > t && x < next) next = x;
  return next;
}

/** Each measure's overrides as text, keyed by measure id: a changed override changes it. */
function overrideStamps(overrides: Map<string, OverrideRecord>): Map<number, string> {
  const out = new Map<number, string>();
  for (const [key, o] of overrides) {
    const id = Number(key.split('|')[0]);
    out.set(id, `${out.get(id) ?? ''}${JSON.stringify([key, o.rag, o.reason, o.by, o.at])}`);
  }
  return out;
}

export interface WeeklySummaryRead {
  summary: Summary;
  /** How many measures were worked out again (the others were kept). */
  workedOut: number;
}

/** What the measures' parts are worked out from, and what each measure's was worked out with. */
interface Basis {
  year: number;
  overrides: Map<string, OverrideRecord>;
  states: Map<string, PeriodStateRecord>;
  stampOf(id: number): string;
}

/** Works out the parts of the measures of `only` (the partnership, or some of its measures) and keeps them. */
async function workOut(
  db: Db,
  f: WeeklySummaryFrame,
  only: Partnership,
  b: Basis,
  weeks: Map<number, KeptWeek>,
) {
  const idOf = (ref: string) => only.measureIds.get(ref) as number;
  const returns = await readReturns(db, f.cal, only, { year: b.year, since: f.since });
  const data = summaryDataOf(only, returns, b.overrides, b.states);
  const since = f.since.getTime();
  const now = f.now.getTime();
  for (const week of measureWeeks({ ...f, partnership: only }, data)) {
    const { ref } = week.measure;
    const instants = [
      ...(data.history.get(ref) ?? []).map((r) => Date.parse(r.submittedAt)),
      ...[...data.overrides].filter(([key]) => key.startsWith(`${ref}|`)).map(([, o]) => Date.parse(o.at)),
    ];
    weeks.set(idOf(ref), {
      week,
      stamp: b.stampOf(idOf(ref)),
      since,
      sinceUntil: nextAfter(since, instants),
      now,
      nowUntil: nextAfter(now, instants),
    });
  }
}

/** The partnership's kept parts for the frame's day and week and the word on its periods. */
function keptFor(db: Db, f: WeeklySummaryFrame, context: string): Map<number, KeptWeek> {
  const byPlan = kept.get(db) ?? new WeakMap<Partnership, KeptSummary>();
  kept.set(db, byPlan);
  const summary = byPlan.get(f.partnership);
  if (summary?.context === context) return summary.weeks;
  const weeks = new Map<number, KeptWeek>();
  byPlan.set(f.partnership, { context, weeks });
  return weeks;
}

/** The weekly summary of the frame's partnership, from what is stored now. */
export async function readWeeklySummary(db: Db, f: WeeklySummaryFrame): Promise<WeeklySummaryRead> {
  const { cal, partnership: p } = f;
  const idOf = (ref: string) => p.measureIds.get(ref) as number;
  const ids = p.measures.map((m) => idOf(m.ref));
  const [revisions, overrides, states] = await Promise.all([
    revisionStamps(db, ids),
    overridesFor(db, ids),
    periodStates(db, p.id),
  ]);
  const year = currentYearOf(cal, p.settings, f.today);
  const weekAgo = isoDateOf(f.since, p.settings.timezone);
  const weeks = keptFor(db, f, JSON.stringify([f.today, weekAgo, year, [...states]]));
  const overridden = overrideStamps(overrides);
  const stampOf = (id: number) => `${revisions.get(id) ?? ''}|${overridden.get(id) ?? ''}`;
  const since = f.since.getTime();
  const now = f.now.getTime();
  const holds = (id: number, k = weeks.get(id)) =>
    k !== undefined &&
    k.stamp === stampOf(id) &&
    k.since <= since &&
    since < k.sinceUntil &&
    k.now <= now &&
    now < k.nowUntil;
  const stale = p.measures.filter((m) => !holds(idOf(m.ref)));
  if (stale.length > 0) {
    const only = stale.length === p.measures.length ? p : { ...p, measures: stale };
    await workOut(db, f, only, { year, overrides, states, stampOf }, weeks);
  }
  const parts = p.measures.map((m) => (weeks.get(idOf(m.ref)) as KeptWeek).week);
  return { summary: summaryOfWeeks(f, parts), workedOut: stale.length };
}
