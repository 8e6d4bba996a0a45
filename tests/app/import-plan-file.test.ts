// Importing a YAML plan: what it stores, that it is idempotent and keeps revisions, and that every kind
// of bad input is refused with a message naming the file, the line and the field, writing nothing.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPlanFile, type ImportOutcome } from '../../src/app/import-plan-file.js';
import { financialCalendar } from '../../src/domain/period.js';
import { revisionsOf } from '../../src/store/return-store.js';
import { edit, lineOf, minimalPlanYaml, writePlan } from '../helpers/plan-text.js';
import { snapshot, tempDb, type TempDb } from '../helpers/temp-db.js';

const EXAMPLE = new URL('../../examples/stockton-2015-16.yaml', import.meta.url);
const now = new Date('2016-05-20T09:00:00Z');
const cal = financialCalendar(4);

let db: TempDb;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(async () => {
  await db.close();
});

const importFile = (file: string, dryRun = false) => importPlanFile(db.prisma, file, { dryRun, now });

function errorsOf(out: ImportOutcome): string[] {
  if (out.ok) throw new Error('expected the import to be refused, but it succeeded');
  return out.errors;
}

async function exampleCopy(change?: [from: string, to: string]): Promise<string> {
  const text = await readFile(EXAMPLE, 'utf8');
  return writePlan(db.dir, 'stockton.yaml', change ? edit(text, ...change) : text);
}

describe('importing the example plan', () => {
  it('stores its 18 measures and 93 returns', async () => {
    const out = await importFile(await exampleCopy());

    expect(out).toMatchObject({ ok: true, partnership: 'stockton', measures: 18, returns: 93 });
    expect(await db.prisma.measure.count()).toBe(18);
    expect(await db.prisma.return.count()).toBe(93);
    expect(await db.prisma.theme.count()).toBe(6);
    expect(await db.prisma.override.count()).toBe(1);
  });

  it('changes nothing when imported a second time', async () => {
    const file = await exampleCopy();
    await importFile(file);
    const before = await snapshot(db.prisma);

    const again = await importFile(file);

    expect(again.ok && again.summary).toEqual({
      people: { created: 0, updated: 0, unchanged: 7 },
      themes: { created: 0, updated: 0, unchanged: 6 },
      measures: { created: 0, updated: 0, unchanged: 18 },
      returns: { created: 0, updated: 0, unchanged: 93 },
      overrides: { created: 0, updated: 0, unchanged: 1 },
    });
    const after = await snapshot(db.prisma);
    expect(after.returns).toHaveLength(93);
    expect(after.measures).toHaveLength(18);
    expect(after).toEqual(before);
  });

  it('adds revision 2 when a return changes, and keeps revision 1 as it was', async () => {
    const first = '489 crimes This gives a year to date total of 1628';
    await importFile(await exampleCopy());
    const revised = await exampleCopy([
      first,
      '489 crimes (revised) This gives a year to date total of 1628',
    ]);

    const out = await importFile(revised);

    expect(out.ok && out.summary?.returns).toEqual({ created: 0, updated: 1, unchanged: 92 });
    const measure = await db.prisma.measure.findFirstOrThrow({ where: { ref: '2.2' } });
    const revisions = await revisionsOf(db.prisma, cal, measure.id, {
      kind: 'quarter',
      year: 2015,
      quarter: 4,
    });
    expect(revisions.map((r) => [r.revision, r.figures, r.narrative.slice(0, 22)])).toEqual([
      [1, { value: 489 }, '489 crimes This gives '],
      [2, { value: 489 }, '489 crimes (revised) T'],
    ]);
    expect(await db.prisma.return.count()).toBe(94);
  });

  it('only validates on a dry run, writing nothing', async () => {
    const out = await importFile(await exampleCopy(), true);

    expect(out).toEqual({
      ok: true,
      partnership: 'stockton',
      summary: null,
      measures: 18,
      returns: 93,
      conflicts: [],
      keptTargets: [],
    });
    const after = await snapshot(db.prisma);
    expect(Object.values(after).every((rows) => rows.length === 0)).toBe(true);
  });
});

interface BadPlan {
  /** What is wrong, for the test name. */
  what: string;
  from: string;
  to: string;
  /** Text on the line the message must name (the first such line after `after`, if given). */
  at: string;
  after?: string;
  field: string;
  says: RegExp;
}

const RETURN_1_2 = "- ref: '1.2'\n    period: 2015/16 Q1";

