// A bot process killed (SIGKILL) in the middle of storing a return: inside the transaction, the revision
// written but not committed, or just after the commit, before anyone was answered. Restarted on the same
// database, the return is stored exactly once or not at all, and sending the same card again (the same
// request key) stores it once: never twice, never lost. And a Teams server killed after claiming card
// submissions and before storing them: the activities Teams redelivers after the restart are stored,
// once each, however soon they come.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPlanFile } from '../../../src/app/import-plan-file.js';
import { startFakeConnector, type FakeConnector } from '../../fakes/bot-connector.js';
import {
  actionData,
  cardOf,
  invoke,
  postActivity,
  teamsActivity,
  type Json,
} from '../../channels/teams/teams-client.js';
import { tempDb, type TempDb } from '../../helpers/temp-db.js';
import { kill, marker, runChild, startChild, waitUntil, type Child } from './child-process.js';

let db: TempDb;
let dir: string;

beforeEach(async () => {
  db = await tempDb();
  const imported = await importPlanFile(db.prisma, 'examples/stockton-2015-16.yaml', {
    dryRun: false,
    now: new Date('2016-05-02T09:00:00Z'),
  });
  if (!imported.ok) throw new Error(imported.errors.join('\n'));
  dir = await mkdtemp(join(tmpdir(), 'perfbot-fault-'));
});

afterEach(async () => {
  await db?.close();
  await rm(dir, { recursive: true, force: true });
});

const revisions = async () => {
  const m = await db.prisma.measure.findFirstOrThrow({ where: { ref: '2.2' } });
  const rows = await db.prisma.return.findMany({
    where: { measureId: m.id, period: '2015/16 Q4' },
    orderBy: { revision: 'asc' },
  });
  return rows.map((r) => ({ revision: r.revision, figures: r.figures, requestKey: r.requestKey }));
};

const audits = () => db.prisma.auditEvent.count({ where: { action: 'return.submit', ref: '2.2' } });

const KEY = 'card:2.2:2015/16 Q4:dan-mercer:1.abc123def456';

async function killAt(point: string): Promise<void> {
  const child = startChild('submit-process.ts', [db.url, dir, point, KEY]);
  await waitUntil(child, marker(dir, point), `reaching ${point}`);
  await kill(child);
}

describe('a process killed while storing a return', () => {
  it('inside the transaction: nothing is stored, and sending the card again stores it once', async () => {
    await killAt('in-transaction');
    expect(await revisions()).toEqual([{ revision: 1, figures: '{"value":489}', requestKey: null }]);
    expect(await audits()).toBe(0);

    const retried = await runChild<{ kind: string; revision: number }>('submit-process.ts', [
      db.url,
      dir,
      'none',
      KEY,
    ]);
    expect(retried).toEqual({ kind: 'stored', revision: 2 });
    expect((await revisions()).map((r) => r.revision)).toEqual([1, 2]);
    expect(await audits()).toBe(1);
  }, 120_000);

  it('after the commit: stored exactly once, and sending the card again stores nothing more', async () => {
    await killAt('after-commit');
    expect((await revisions()).map((r) => [r.revision, r.requestKey])).toEqual([
      [1, null],
      [2, KEY],
    ]);

    const retried = await runChild<{ kind: string; revision: number }>('submit-process.ts', [
      db.url,
      dir,
      'none',
      KEY,
    ]);
    expect(retried).toEqual({ kind: 'duplicate', revision: 2 });
    expect((await revisions()).map((r) => r.revision)).toEqual([1, 2]);
    expect(await audits()).toBe(1);
  }, 120_000);
});

/** A bot server process on the test's database, once it is listening. */
async function startServerProcess(): Promise<{ child: Child; url: string }> {
  const child = startChild('server-process.ts', [db.url]);
  const url = () => /\{"url":"([^"]+)"\}/.exec(child.output())?.[1] ?? '';
  await waitUntil(child, () => url() !== '', 'the server listening');
  return { child, url: url() };
}

describe('a Teams server killed after claiming card submissions, before storing them', () => {
  let connector: FakeConnector;
  const children: Child[] = [];
  beforeEach(async () => {
    connector = await startFakeConnector();
  });
  afterEach(async () => {
    for (const c of children.splice(0)) if (c.process.exitCode === null) await kill(c);
    await connector?.close();
  });

  // Dan, as Teams sends him when it gives no Entra id: found by the email the roster gives.
  const BY_ROSTER = { from: { id: '29:dan-by-roster', name: 'Insp. Dan Mercer' } };
  const REFS = ['2.1', '2.2', '2.3'];
  const stored = async (ref: string) => {
    const m = await db.prisma.measure.findFirstOrThrow({ where: { ref } });
    return db.prisma.return.count({
      where: { measureId: m.id, period: '2015/16 Q4', requestKey: { not: null } },
    });
  };
  const submitted = (ref: string) => db.prisma.auditEvent.count({ where: { action: 'return.submit', ref } });

  async function confirmInvoke(url: string, ref: string): Promise<Json> {
    const before = connector.received.length;
    await postActivity(url, teamsActivity('personal-message', connector, { text: `submit ${ref}` }));
    const card = cardOf((await connector.waitFor(before + 1))[before]?.activity ?? {});
    if (!card) throw new Error(`no card for ${ref}`);
    const data = {
      ...actionData(card, 'submitReturn'),
      'figure.value': '500',
      narrative: 'Night-time economy.',
      correctiveAction: 'Extra patrols.',
    };
    return invoke(connector, 'confirmReturn', data, BY_ROSTER);
  }

  it('stores each redelivery exactly once, whether it comes 1 s, 5 s or 30 s after the restart', async () => {
    connector.members.set('29:dan-by-roster', { id: '29:dan-by-roster', email: 'dan.mercer@example.org' });
    const first = await startServerProcess();
    children.push(first.child);
    const activities: Json[] = [];
    for (const ref of REFS) activities.push(await confirmInvoke(first.url, ref));

    // Each turn claims its activity, then waits on the roster; the process dies there.
    connector.holdMembers = true;
    for (const a of activities) void postActivity(first.url, a).catch(() => null);
    await waitUntil(first.child, () => connector.memberLookups === REFS.length, 'three turns at the roster');
    await kill(first.child);
    expect(await db.prisma.inboundActivity.count({ where: { handledAt: null } })).toBe(REFS.length);
    for (const ref of REFS) expect(await stored(ref)).toBe(0);

    connector.holdMembers = false;
    const second = await startServerProcess();
    children.push(second.child);
    const restarted = performance.now();
    const after = (s: number) =>
      new Promise((resolve) => setTimeout(resolve, Math.max(0, restarted + s * 1000 - performance.now())));
    const answers = await Promise.all(
      [1, 5, 30].map(async (s, i) => {
        await after(s);
        return postActivity(second.url, activities[i] as Json);
      }),
    );

    const said = (res: { status: number; body: Json | null }) =>
      `${res.status} ${/Stored as revision 2/.test(JSON.stringify(res.body)) ? 'stored' : JSON.stringify(res.body)}`;
    expect(answers.map(said)).toEqual(['200 stored', '200 stored', '200 stored']);
    for (const ref of REFS) {
      expect(await stored(ref), ref).toBe(1);
      expect(await submitted(ref), ref).toBe(1);
    }
    // Delivered once more: acknowledged, nothing more stored.
    for (const a of activities)
      expect(JSON.stringify((await postActivity(second.url, a)).body)).toMatch(/Already received/);
    for (const ref of REFS) expect(await stored(ref), ref).toBe(1);
  }, 120_000);
});
