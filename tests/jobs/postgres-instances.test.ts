// Three bot processes on one PostgreSQL database (tests/jobs/scheduler-process.ts with
// SCHEDULER_JOBS=both), each running the reminder tick, the summary tick and the delivery loop at the
// same moments, every morning of a quarter: every reminder and every weekly summary reaches the
// connector exactly once. Runs in the PostgreSQL pass (TEST_DATABASE_URL=postgresql://…).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/iso-date.js';
import { zonedInstant } from '../../src/domain/reminders/reminder-time.js';
import type { OutboxRow } from '../../src/store/outbox-store.js';
import { startFakeConnector, type FakeConnector } from '../fakes/bot-connector.js';
import { testPostgres } from '../helpers/temp-db.js';
import { LONDON } from './jobs-harness.js';
import { runInstances, type ProcessReport } from './run-instances.js';
import { CHANNEL, summaryHarness, type SummaryHarness } from './summary-jobs-harness.js';

const INSTANCES = ['a', 'b', 'c'];

let connector: FakeConnector;
let h: SummaryHarness;
let reports: ProcessReport[];
let rows: OutboxRow[];

/** 09:00 every day of 2016/17 Q1 (1 April to 30 June 2016), London time. */
function instants(): string[] {
  const out: string[] = [];
  for (let day = '2016-04-01'; day <= '2016-06-30'; day = addDays(day, 1))
    out.push((zonedInstant(`${day}T09:00`, LONDON) as Date).toISOString());
  return out;
}

describe.skipIf(!testPostgres)('three instances on one PostgreSQL database, through a quarter', () => {
  beforeAll(async () => {
    connector = await startFakeConnector();
    h = await summaryHarness({ serviceUrl: `${connector.url}/` });
    await h.addToChannel(`${connector.url}/`);
    reports = await runInstances({
      url: h.s.db.url,
      names: INSTANCES,
      instants: instants(),
      jobs: 'both',
      timeoutMs: 240_000,
    });
    rows = await h.outbox();
  }, 300_000);

  afterAll(async () => {
    await h?.close();
    await connector?.close();
  });

  it('all three ran every tick without an error', () => {
    expect(reports.flatMap((r) => r.errors)).toEqual([]);
  });

  it('wrote each message once between them', () => {
    expect(reports.reduce((n, r) => n + r.written, 0)).toBe(rows.length);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('wrote the weekly summary of every week of the quarter, and reminders to every owner', () => {
    const weeks = rows.filter((r) => r.key.startsWith('summary:')).map((r) => r.key);
    expect(weeks.sort()).toEqual(
      Array.from({ length: 14 }, (_, i) => `summary:stockton:2016-W${String(13 + i).padStart(2, '0')}`),
    );
    const reminded = new Set(rows.filter((r) => r.kind === 'reminder').map((r) => r.recipient));
    expect([...reminded].sort()).toEqual([
      'dan-mercer',
      'joanne-lister',
      'martin-kell',
      'ruth-okafor',
      'sian-pryce',
    ]);
  });

  it('delivered every message exactly once: each recorded as sent with the id of its own activity', () => {
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    // The fake connector answers its n-th activity with the id "sent-n". Messages due to one person at
    // one moment go out together as one activity; a message sent twice would leave an activity no
    // message records.
    const activities = [...new Set(rows.map((r) => r.providerId))].sort();
    expect(activities).toEqual(connector.received.map((_, i) => `sent-${i + 1}`).sort());
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(rows.length);
    const summaries = rows.filter((r) => r.kind === 'summary');
    expect(connector.received.filter((r) => r.conversationId === CHANNEL)).toHaveLength(summaries.length);
    expect(new Set(summaries.map((r) => r.providerId)).size).toBe(summaries.length);
  });
});
