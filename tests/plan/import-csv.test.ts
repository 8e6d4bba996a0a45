// Importing CSV files on top of a YAML plan: returns (one figure per row) and measures (one per row),
// with bad rows reported at their line in the file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPlanFile, type ImportOutcome } from '../../src/app/import-plan-file.js';
import { MEASURE_COLUMNS, RETURN_COLUMNS } from '../../src/plan/read-plan-csv.js';
import { loadPartnership } from '../../src/store/partnership-store.js';
import { minimalPlanYaml, writePlan } from '../helpers/plan-text.js';
import { snapshot, tempDb, type TempDb } from '../helpers/temp-db.js';

const now = new Date('2016-05-20T09:00:00Z');
const RETURNS_HEADER = RETURN_COLUMNS.join(',');
const MEASURES_HEADER = MEASURE_COLUMNS.join(',');

let db: TempDb;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(async () => {
  await db.close();
});

const importFile = (file: string) => importPlanFile(db.prisma, file, { dryRun: false, now });

async function importCsv(name: string, lines: string[]): Promise<{ file: string; out: ImportOutcome }> {
  const file = await writePlan(db.dir, name, `${lines.join('\n')}\n`);
  return { file, out: await importFile(file) };
}

async function importPlan() {
  const out = await importFile(await writePlan(db.dir, 'plan.yaml', minimalPlanYaml()));
  expect(out.ok).toBe(true);
}

/** The current figures and narrative of each return of a period, by measure ref. */
async function returnsOf(period: string) {
  const rows = await db.prisma.return.findMany({ where: { period }, include: { measure: true } });
  return Object.fromEntries(
    rows.map((r) => [
      r.measure.ref,
      {
        figures: r.figures === null ? null : (JSON.parse(r.figures) as unknown),
        narrative: r.narrative,
        notAvailable: r.notAvailable,
        expectedDate: r.expectedDate,
        submittedBy: r.submittedBy,
      },
    ]),
  );
}

function errorsOf(out: ImportOutcome): string[] {
  if (out.ok) throw new Error('expected the import to be refused, but it succeeded');
  return out.errors;
}

describe('a returns CSV', () => {
  beforeEach(importPlan);

  it('adds returns, merging the parts of a measure and reading a ratio from numerator and denominator', async () => {
    const { out } = await importCsv('returns.csv', [
      RETURNS_HEADER,
      '1.1,2015/16 Q2,,104,,,"104 offences, up 6",,,ana-owner',
      '1.3,2015/16 Q2,hotline,10,,,Hotline quieter,,,',
      '1.3,2015/16 Q2,police,4,,,Police steady,,,',
      '1.4,2015/16 Q2,,,90,170,,,,',
      '1.2,2015/16 Q2,,,,,,Survey results are late,2015-11-30,',
    ]);

    expect(out).toMatchObject({ ok: true, returns: 4 });
    expect(out.ok && out.summary?.returns).toEqual({ created: 4, updated: 0, unchanged: 0 });
    expect(await returnsOf('2015/16 Q2')).toEqual({
      '1.1': {
        figures: { value: 104 },
        narrative: '104 offences, up 6',
        notAvailable: null,
        expectedDate: null,
        submittedBy: 'ana-owner',
      },
      '1.2': {
        figures: null,
        narrative: '',
        notAvailable: 'Survey results are late',
        expectedDate: '2015-11-30',
        submittedBy: null,
      },
      '1.3': {
        figures: { hotline: 10, police: 4 },
        narrative: 'Hotline quieter\nPolice steady',
        notAvailable: null,
        expectedDate: null,
        submittedBy: null,
      },
      '1.4': {
        figures: { value: { numerator: 90, denominator: 170 } },
        narrative: '',
        notAvailable: null,
        expectedDate: null,
        submittedBy: null,
      },
    });
    expect(await db.prisma.return.count()).toBe(8);
  });

  it('leaves the plan itself unchanged', async () => {
    const { out } = await importCsv('returns.csv', ['ref,period,value', '1.1,2015/16 Q2,104']);

    expect(out.ok && out.summary).toMatchObject({
      people: { created: 0, updated: 0, unchanged: 2 },
      themes: { created: 0, updated: 0, unchanged: 2 },
      measures: { created: 0, updated: 0, unchanged: 4 },
      returns: { created: 1, updated: 0, unchanged: 0 },
    });
  });

  it('reports each bad row at its line, naming the field, and writes nothing', async () => {
    const before = await snapshot(db.prisma);
    const { file, out } = await importCsv('bad.csv', [
      RETURNS_HEADER,
      '1.1,2015/16 Q3,,104,,,,,,',
      '1.2,2015/16 Q3,,140,,,,,,',
      '1.3,2015/16 Q3,fire,4,,,,,,',
      '1.1,2015/16 Q5,,1,,,,,,',
      '9.9,2015/16 Q3,,1,,,,,,',
    ]);

    expect(errorsOf(out)).toEqual([
      `${file}:3: value: 140 is not a percentage: use a number from 0 to 100`,
      `${file}:4: values.fire: 1.3 has no part "fire": use hotline, police`,
      `${file}:5: period: "2015/16 Q5" is not a period: quarters are Q1 to Q4, e.g. 2015/16 Q2`,
      `${file}:6: ref: no measure "9.9" in this plan`,
    ]);
    expect(await snapshot(db.prisma)).toEqual(before);
  });

  it('counts a quoted narrative over two lines when numbering the rows after it', async () => {
    const { file, out } = await importCsv('bad.csv', [
      'ref,period,value,narrative',
      '1.1,2015/16 Q3,104,"Up on Q2:',
      'the summer peak"',
      '1.2,2015/16 Q3,140,',
    ]);

    expect(errorsOf(out)).toEqual([`${file}:4: value: 140 is not a percentage: use a number from 0 to 100`]);
  });

  it('refuses a column it does not know, naming it', async () => {
    const { file, out } = await importCsv('returns.csv', ['ref,period,value,colour', '1.1,2015/16 Q3,1,red']);

    expect(errorsOf(out)).toEqual([`${file}:1: unknown column(s) colour: use ${RETURNS_HEADER}`]);
  });
});

