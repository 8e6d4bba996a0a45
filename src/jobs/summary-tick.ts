// The summaries' tick: for each partnership, writes this week's summary to the outbox once its time has
// come (key summary:<partnership>:<ISO week>), and the quarter's summary once the quarter closes (key
// quarter:<partnership>:<quarter>). The unique key makes a restart, a missed tick or a second scheduler
// harmless: the first to write wins, the others find the key and write nothing. No tick lock is needed,
// on PostgreSQL either: the rows are written outside a transaction, so a key written meanwhile by another
// instance only skips that row.
import type { IsoDate } from '../domain/iso-date.js';
import { addDays, isoDateOf } from '../domain/iso-date.js';
import { financialCalendar, type FinancialCalendar, type Period } from '../domain/period.js';
import { currentQuarterOf } from '../domain/partnership-calendar.js';
import { localTime, sendWindow, zonedInstant } from '../domain/reminders/reminder-time.js';
import { quarterSummaryKey, weeklySummaryKey } from '../domain/summary-payload.js';
import type { Logger } from '../log.js';
import { quarterComplete, quarterSummary } from '../reports/quarter-summary.js';
import { readSummaryData } from '../reports/summary-view.js';
import { partnershipNow, type SummaryChart } from '../reports/weekly-summary.js';
import { readWeeklySummary } from '../reports/weekly-summary-read.js';
import type { Db } from '../store/open-database.js';
import { summaryMessage } from '../store/outbox-messages.js';
import { insertMissing, outboxByKeys, type NewOutboxMessage } from '../store/outbox-store.js';
import type { Partnership } from '../domain/partnership.js';
import { listPartnerships, loadPartnership } from '../store/partnership-store.js';
import { checkCron, lastOccurrenceThisWeek } from './summary-due.js';

export interface SummaryTickDeps {
  db: Db;
  log: Logger;
  /** A fixed "today" (config TODAY, demonstrations). */
  today?: IsoDate;
  chart: SummaryChart | null;
}

export interface SummaryTickResult {
  partnership: string;
  written: string[];
}

const absent = async (db: Db, key: string) => !(await outboxByKeys(db, [key])).has(key);

interface Moment {
  cal: FinancialCalendar;
  /** The instant as the partnership sees it (TODAY applied), and its date. */
  now: Date;
  today: IsoDate;
}

async function weekly(deps: SummaryTickDeps, p: Partnership, m: Moment): Promise<NewOutboxMessage[]> {
  const { timezone, summary: policy } = p.settings;
  const due = lastOccurrenceThisWeek(policy.cron, timezone, m.now);
  if (!due) return [];
  const key = weeklySummaryKey(p.settings.id, due.week.label);
  if (!(await absent(deps.db, key))) return [];
  const at = localTime(due.at, timezone);
  // A week before the scheduled time, on the wall clock (a week is not 168 hours across a clock change).
  const since = zonedInstant(`${addDays(at.date, -7)}T${at.time}`, timezone) ?? due.at;
  const { summary } = await readWeeklySummary(deps.db, {
    cal: m.cal,
    partnership: p,
    now: m.now,
    since,
    today: m.today,
    week: due.week.label,
    chart: deps.chart,
  });
  return [summaryMessage(p, key, summary)];
}

/**
 * The quarters whose close may be due: the last one ended (posted when all its returns are in), and
 * any with a board date in the past week (posted then, missing returns and all).
 */
function quarterCandidates(p: Partnership, m: Moment): { quarter: Period; board: boolean }[] {
  const out = [{ quarter: currentQuarterOf(m.cal, p.settings, m.today), board: false }];
  for (const [text, date] of Object.entries(p.settings.summary.boardDates)) {
    const parsed = m.cal.parse(text);
    if (parsed.ok && date <= m.today && m.today < addDays(date, 7))
      out.push({ quarter: parsed.value, board: true });
  }
  return out;
}

async function quarterly(deps: SummaryTickDeps, p: Partnership, m: Moment): Promise<NewOutboxMessage[]> {
  // Posted in working hours, like reminders: the channel is not woken at night.
  if (!p.settings.summary.quarterClose) return [];
  if (!sendWindow(localTime(m.now, p.settings.timezone), p.settings.reminders).open) return [];
  const out: NewOutboxMessage[] = [];
  let data: Awaited<ReturnType<typeof readSummaryData>> | null = null;
  for (const { quarter, board } of quarterCandidates(p, m)) {
    const key = quarterSummaryKey(p.settings.id, m.cal.format(quarter));
    if (out.some((x) => x.key === key) || !(await absent(deps.db, key))) continue;
    data ??= await readSummaryData(deps.db, m.cal, p);
    const input = { cal: m.cal, partnership: p, data, quarter, today: m.today };
    if (board || quarterComplete(input))
      out.push(summaryMessage(p, key, quarterSummary({ ...input, chart: deps.chart })));
  }
  return out;
}

async function tickOne(deps: SummaryTickDeps, p: Partnership, clock: Date): Promise<string[]> {
  const { timezone, summary: policy } = p.settings;
  if (!policy.enabled) return [];
  const valid = checkCron(policy.cron);
  if (!valid.ok) {
    deps.log.error({ cron: policy.cron, fix: valid.error }, 'summaries not scheduled: bad cron expression');
    return [];
  }
  const today = deps.today ?? isoDateOf(clock, timezone);
  const m: Moment = {
    cal: financialCalendar(p.settings.yearStartMonth),
    now: partnershipNow(clock, today, timezone),
    today,
  };
  const messages = [...(await weekly(deps, p, m)), ...(await quarterly(deps, p, m))];
  return insertMissing(deps.db, messages, clock);
}

export async function summaryTick(deps: SummaryTickDeps, now: Date): Promise<SummaryTickResult[]> {
  const results: SummaryTickResult[] = [];
  for (const { slug } of await listPartnerships(deps.db)) {
    const p = await loadPartnership(deps.db, slug);
    if (!p) continue;
    const written = await tickOne(deps, p, now);
    if (written.length > 0)
      deps.log.child({ partnership: slug }).info({ written }, 'summaries written to the outbox');
    results.push({ partnership: slug, written });
  }
  return results;
}
