// The turn's reads in plain SQL (src/store/raw-rows.ts) return exactly the rows the ORM returns, on
// SQLite and on PostgreSQL: numbers, Dates, booleans, nulls and JSON text alike, for every table they
// read, and the helpers' edge cases (no ids, no refs) read nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boardViews } from '../../src/store/board-store.js';
import { inList, Prisma, rawRows } from '../../src/store/raw-rows.js';
import { financialCalendar } from '../../src/domain/period.js';
import { revisionHistory, toRecord } from '../../src/store/return-store.js';
import { reviewsOf, signOffs, signOffsOver } from '../../src/store/review-store.js';
import { signOffSubjects } from '../../src/domain/sign-off.js';
import { minimalPlanDb } from '../helpers/minimal-db.js';
import type { TempDb } from '../helpers/temp-db.js';

const now = new Date('2016-05-20T09:00:00.123Z');
let db: TempDb;
let measureId: number;
let partnershipId: number;

beforeEach(async () => {
  db = await minimalPlanDb(now);
  const m = await db.prisma.measure.findFirstOrThrow({ where: { ref: '1.1' } });
  measureId = m.id;
  partnershipId = m.partnershipId;
  const p = db.prisma;
  await p.return.createMany({
    data: [
      {
        measureId,
        period: '2009/10 Q1',
        periodEnd: '2009-06-30',
        revision: 1,
        figures: '{"value":104}',
        narrative: 'Ünïcode “quotes” and ${x}',
        submittedAt: now,
        source: 'teams',
      },
      {
        measureId,
        period: '2009/10 Q2',
        periodEnd: '2009-09-30',
        revision: 1,
        figures: null,
        notAvailable: 'system down',
        expectedDate: '2016-06-01',
        correctiveAction: 'plan',
        submittedBy: 'ana-owner',
        submittedAt: new Date('2015-10-05T23:59:59.999Z'),
        source: 'slack',
        requestKey: 'k1',
        dated: false,
      },
    ],
  });
  await p.returnReview.create({
    data: { measureId, period: '2009/10 Q1', revision: 1, decision: 'approved', by: 'priya', at: now },
  });
  await p.override.create({
    data: { measureId, period: '2009/10 Q1', rag: 'Amber', reason: 'why', setBy: 'priya', setAt: now },
  });
  await p.periodState.create({
    data: { partnershipId, period: '2009/10 Q1', state: 'closed', by: 'priya', at: now, reason: 'done' },
  });
  await p.boardSnapshot.create({
    data: { partnershipId, period: '2009/10 Q1', ref: '1.1', seen: '{"rag":"Green"}', takenAt: now },
  });
  await p.delegation.create({
    data: { partnershipId, ref: '1.1', delegate: 'bo', setBy: 'priya', setAt: now },
  });
  await p.conversationRef.create({
    data: {
      platform: 'teams',
      partnershipId,
      kind: 'person',
      target: 'ana-owner',
      conversationId: 'a:1',
      reference: '{}',
      active: false,
      updatedAt: now,
    },
  });
});
afterEach(async () => {
  await db.close();
});

