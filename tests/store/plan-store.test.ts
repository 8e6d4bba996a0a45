// Saving a plan: one transaction, and the same plan saved again is recognised as unchanged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPlanFile, planOf } from '../../src/app/import-plan-file.js';
import { readPlanYaml } from '../../src/plan/read-plan-yaml.js';
import { openDatabase } from '../../src/store/open-database.js';
import { loadPartnership } from '../../src/store/partnership-store.js';
import { canonicalJson } from '../../src/store/plan-steps.js';
import { savePlan } from '../../src/store/plan-store.js';
import { edit, minimalPlanYaml, writePlan } from '../helpers/plan-text.js';
import { asTestDb, snapshot, tempDb, testPostgres, type TempDb } from '../helpers/temp-db.js';

const now = new Date('2016-05-20T09:00:00Z');

let db: TempDb;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(async () => {
  await db.close();
});

function read(text: string) {
  const r = readPlanYaml('plan.yaml', text);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r;
}

/** A trigger that fails the insert of a return with the narrative "fails to save", in each dialect. */
const failingReturnTrigger = testPostgres
  ? [
      `CREATE FUNCTION fail_return() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'simulated failure'; END $$`,
      `CREATE TRIGGER fail_return BEFORE INSERT ON "Return" FOR EACH ROW
       WHEN (NEW.narrative = 'fails to save') EXECUTE FUNCTION fail_return()`,
    ]
  : [
      `CREATE TRIGGER fail_return BEFORE INSERT ON "Return" WHEN NEW.narrative = 'fails to save'
       BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`,
    ];

describe('saving a plan', () => {
  it('rolls back everything written before a failure part way through', async () => {
    const first = read(minimalPlanYaml());
    await savePlan(db.prisma, first.cal, first.plan, first.checked, now);
    const before = await snapshot(db.prisma);
    // The measures and people are saved before the returns; the returns then fail, as a full disk would.
    for (const sql of failingReturnTrigger) await db.prisma.$executeRawUnsafe(sql);
    const changed = read(
      edit(
        edit(minimalPlanYaml(), 'name: Ana Owner', 'name: Ana Renamed'),
        'narrative: 98 offences in the quarter',
        'narrative: fails to save',
      ),
    );

    await expect(savePlan(db.prisma, changed.cal, changed.plan, changed.checked, now)).rejects.toThrow();
    expect(await snapshot(db.prisma)).toEqual(before);
  });

  it('counts a plan loaded back from the database and saved again as unchanged', async () => {
    await importPlanFile(db.prisma, await writePlan(db.dir, 'plan.yaml', minimalPlanYaml()), {
      dryRun: false,
      now,
    });
    const stored = await loadPartnership(db.prisma, 'testshire');
    if (!stored) throw new Error('the plan was not stored');
    const again = read(minimalPlanYaml());

    const { summary } = await savePlan(
      db.prisma,
      again.cal,
      planOf(stored),
      { returns: [], overrides: [] },
      now,
    );

    expect(summary.measures).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(summary.themes).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(summary.people).toEqual({ created: 0, updated: 0, unchanged: 2 });
  });

  it('writes a measure definition the same way whatever the order of its keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ y: 1, x: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [{ x: 2, y: 1 }] }, b: 1 }),
    );
  });
});

describe('the plan a server keeps in memory', () => {
  const load = async (client = db.prisma) => {
    const p = await loadPartnership(client, 'testshire');
    if (!p) throw new Error('no plan');
    return p;
  };
  const importText = (text: string, client = db.prisma) =>
    writePlan(db.dir, 'plan.yaml', text).then((file) => importPlanFile(client, file, { dryRun: false, now }));

  it('is loaded once, frozen, and kept while nothing is imported', async () => {
    await importText(minimalPlanYaml());
    const first = await load();
    expect(await load()).toBe(first);
    expect(Object.isFrozen(first.people)).toBe(true);
    expect(Object.isFrozen(first.measures[0])).toBe(true);
    // The same plan imported again changes nothing, so the plan in memory stays.
    await importText(minimalPlanYaml());
    expect(await load()).toBe(first);
  });

  it('is loaded again after an import by another instance that removes a person and renames a measure', async () => {
    await importText(minimalPlanYaml());
    const before = await load();
    expect(before.people.map((p) => p.id)).toEqual(['ana-owner', 'cole-coordinator']);
    // Another server (or the command line) on the same database imports a changed plan.
    const other = await openDatabase(db.url);
    try {
      const changed = edit(
        edit(minimalPlanYaml(), 'title: Reduce violence without injury', 'title: Reduce violent crime'),
        '  - id: ana-owner\n    name: Ana Owner\n',
        '  - id: ana-owner\n    name: Ana Owner\n  - id: bo-member\n    name: Bo Member\n',
      );
      await importText(changed, asTestDb(other.prisma));
    } finally {
      await other.close();
    }
    const after = await load();
    expect(after).not.toBe(before);
    expect(after.people.map((p) => p.id)).toEqual(['ana-owner', 'cole-coordinator', 'bo-member']);
    expect(after.measures[0]?.title).toBe('Reduce violent crime');
    // ...and removed again: a person no longer in the plan is gone from the next turn's plan.
    await importText(minimalPlanYaml());
    expect((await load()).people.map((p) => p.id)).toEqual(['ana-owner', 'cole-coordinator']);
  });
});

describe("a person's agency", () => {
  const importText = (text: string) =>
    writePlan(db.dir, 'plan.yaml', text).then((file) =>
      importPlanFile(db.prisma, file, { dryRun: false, now }),
    );
  const withAgency = (agency: string) =>
    edit(minimalPlanYaml(), '    name: Ana Owner\n', `    name: Ana Owner\n    agency: ${agency}\n`);

  it('is stored, read back, and a change to it audited as a change to the person', async () => {
    await importText(withAgency('Cleveland Police'));
    const first = await loadPartnership(db.prisma, 'testshire');
    expect(first?.people.map((p) => [p.id, p.agency])).toEqual([
      ['ana-owner', 'Cleveland Police'],
      ['cole-coordinator', undefined],
    ]);

    await importText(withAgency('Durham Tees Valley CRC'));
    const changes = await db.prisma.auditEvent.findMany({ where: { action: 'person.change' } });
    expect((await loadPartnership(db.prisma, 'testshire'))?.people[0]?.agency).toBe('Durham Tees Valley CRC');
    expect(
      changes.map((c) => [JSON.parse(c.before ?? '{}').agency, JSON.parse(c.after ?? '{}').agency]),
    ).toEqual([['Cleveland Police', 'Durham Tees Valley CRC']]);
  });
});

describe('opening a database', () => {
  it('applies the migrations once', async () => {
    const again = await openDatabase(db.url);
    try {
      expect(again.migrated).toEqual([]);
      expect(await asTestDb(again.prisma).partnership.count()).toBe(0);
    } finally {
      await again.close();
    }
  });

  it('refuses a URL that is neither a SQLite file nor PostgreSQL, saying what to use', async () => {
    await expect(openDatabase('mysql://localhost/bot')).rejects.toThrow(
      /use file:\.\/data\/bot\.db \(SQLite\) or postgresql:\/\//,
    );
  });
});