const BAD_PLANS: BadPlan[] = [
  {
    what: 'a target profile with three values for a quarterly measure',
    from: 'target: { annual: 90 }',
    to: 'target: { perPeriod: [88, 89, 90] }',
    at: 'perPeriod: [88, 89, 90]',
    field: 'measures[1].target.perPeriod',
    says: /1\.2 is reported quarterly, so perPeriod needs 4 values \(one per quarter\), not 3/,
  },
  {
    what: 'plan years that end before they start',
    from: "currentYear: '2015/16'",
    to: "planYears: { from: '2016/17', to: '2014/15' }",
    at: 'planYears:',
    field: 'partnership.planYears',
    says: /planYears ends \(2014\/15\) before it starts \(2016\/17\)/,
  },
  {
    what: 'plan years that are not years',
    from: "currentYear: '2015/16'",
    to: "planYears: { from: '2015/16 Q1', to: '2016/17' }",
    at: 'planYears:',
    field: 'partnership.planYears',
    says: /"2015\/16 Q1" is not a financial year: write it like 2014\/15/,
  },
  {
    what: 'a target for something that is not a year',
    from: 'target: { annual: 90 }',
    to: "target: { annual: 90 }\n    targetsByYear: { 'next year': { annual: 91 } }",
    at: 'targetsByYear',
    field: 'measures[1].targetsByYear.next year',
    says: /"next year" is not a financial year: write it like 2016\/17/,
  },
  {
    what: 'an unknown unit',
    from: 'unit: count',
    to: 'unit: cnt',
    at: 'unit: cnt',
    field: 'measures[0].unit',
    says: /"count"\|"percent"/,
  },
  {
    what: 'a measure with no title',
    from: '    title: Keep client satisfaction at 90%\n',
    to: '',
    at: "- ref: '1.2'",
    field: 'measures[1].title',
    says: /missing: add it \(a string\)/,
  },
  {
    what: 'a measure whose theme does not exist',
    from: 'theme: violence\n    owner: ana-owner\n    unit: count',
    to: 'theme: burglary\n    owner: ana-owner\n    unit: count',
    at: 'theme: burglary',
    field: 'measures[0].theme',
    says: /no theme "burglary": add it under themes/,
  },
  {
    what: 'a measure whose owner does not exist',
    from: 'title: Monitor repeat callers\n    theme: asb\n    owner: ana-owner',
    to: 'title: Monitor repeat callers\n    theme: asb\n    owner: nobody',
    at: 'owner: nobody',
    field: 'measures[2].owner',
    says: /no person "nobody": add them under people/,
  },
  {
    what: 'a return for an unknown measure',
    from: RETURN_1_2,
    to: "- ref: '7.7'\n    period: 2015/16 Q1",
    at: "- ref: '7.7'",
    field: 'returns[1].ref',
    says: /no measure "7.7"/,
  },
  {
    what: 'a quarter that does not exist',
    from: RETURN_1_2,
    to: "- ref: '1.2'\n    period: 2015/16 Q5",
    at: 'period: 2015/16 Q5',
    field: 'returns[1].period',
    says: /"2015\/16 Q5" is not a period: quarters are Q1 to Q4/,
  },
  {
    what: 'a month for a quarterly measure',
    from: RETURN_1_2,
    to: "- ref: '1.2'\n    period: 2015-07",
    at: 'period: 2015-07',
    field: 'returns[1].period',
    says: /1\.2 is reported quarterly: give a period like 2015\/16 Q2/,
  },
  {
    what: 'a percentage of 140',
    from: 'value: 92',
    to: 'value: 140',
    at: 'value: 140',
    field: 'returns[1].value',
    says: /140 is not a percentage: use a number from 0 to 100/,
  },
  {
    what: 'a negative count',
    from: 'value: 98',
    to: 'value: -3',
    at: 'value: -3',
    field: 'returns[0].value',
    says: /-3 is not a count/,
  },
  {
    what: 'a fractional count',
    from: 'value: 98',
    to: 'value: 2.5',
    at: 'value: 2.5',
    field: 'returns[0].value',
    says: /2\.5 is not a count: use a whole number/,
  },
  {
    what: 'a single value for a measure in parts',
    from: 'values: { hotline: 12, police: 7 }',
    to: 'value: 19',
    at: 'value: 19',
    field: 'returns[2].value',
    says: /1\.3 has parts \(hotline, police\): give "values"/,
  },
  {
    what: 'a part the measure does not have',
    from: 'values: { hotline: 12, police: 7 }',
    to: 'values: { hotline: 12, fire: 7 }',
    at: 'fire: 7',
    field: 'returns[2].values.fire',
    says: /1\.3 has no part "fire": use hotline, police/,
  },
  {
    what: 'the same return twice',
    from: '\noverrides:',
    to: "  - ref: '1.2'\n    period: Q1 2015/16\n    value: 91\n\noverrides:",
    at: "- ref: '1.2'",
    after: 'numerator: 81',
    field: 'returns[4]',
    says: /1\.2 2015\/16 Q1 is given twice/,
  },
  {
    what: 'an override with no reason',
    from: '    reason: A seasonal peak the police expected\n',
    to: '',
    at: "- ref: '1.1'",
    after: 'overrides:',
    field: 'overrides[0].reason',
    says: /missing: add it \(a string\)/,
  },
  {
    what: 'an owner with an email address that is not one',
    from: '    name: Ana Owner\n',
    to: '    name: Ana Owner\n    email: ana.owner@police\n',
    at: 'email: ana.owner@police',
    field: 'people[0].email',
    says: /not an email address: write it as name@organisation\.org/,
  },
  {
    what: 'a channel of preference that does not exist',
    from: '    name: Ana Owner\n',
    to: '    name: Ana Owner\n    prefer: [email, fax]\n',
    at: 'prefer: [email, fax]',
    field: 'people[0].prefer[1]',
    says: /a channel to reach them by: teams, slack, email/,
  },
  {
    what: 'an override with an empty reason',
    from: 'reason: A seasonal peak the police expected',
    to: "reason: ''",
    at: "reason: ''",
    field: 'overrides[0].reason',
    says: /say why the status differs/,
  },
];

