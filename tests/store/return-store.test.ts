// Returns and their revisions: every submission is kept, the latest is current, a repeated request stores once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { financialCalendar, type Period } from '../../src/domain/period.js';
import { submitRevision } from '../../src/store/submit-revision.js';
import {
  appendRevision,
  currentReturns,
  revisionsOf,
  type NewRevision,
} from '../../src/store/return-store.js';
import { minimalPlanDb } from '../helpers/minimal-db.js';
import { testPostgres, type TempDb } from '../helpers/temp-db.js';

const cal = financialCalendar(4);
const Q2: Period = { kind: 'quarter', year: 2015, quarter: 2 };
const now = new Date('2016-05-20T09:00:00Z');

let db: TempDb;
let measureId: number;
beforeEach(async () => {
  db = await minimalPlanDb(now);
  measureId = (await db.prisma.measure.findFirstOrThrow({ where: { ref: '1.1' } })).id;
});
afterEach(async () => {
  await db.close();
});

function revision(value: number, extra: Partial<NewRevision> = {}): NewRevision {
  return {
    measureId,
    period: Q2,
    figures: { value },
    narrative: `${value} offences`,
    correctiveAction: null,
    notAvailable: null,
    expectedDate: null,
    submittedBy: 'ana-owner',
    submittedAt: now,
    source: 'slack',
    requestKey: null,
    onlyIfChanged: false,
    ...extra,
  };
}

const append = (r: NewRevision) => db.prisma.$transaction((tx) => appendRevision(tx, cal, r));

describe('storing returns', () => {
  it('keeps every revision and treats the latest as current', async () => {
    expect(await append(revision(104))).toEqual({ kind: 'stored', revision: 1 });
    expect(await append(revision(110))).toEqual({ kind: 'stored', revision: 2 });

    const all = await revisionsOf(db.prisma, cal, measureId, Q2);
    expect(all.map((r) => [r.revision, r.figures])).toEqual([
      [1, { value: 104 }],
      [2, { value: 110 }],
    ]);
    const current = (await currentReturns(db.prisma, cal, [measureId])).get(measureId) ?? [];
    expect(current.map((r) => [cal.format(r.period), r.revision, r.figures])).toEqual([
      ['2015/16 Q1', 1, { value: 98 }],
      ['2015/16 Q2', 2, { value: 110 }],
    ]);
  });

  it('stores a request once when it arrives twice', async () => {
    await append(revision(104, { requestKey: 'card-1' }));

    expect(await append(revision(104, { requestKey: 'card-1' }))).toEqual({ kind: 'duplicate', revision: 1 });
    expect(await revisionsOf(db.prisma, cal, measureId, Q2)).toHaveLength(1);
  });

  it('skips an unchanged return when asked to store only changes', async () => {
    await append(revision(104));

    expect(await append(revision(104, { onlyIfChanged: true }))).toEqual({ kind: 'unchanged', revision: 1 });
    expect(await append(revision(105, { onlyIfChanged: true }))).toEqual({ kind: 'stored', revision: 2 });
  });
});

describe('two submissions of the same return at once', () => {
  // SQLite runs one writing transaction at a time; on PostgreSQL both read revision 1 before either
  // commits, and the second's insert meets the first's key.
  it.skipIf(!testPostgres)(
    'stores the first and answers the second "conflict", naming what is stored',
    async () => {
      await append(revision(104));
      let release = () => {};
      const held = new Promise<void>((r) => (release = r));
      let firstStored = false;
      const first = submitRevision(db.prisma, cal, revision(110, { requestKey: 'first' }), 1, {
        afterStore: async () => {
          firstStored = true;
          await held;
        },
      });
      while (!firstStored) await new Promise((r) => setTimeout(r, 5));
      const second = submitRevision(db.prisma, cal, revision(120, { requestKey: 'second' }), 1);
      await new Promise((r) => setTimeout(r, 200));
      release();
      expect(await first).toEqual({ kind: 'stored', revision: 2 });
      expect(await second).toMatchObject({
        kind: 'conflict',
        revision: 2,
        submittedBy: 'ana-owner',
        current: { figures: { value: 110 } },
      });
      const all = await revisionsOf(db.prisma, cal, measureId, Q2);
      expect(all.map((r) => r.figures)).toEqual([{ value: 104 }, { value: 110 }]);
    },
  );
});