describe('reads in plain SQL', () => {
  it('return the ORM’s rows, typed alike, for every table the turn reads', async () => {
    const p = db.prisma;
    const same = async (table: string, orm: () => Promise<unknown[]>) =>
      expect(await rawRows(p, Prisma.sql`SELECT * FROM ${Prisma.raw(`"${table}"`)} ORDER BY 1`)).toEqual(
        await orm(),
      );
    await same('Return', () => p.return.findMany({ orderBy: { id: 'asc' } }));
    await same('ReturnReview', () => p.returnReview.findMany({ orderBy: { id: 'asc' } }));
    await same('Override', () => p.override.findMany({ orderBy: { id: 'asc' } }));
    await same('PeriodState', () => p.periodState.findMany({ orderBy: { partnershipId: 'asc' } }));
    await same('BoardSnapshot', () => p.boardSnapshot.findMany({ orderBy: { partnershipId: 'asc' } }));
    await same('Delegation', () => p.delegation.findMany({ orderBy: { id: 'asc' } }));
    await same('ConversationRef', () => p.conversationRef.findMany({ orderBy: { id: 'asc' } }));
    await same('Partnership', () => p.partnership.findMany({ orderBy: { id: 'asc' } }));
    const [row] = await rawRows<{ submittedAt: unknown; dated: unknown }>(
      p,
      Prisma.sql`SELECT * FROM "Return" WHERE "requestKey" = ${'k1'}`,
    );
    expect(row?.submittedAt).toEqual(new Date('2015-10-05T23:59:59.999Z'));
    expect(row?.dated).toBe(false);
  });

  it('reads a summary’s window of revisions as the ORM’s where would, dates compared as dates', async () => {
    const p = db.prisma;
    const cal = financialCalendar(4);
    const counts: number[] = [];
    for (const window of [
      { from: '2009-07-01', orSubmittedAfter: new Date('2016-05-20T09:00:00.122Z') },
      { from: '2009-07-01', orSubmittedAfter: new Date('2016-05-20T09:00:00.123Z') },
      { from: '2009-06-30', orSubmittedAfter: new Date('2030-01-01T00:00:00Z') },
    ]) {
      const orm = await p.return.findMany({
        where: {
          measureId,
          OR: [{ periodEnd: { gte: window.from } }, { submittedAt: { gt: window.orSubmittedAfter } }],
        },
        orderBy: [{ periodEnd: 'asc' }, { revision: 'asc' }],
      });
      const raw = (await revisionHistory(p, cal, [measureId], window)).get(measureId);
      expect(raw).toEqual(orm.map((row) => toRecord(cal, row)));
      counts.push(orm.filter((r) => r.periodEnd.startsWith('2009')).length);
    }
    // Q1 (ended before the window) is in only while submitted after the instant; Q2 always.
    expect(counts).toEqual([2, 1, 2]);
  });

  it('reads sign-offs as the ORM’s rows give them, each measure’s oldest period first', async () => {
    const p = db.prisma;
    // A forced import over Q1's approved figures from chat: awaiting approval again, revision 2.
    await p.return.create({
      data: {
        measureId,
        period: '2009/10 Q1',
        periodEnd: '2009-06-30',
        revision: 2,
        figures: '{"value":105}',
        submittedAt: now,
        source: 'import',
      },
    });
    const rows = await p.return.findMany({ where: { measureId }, orderBy: { revision: 'asc' } });
    const fromOrm = signOffsOver(signOffSubjects(rows), await reviewsOf(p, [measureId]));
    const raw = await signOffs(p, [measureId]);
    expect(raw).toEqual(fromOrm);
    expect([...raw]).toEqual([
      [`${measureId}|2009/10 Q1`, { kind: 'awaiting', revision: 2 }],
      [`${measureId}|2009/10 Q2`, { kind: 'awaiting', revision: 1 }],
      [`${measureId}|2015/16 Q1`, { kind: 'none' }],
    ]);
    expect(await signOffs(p, [])).toEqual(new Map());
  });

  it('reads nothing for no ids and no refs, and only the ids and refs asked for', async () => {
    const p = db.prisma;
    expect(await rawRows(p, Prisma.sql`SELECT * FROM "Return" WHERE ${inList('measureId', [])}`)).toEqual([]);
    expect(
      await rawRows(p, Prisma.sql`SELECT * FROM "Return" WHERE ${inList('measureId', [measureId + 999])}`),
    ).toEqual([]);
    expect((await reviewsOf(p, [measureId])).get(`${measureId}|2009/10 Q1`)).toHaveLength(1);
    expect(await reviewsOf(p, [])).toEqual(new Map());
    expect([...(await boardViews(p, partnershipId)).keys()]).toEqual(['1.1|2009/10 Q1']);
    expect([...(await boardViews(p, partnershipId, ['1.1'])).keys()]).toEqual(['1.1|2009/10 Q1']);
    expect(await boardViews(p, partnershipId, ['2.2'])).toEqual(new Map());
    expect(await boardViews(p, partnershipId, [])).toEqual(new Map());
  });
});
