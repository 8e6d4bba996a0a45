// The dashboard as CSV from the example plan, for analysts: a row per series (each component of a
// multi-part measure on its own row), a column per figure, numbers written as plain numbers that a
// spreadsheet or pandas reads as numbers, and no cell a spreadsheet would run as a formula.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardCsv } from '../../src/reports/dashboard-text.js';
import { edit } from '../helpers/plan-text.js';
import { editedStocktonPlan, exampleDb, type Example } from './example-dashboard.js';

let ex: Example;
let q4: Record<string, unknown>[];
let q2: Record<string, unknown>[];
/** Rows keyed by the header, numbers cast: a cell that is not a plain number stays a string. */
const read = (csv: string) => parse(csv, { columns: true, cast: true }) as Record<string, unknown>[];
beforeAll(async () => {
  const plan = edit(
    await editedStocktonPlan(),
    'narrative: 22 repeats compared to 25 last year and also a reduction of three against the set baseline',
    `narrative: '${FORMULA}'`,
  );
  ex = await exampleDb(plan);
  q4 = read(dashboardCsv(await ex.dashboard()));
  q2 = read(dashboardCsv(await ex.dashboard({ period: '2015/16 Q2' })));
});
afterAll(async () => {
  await ex.db.close();
});

const FORMULA = '=HYPERLINK("http://evil.example") 22 repeats compared to 25 last year';
const rowsOf = (rows: Record<string, unknown>[], ref: string) => rows.filter((r) => String(r.ref) === ref);
const rowOf = (rows: Record<string, unknown>[], ref: string) => rowsOf(rows, ref)[0] ?? {};
const pick = (r: Record<string, unknown>, keys: string[]) => keys.map((k) => r[k]);

describe('the dashboard as CSV', () => {
  it('has a header naming each figure, and a row per series', () => {
    const header = dashboardCsv({ ...emptyOf() }).split('\n')[0];
    expect(header).toBe(
      'theme,ref,measure,component,unit,period,Q1,Q2,Q3,Q4,in period,year to date,annual target,target to date,judged on,variance,variance %,same period last year,year to date last year,change on last year,change on last year %,projected year end,rank group size,RAG,measure RAG,override reason,not yet signed off,note,comments',
    );
    // 18 measures; 1.1 has two series, 3.1, 5.1 three, 3.3, 6.1 four, 6.4 two: 12 rows more.
    expect(q4).toHaveLength(30);
  });

  it('gives 1.3 in Q2 as numbers, not "3,387 (YTD 6,496)"', () => {
    const r = rowOf(q2, '1.3');
    expect(pick(r, ['period', 'unit', 'Q1', 'Q2', 'Q3', 'in period', 'year to date'])).toEqual([
      '2015/16 Q2',
      'count',
      3109,
      3387,
      '',
      3387,
      6496,
    ]);
    expect(pick(r, ['target to date', 'judged on', 'variance', 'RAG'])).toEqual([
      6712.5,
      'year to date',
      -216.5,
      'green',
    ]);
    expect(r['variance %']).toBeCloseTo(-3.225, 1);
  });

  it('gives 2.2’s quarters, which add up to its year to date, and its comparisons', () => {
    const r = rowOf(q4, '2.2');
    const quarters = pick(r, ['Q1', 'Q2', 'Q3', 'Q4']) as number[];
    expect(quarters).toEqual([336, 364, 439, 489]);
    expect(quarters.reduce((a, b) => a + b, 0)).toBe(r['year to date']);
    expect(
      pick(r, ['year to date', 'annual target', 'variance', 'variance %', 'year to date last year']),
    ).toEqual([1628, 1068, 560, 52.43, 1068]);
    expect(pick(r, ['change on last year', 'RAG', 'measure RAG'])).toEqual([560, 'red', 'red']);
  });

  it('gives a percentage as a number with its unit in a column', () => {
    const r = rowOf(q4, '1.2');
    expect(pick(r, ['unit', 'Q1', 'Q2', 'Q3', 'Q4', 'target to date', 'judged on', 'variance'])).toEqual([
      'percent (0 to 100)',
      94,
      92,
      90,
      94,
      90,
      'period',
      4,
    ]);
    // A percentage's variance is in points already: no relative percentage beside it.
    expect(r['variance %']).toBe('');
  });

  it('puts each component of a multi-part measure on its own row, with its own figures', () => {
    const rows = rowsOf(q4, '1.1');
    expect(rows.map((r) => pick(r, ['component', 'Q1', 'Q2', 'Q3', 'Q4', 'year to date']))).toEqual([
      ['Repeat callers to the ASB Hotline', 47, 33, 27, 12, 119],
      ['Repeat callers to the Police', 37, 9, 15, 10, 71],
    ]);
    expect(rowsOf(q4, '6.4').map((r) => pick(r, ['component', 'Q4', 'target to date', 'RAG']))).toEqual([
      ['Referrals to the IDVA service that had a full assessment', 33.33, 80, 'red'],
      ['Referrals that engaged in a structured intervention', 14.04, 74, 'red'],
    ]);
  });

  it('says why a figure is missing, and keeps a narrative measure’s row', () => {
    const r = rowOf(q4, '3.3');
    expect(pick(r, ['Q3', 'Q4', 'in period', 'note'])).toEqual([4.6, '', '', 'Not available']);
    expect(r.comments).toMatch(/^Not available: Q4 data will be available 24th May/);
    expect(pick(rowOf(q4, '3.2'), ['unit', 'in period'])).toEqual(['narrative', '']);
  });

  it('gives 4.1’s override reason beside the measure’s RAG', () => {
    const r = rowOf(q4, '4.1');
    expect(pick(r, ['RAG', 'measure RAG'])).toEqual(['amber', 'amber']);
    expect(r['override reason']).toMatch(/^Below the three-year baseline/);
  });

  it('defuses a comment that would run as a formula, and leaves negative numbers as numbers', () => {
    expect(rowOf(q4, '4.2').comments).toBe(`'${FORMULA}`);
    expect(rowOf(q4, '1.3').variance).toBe(-1382);
  });
});

/** A dashboard with no measures: the header alone. */
function emptyOf() {
  return {
    partnership: 'x',
    slug: 'x',
    year: '2015/16',
    upTo: '2015/16 Q4',
    months: '',
    asAt: '2016-05-20',
    columns: ['Q1', 'Q2', 'Q3', 'Q4'],
    themes: [],
    suppression: null,
    ragWords: { green: 'g', amber: 'a', red: 'r' },
    agencies: { period: '2015/16 Q4', agencies: [] },
  } as Parameters<typeof dashboardCsv>[0];
}
