// Two bot processes on one SQLite database, ticking and delivering at the same moments through two
// weeks of reminders: every message is written once and sent once, and none is left out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/iso-date.js';
import { zonedInstant } from '../../src/domain/reminders/reminder-time.js';
import type { OutboxRow } from '../../src/store/outbox-store.js';
import { startFakeConnector, type FakeConnector } from '../fakes/bot-connector.js';
import { jobsHarness, LONDON, type Harness } from './jobs-harness.js';
import { runInstances, type ProcessReport } from './run-instances.js';

let connector: FakeConnector;
let h: Harness;
let reports: ProcessReport[];
let rows: OutboxRow[];

/** Every working-hours tick of 7 to 21 April 2016: 09:00 and 12:00 each day. */
function instants(): string[] {
  const out: string[] = [];
  for (let day = '2016-04-07'; day <= '2016-04-21'; day = addDays(day, 1)) {
    for (const time of ['09:00', '12:00'])
      out.push((zonedInstant(`${day}T${time}`, LONDON) as Date).toISOString());
  }
  return out;
}

beforeAll(async () => {
  connector = await startFakeConnector();
  h = await jobsHarness({ serviceUrl: connector.url });
  reports = await runInstances({ url: h.s.db.url, names: ['a', 'b'], instants: instants() });
  rows = await h.outbox();
}, 120_000);

afterAll(async () => {
  await h?.close();
  await connector?.close();
});

describe('two schedulers on one database', () => {
  it('both ran every tick without an error, and both sent some of the messages', () => {
    expect(reports.flatMap((r) => r.errors)).toEqual([]);
    expect(reports.every((r) => r.sent > 0)).toBe(true);
  });

  it('wrote each message once between them', () => {
    expect(reports[0]!.written + reports[1]!.written).toBe(rows.length);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('sent every message, each once: one activity per recorded message, nothing unknown or pending', () => {
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    const messages = new Set(rows.map((r) => r.providerId));
    expect(connector.received).toHaveLength(messages.size);
    expect(reports[0]!.sent + reports[1]!.sent).toBe(rows.length);
  });

  it('left nothing out: each owner had the first reminder, the nudge, the due day and two chasers, and the coordinator the escalation', () => {
    const oldestFirst = [...rows].reverse();
    const stages = (person: string) => [
      ...new Set(oldestFirst.filter((r) => r.recipient === person).map((r) => r.stage)),
    ];
    for (const owner of ['dan-mercer', 'joanne-lister', 'martin-kell', 'sian-pryce', 'ruth-okafor'])
      expect(stages(owner)).toEqual(['first', 'nudge', 'due', 'chase-1', 'chase-2']);
    expect(stages('priya-sandhu')).toEqual(['escalate']);
    expect(connector.received).toHaveLength(5 * 5 + 1);
  });
});
