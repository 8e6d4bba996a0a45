// A bot process killed (SIGKILL) in the middle of storing a return: inside the transaction, the revision
// written but not committed, or just after the commit, before anyone was answered. Restarted on the same
// database, the return is stored exactly once or not at all, and sending the same card again (the same
// request key) stores it once: never twice, never lost.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPlanFile } from '../../src/app/import-plan-file.js';
import { tempDb, type TempDb } from '../helpers/temp-db.js';
import { kill, marker, runChild, startChild, waitUntil } from './child-process.js';

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
