// Two bot processes on one SQLite database (tests/jobs/scheduler-process.ts with
// SCHEDULER_JOBS=summaries), running the summary tick and the delivery loop at the same moments over
// three weeks (a Monday tick missed in the third): each week's summary is written once and posted once
// between them.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zonedInstant } from '../../src/domain/reminder-time.js';
import type { OutboxRow } from '../../src/store/outbox-store.js';
import { startFakeConnector, type FakeConnector } from '../fakes/bot-connector.js';
import { LONDON } from './jobs-harness.js';
import { CHANNEL, summaryHarness, type SummaryHarness } from './summary-jobs-harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Ticks around three Mondays; on Monday 25 April nothing runs until Tuesday. */
const INSTANTS = [
  '2016-04-11T08:30',
  '2016-04-11T09:00',
  '2016-04-11T09:05',
  '2016-04-13T12:00',
  '2016-04-18T09:00',
  '2016-04-18T09:05',
  '2016-04-26T10:00',
  '2016-04-26T10:05',
].map((t) => (zonedInstant(t, LONDON) as Date).toISOString());

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

async function run(me: string, other: string): Promise<ProcessReport> {
  const args = [
    '--import',
    'tsx',
    'tests/jobs/scheduler-process.ts',
    h.s.db.url,
    barrier,
    me,
    other,
    ...INSTANTS,
  ];
  const { stdout } = await promisify(execFile)(process.execPath, args, {
    cwd: ROOT,
    timeout: 90_000,
    env: { ...process.env, SCHEDULER_JOBS: 'summaries' },
  });
  return JSON.parse(stdout) as ProcessReport;
}

beforeAll(async () => {
  connector = await startFakeConnector();
  h = await summaryHarness({ serviceUrl: `${connector.url}/` });
  await h.addToChannel(`${connector.url}/`);
  barrier = await mkdtemp(join(tmpdir(), 'perfbot-summary-barrier-'));
  reports = await Promise.all([run('a', 'b'), run('b', 'a')]);
  rows = await h.outbox();
}, 120_000);

afterAll(async () => {
  await h?.close();
  await connector?.close();
  if (barrier) await rm(barrier, { recursive: true, force: true });
});

describe('two summary schedulers on one database', () => {
  it('both ran every tick without an error', () => {
    expect(reports.flatMap((r) => r.errors)).toEqual([]);
  });

  it('wrote each week once between them: weeks 15, 16 and (a day late) 17', () => {
    expect(rows.map((r) => r.key).sort()).toEqual([
      'summary:stockton:2016-W15',
      'summary:stockton:2016-W16',
      'summary:stockton:2016-W17',
    ]);
    expect(reports[0]!.written + reports[1]!.written).toBe(3);
  });

  it('posted each week once to the channel, and recorded each as sent', () => {
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(connector.received.filter((r) => r.conversationId === CHANNEL)).toHaveLength(3);
    expect(connector.received).toHaveLength(3);
    expect(reports[0]!.sent + reports[1]!.sent).toBe(3);
  });
});
