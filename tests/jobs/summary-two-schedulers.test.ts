// Two bot processes on one SQLite database (tests/jobs/scheduler-process.ts with
// SCHEDULER_JOBS=summaries), running the summary tick and the delivery loop at the same moments over
// three weeks (a Monday tick missed in the third): each week's summary is written once and posted once
// between them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zonedInstant } from '../../src/domain/reminders/reminder-time.js';
import type { OutboxRow } from '../../src/store/outbox-store.js';
import { startFakeConnector, type FakeConnector } from '../fakes/bot-connector.js';
import { LONDON } from './jobs-harness.js';
import { runInstances, type ProcessReport } from './run-instances.js';
import { CHANNEL, summaryHarness, type SummaryHarness } from './summary-jobs-harness.js';

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

let connector: FakeConnector;
let h: SummaryHarness;
let reports: ProcessReport[];
let rows: OutboxRow[];

beforeAll(async () => {
  connector = await startFakeConnector();
  h = await summaryHarness({ serviceUrl: `${connector.url}/` });
  await h.addToChannel(`${connector.url}/`);
  reports = await runInstances({ url: h.s.db.url, names: ['a', 'b'], instants: INSTANTS, jobs: 'summaries' });
  rows = await h.outbox();
}, 120_000);

afterAll(async () => {
  await h?.close();
  await connector?.close();
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