describe('a bad plan', () => {
  async function importOverGoodPlan(text: string) {
    expect((await importFile(await writePlan(db.dir, 'good.yaml', minimalPlanYaml()))).ok).toBe(true);
    const before = await snapshot(db.prisma);
    const file = await writePlan(db.dir, 'bad.yaml', text);
    const out = await importFile(file);
    return {
      file,
      errors: errorsOf(out),
      unchanged: () => expect(snapshot(db.prisma)).resolves.toEqual(before),
    };
  }

  it('the small plan the cases start from is valid', async () => {
    const out = await importFile(await writePlan(db.dir, 'good.yaml', minimalPlanYaml()));
    expect(out).toMatchObject({ ok: true, measures: 4, returns: 4 });
  });

  it.each(BAD_PLANS)('$what is refused at its line, naming $field', async (bad) => {
    const text = edit(minimalPlanYaml(), bad.from, bad.to);
    const { file, errors, unchanged } = await importOverGoodPlan(text);

    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${file}:${lineOf(text, bad.at, bad.after)}: ${bad.field}: `);
    expect(errors[0]).toMatch(bad.says);
    await unchanged();
  });

  it("a target for a year outside the plan's years is refused, naming the years", async () => {
    const text = edit(
      edit(minimalPlanYaml(), "currentYear: '2015/16'", "planYears: { from: '2014/15', to: '2016/17' }"),
      'target: { annual: 90 }',
      "target: { annual: 90 }\n    targetsByYear: { '2019/20': { annual: 91 } }",
    );
    const { errors, unchanged } = await importOverGoodPlan(text);
    expect(errors.join('\n')).toMatch(
      /measures\[1\]\.targetsByYear\.2019\/20: 2019\/20 is outside the plan's years \(2014\/15 to 2016\/17\): extend planYears or remove this target/,
    );
    await unchanged();
  });

  it('invalid YAML is refused at the line the parser stopped on', async () => {
    const text = edit(minimalPlanYaml(), '    value: 92\n', '    value: 92\n    value: 93\n');
    const { file, errors, unchanged } = await importOverGoodPlan(text);

    expect(errors).toEqual([`${file}:${lineOf(text, 'value: 93')}: not valid YAML: Map keys must be unique`]);
    await unchanged();
  });

  it('an unclosed bracket is refused as invalid YAML with a line number', async () => {
    const text = edit(minimalPlanYaml(), 'value: 92', 'value: [92');
    const { file, errors, unchanged } = await importOverGoodPlan(text);

    const opened = lineOf(text, 'value: [92');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${file}:(${opened}|${opened + 1}): not valid YAML: .*\\]`));
    await unchanged();
  });

  it('reports every problem, not only the first', async () => {
    const text = edit(edit(minimalPlanYaml(), 'value: 92', 'value: 140'), 'value: 98', 'value: -3');
    const { errors } = await importOverGoodPlan(text);

    expect(errors).toEqual([
      expect.stringContaining(`:${lineOf(text, 'value: -3')}: returns[0].value: -3 is not a count`),
      expect.stringContaining(`:${lineOf(text, 'value: 140')}: returns[1].value: 140 is not a percentage`),
    ]);
  });

  it('a file that does not exist is refused as no such file', async () => {
    const file = join(db.dir, 'missing.yaml');
    expect(errorsOf(await importFile(file))).toEqual([`${file}: no such file`]);
  });
});