describe('a measures CSV', () => {
  beforeEach(importPlan);

  it('adds a measure, creating the theme it names', async () => {
    const { out } = await importCsv('measures.csv', [
      MEASURES_HEADER,
      '2.1,Reduce burglary,Acquisitive crime,Cleveland Police,ana-owner,quarterly,count,lower,,"1,200",2014/15 - 1200 burglaries,,-5,10',
    ]);

    expect(out.ok && out.summary).toMatchObject({
      themes: { created: 1, updated: 0, unchanged: 2 },
      measures: { created: 1, updated: 0, unchanged: 4 },
    });
    const p = await loadPartnership(db.prisma, 'testshire');
    expect(p?.themes.at(-1)).toEqual({ id: 'acquisitive-crime', name: 'Acquisitive crime' });
    expect(p?.measures.find((m) => m.ref === '2.1')).toMatchObject({
      title: 'Reduce burglary',
      theme: 'acquisitive-crime',
      owner: 'ana-owner',
      aggregation: 'sum',
      baseline: { value: 1200, label: '2014/15 - 1200 burglaries' },
      target: { changePct: -5 },
      rag: { tolerancePct: 10 },
    });
  });

  it('reports a bad row at its line, naming the field', async () => {
    const before = await snapshot(db.prisma);
    const { file, out } = await importCsv('measures.csv', [
      MEASURES_HEADER,
      '2.2,Reduce robbery,violence,Cleveland Police,ana-owner,quarterly,count,lower,,,,,0,',
      '2.3,Reduce shoplifting,violence,Cleveland Police,ana-owner,quarterly,cnt,lower,,,,,0,',
    ]);

    expect(errorsOf(out)).toEqual([expect.stringMatching(new RegExp(`^${file}:3: unit: .*"count"`))]);
    expect(await snapshot(db.prisma)).toEqual(before);
  });

  it('reports an owner who is not in the plan at the row naming them', async () => {
    const { file, out } = await importCsv('measures.csv', [
      MEASURES_HEADER,
      '2.2,Reduce robbery,violence,Cleveland Police,ana-owner,quarterly,count,lower,,,,,0,',
      '2.3,Reduce shoplifting,violence,Cleveland Police,nobody,quarterly,count,lower,,,,,0,',
    ]);

    expect(errorsOf(out)).toEqual([`${file}:3: owner: no person "nobody": add them under people`]);
  });
});

describe('a CSV with no plan to add to', () => {
  it('is refused with a message saying to import a YAML plan first', async () => {
    const { file, out } = await importCsv('returns.csv', ['ref,period,value', '1.1,2015/16 Q2,104']);

    expect(errorsOf(out)).toEqual([expect.stringMatching(new RegExp(`^${file}: import a YAML plan first`))]);
    expect(await db.prisma.partnership.count()).toBe(0);
  });
});
