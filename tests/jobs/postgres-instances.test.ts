// Three bot processes on one PostgreSQL database (tests/jobs/scheduler-process.ts with
// SCHEDULER_JOBS=both), each running the reminder tick, the summary tick and the delivery loop at the
// same moments, every morning of a quarter: every reminder and every weekly summary reaches the
// connector exactly once. Runs in the PostgreSQL pass (TEST_DATABASE_URL=postgresql://…).
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/iso-date.js';
import { zonedInstant } from '../../src/domain/reminder-time.js';
import type { OutboxRow } from '../../src/store/outbox-store.js';
import { startFakeConnector, type FakeConnector } from '../fakes/bot-connector.js';
import { testPostgres } from '../helpers/temp-db.js';
import { LONDON } from './jobs-harness.js';
import { CHANNEL, summaryHarness, type SummaryHarness } from './summary-jobs-harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const INSTANCES = ['a', 'b', 'c'];

interface ProcessReport {
  written: number;
  sent: number;
  errors: string[];
}

let connector: FakeConnector;
let h: SummaryHarness;
let barrier: string;
let reports: ProcessReport[];
let rows: OutboxRow[];

/** 09:00 every day of 2016/17 Q1 (1 April to 30 June 2016), London time. */
function instants(): string[] {
  const out: string[] = [];
  for (let day = '2016-04-01'; day <= '2016-06-30'; day = addDays(day, 1))
    out.push((zonedInstant(`${day}T09:00`, LONDON) as Date).toISOString());
  return out;
}

async function run(me: string): Promise<ProcessReport> {
  const others = INSTANCES.filter((x) => x !== me).join(',');
  const args = ['--import', 'tsx', 'tests/jobs/scheduler-process.ts', h.s.db.url, barrier, me, others];
  const { stdout } = await promisify(execFile)(process.execPath, [...args, ...instants()], {
    cwd: ROOT,
    timeout: 240_000,
    env: { ...process.env, SCHEDULER_JOBS: 'both' },
  });
  return JSON.parse(stdout) as ProcessReport;
}

describe.skipIf(!testPostgres)('three instances on one PostgreSQL database, through a quarter', () => {
  beforeAll(async () => {
    connector = await startFakeConnector();
    h = await summaryHarness({ serviceUrl: `${connector.url}/` });
    await h.addToChannel(`${connector.url}/`);
    barrier = await mkdtemp(join(tmpdir(), 'perfbot-pg-barrier-'));
    reports = await Promise.all(INSTANCES.map(run));
    rows = await h.outbox();
  }, 300_000);

  afterAll(async () => {
    await h?.close();
    await connector?.close();
    if (barrier) await rm(barrier, { recursive: true, force: true });
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
