// The dashboard as CSV from the example plan: one row a measure, its quarters and RAG, the override's
// reason, and no cell a spreadsheet would run as a formula.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardCsv } from '../../src/reports/dashboard-text.js';
import { edit } from '../helpers/plan-text.js';
import { editedStocktonPlan, exampleDb, type Example } from './example-dashboard.js';

let ex: Example;
let rows: string[][];
beforeAll(async () => {
  const plan = edit(
    await editedStocktonPlan(),
    'narrative: 22 repeats compared to 25 last year and also a reduction of three against the set baseline',
    `narrative: '${FORMULA}'`,
  );
  ex = await exampleDb(plan);
  rows = parse(dashboardCsv(await ex.dashboard())) as string[][];
});
afterAll(async () => {
  await ex.db.close();
});

const FORMULA = '=HYPERLINK("http://evil.example") 22 repeats compared to 25 last year';
const row = (ref: string) => rows.find((r) => r[1] === ref) ?? [];

describe('the dashboard as CSV', () => {
  it('has a header and a row per measure', () => {
    expect(rows[0]).toEqual([
      'theme',
      'ref',
      'measure',
      'Q1',
      'Q1 RAG',
      'Q2',
      'Q2 RAG',
      'Q3',
      'Q3 RAG',
      'Q4',
      'Q4 RAG',
      'RAG',
      'override reason',
      'comments',
    ]);
    expect(rows).toHaveLength(19);
  });

  it('gives 2.2’s quarters and RAG', () => {
    expect(row('2.2').slice(0, 12)).toEqual([
      'Violent crime and robbery',
      '2.2',
      'Reduce violence without injury',
      '336',
      'red',
      '364 (YTD 700)',
      'red',
      '439 (YTD 1,139)',
      'red',
      '489 (YTD 1,628)',
      'red',
      'red',
    ]);
  });

  it('gives 4.1’s override reason', () => {
    expect(row('4.1')[11]).toBe('amber');
    expect(row('4.1')[12]).toMatch(/^Below the three-year baseline/);
  });

  it('defuses a comment that would run as a formula', () => {
    expect(row('4.2')[13]).toBe(`'${FORMULA}`);
  });
});
