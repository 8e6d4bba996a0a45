// The measure kinds the seeds use beyond counts and percentages: a rank in a comparison group (seed 004,
// 4.1 "Ranked 5th best out of 15"), a rolling 12 months built from monthly returns (seed 003, 5.2 repeat
// victims of criminal damage, 2012/13), and a partnership's own RAG words (Plymouth's).
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../src/domain/figures.js';
import { formatFigure } from '../../src/domain/format-figure.js';
import { MeasureSchema, type Measure, type MeasureInput } from '../../src/domain/measure.js';
import { financialCalendar, type Period } from '../../src/domain/period.js';
import type { Rag } from '../../src/domain/plan-schema.js';
import { ragWordsOf } from '../../src/domain/rag.js';
import type { ReturnRecord } from '../../src/domain/return-record.js';
import { computeStatus, type StatusRules } from '../../src/domain/status.js';

const cal = financialCalendar();
const RULES: StatusRules = {
  tolerancePct: 15,
  redOnlyIfWorseThanLastYear: false,
  judgeAgainst: 'targetToDate',
};

const measure = (fields: Partial<MeasureInput>): Measure =>
  MeasureSchema.parse({ ref: '4.1', title: 'A measure', theme: 't', owner: 'o', ...fields });

function period(text: string): Period {
  const parsed = cal.parse(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

const ret = (at: string, figure: Figure): ReturnRecord => ({
  period: period(at),
  figures: { value: figure },
  narrative: '',
  correctiveAction: null,
  notAvailable: null,
  expectedDate: null,
  submittedBy: null,
  submittedAt: '2013-01-01T00:00:00Z',
  revision: 1,
});

const status = (m: Measure, at: string, returns: ReturnRecord[], rules: Partial<StatusRules> = {}) =>
  computeStatus({
    cal,
    measure: m,
    period: period(at),
    returns,
    override: null,
    rules: { ...RULES, ...rules },
  });

/** iQuanta rank among the 15 most similar partnerships; "above average" is 7th or better. */
const iquanta = measure({ unit: 'rank', groupSize: 15, polarity: 'lower', target: { annual: 7 } });
const rank = (position: number, groupSize = 15) => ({ position, groupSize });

describe('a rank in a comparison group (lower is better)', () => {
  it('reads "5th of 15" with the group size it was returned with (seed 004, 2017/18 Q1)', () => {
    const s = status(iquanta, '2017/18 Q1', [ret('2017/18 Q1', rank(5))]);
    expect(s.headline).toMatchObject({ actual: 5, ytd: 5, groupSize: { actual: 15, ytd: 15 } });
    expect(formatFigure(s.headline.actual, 'rank', s.headline.groupSize.actual)).toBe('5th of 15');
  });

  it.each<[number, Rag, string]>([
    [5, 'green', 'better than the target of 7th'],
    [7, 'green', 'on the target'],
    [8, 'amber', '14.3% behind the target, within the tolerance'],
    [9, 'red', '28.6% behind the target'],
  ])('%ith of 15 is %s: %s', (position, rag) => {
    expect(status(iquanta, '2017/18 Q1', [ret('2017/18 Q1', rank(position))]).rag).toBe(rag);
  });

  it("takes the latest rank as the year to date, and keeps that rank's own group size", () => {
    const returns = [ret('2017/18 Q1', rank(5)), ret('2017/18 Q2', rank(4, 16))];
    expect(status(iquanta, '2017/18 Q2', returns).headline).toMatchObject({
      actual: 4,
      ytd: 4,
      groupSize: { actual: 16, ytd: 16 },
    });
    const gap = status(iquanta, '2017/18 Q2', returns.slice(0, 1)).headline;
    expect(gap).toMatchObject({ actual: null, ytd: 5, groupSize: { actual: null, ytd: 15 } });
  });

  it('compares with the same quarter last year, in places, with last year’s group size', () => {
    const returns = [ret('2016/17 Q1', rank(7, 14)), ret('2017/18 Q1', rank(5))];
    const c = status(iquanta, '2017/18 Q1', returns).headline;
    expect(c.lastYear).toMatchObject({ value: 7, groupSize: 14, change: -2 });
    expect(c.direction).toBe('improving');
  });
});

// 5.2: "Baseline: 34 individuals victim on three or more occasions in 2011/12"; "32 … in rolling 12
// months to end of Q1; a reduction of two on baseline year", "26 … to end of Q2; a reduction of eight
// which is a 24% reduction", "22 … to end of Q3; a reduction of 12 which is a 35% reduction". The monthly
// figures are made up to give exactly those rolling totals.
const MONTHLY_2011_12 = [3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 3, 2];
const MONTHLY_2012_13 = [2, 3, 2, 1, 1, 1, 2, 2, 1];
const monthText = (year: number, i: number) => {
  const month = ((i + 3) % 12) + 1;
  return `${month < 4 ? year + 1 : year}-${String(month).padStart(2, '0')}`;
};
const monthly = (year: number, figures: number[]) => figures.map((f, i) => ret(monthText(year, i), f));
const SEED_5_2 = [...monthly(2011, MONTHLY_2011_12), ...monthly(2012, MONTHLY_2012_13)];

const repeatVictims = measure({
  ref: '5.2',
  frequency: 'monthly',
  aggregation: 'rolling12',
  baseline: { value: 34, label: '2011/12: 34 individuals' },
  target: { changePct: 0 },
});

describe('a rolling 12 months from monthly returns (seed 003, 5.2, 2012/13)', () => {
  it.each<[string, number, number, number]>([
    ['2011/12 Q4', 34, 0, 0],
    ['2012/13 Q1', 32, -2, -5.9],
    ['2012/13 Q2', 26, -8, -23.5],
    ['2012/13 Q3', 22, -12, -35.3],
  ])('%s: %i in the 12 months to its end, %i (%f%) against the baseline', (at, value, change, pct) => {
    const c = status(repeatVictims, at, SEED_5_2).headline;
    expect(c).toMatchObject({ actual: value, ytd: value, missing: [], rag: 'green' });
    expect(c.baseline.change).toBe(change);
    expect(Number((c.baseline.changePct ?? NaN).toFixed(1))).toBe(pct);
  });

  it('reads a month the same way: the 12 months ending with it', () => {
    expect(status(repeatVictims, '2012-09', SEED_5_2).headline.actual).toBe(26);
  });

  it('names the missing months instead of adding up a partial year', () => {
    const withoutAugust = SEED_5_2.filter((r) => cal.format(r.period) !== '2012-08');
    const s = status(repeatVictims, '2012/13 Q2', withoutAugust);
    expect(s.headline).toMatchObject({ actual: null, ytd: null, missing: ['2012-08'] });
    expect(s).toMatchObject({ rag: 'none', noneReason: 'incomplete', label: 'Months missing' });
    expect(status(repeatVictims, '2012/13 Q1', withoutAugust).headline.actual).toBe(32);
  });

  it('compares with last year by the same rule: no total when last year’s window has gaps', () => {
    const c = status(repeatVictims, '2012/13 Q3', SEED_5_2).headline;
    expect(c.lastYear).toMatchObject({
      value: null,
      change: null,
      missing: ['2011-01', '2011-02', '2011-03'],
    });
    const withEarlier = [...monthly(2010, [0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 4]), ...SEED_5_2];
    expect(status(repeatVictims, '2012/13 Q3', withEarlier).headline.lastYear).toMatchObject({
      value: 39,
      change: -17,
      missing: [],
    });
  });

  it('has no figure yet while the last month of the period is still to come', () => {
    const s = status(repeatVictims, '2012/13 Q4', SEED_5_2);
    expect(s).toMatchObject({ rag: 'none', noneReason: 'no-data' });
    expect(s.headline.missing).toEqual(['2013-01', '2013-02', '2013-03']);
  });
});

describe('the partnership’s own RAG words', () => {
  const plymouth = ragWordsOf({
    green: 'generally satisfied',
    amber: 'some concerns',
    red: 'area of significant concern',
  });

  it('labels each RAG with them', () => {
    expect(plymouth).toEqual({
      green: 'Generally satisfied',
      amber: 'Some concerns',
      red: 'Area of significant concern',
    });
    const at = (position: number) =>
      status(iquanta, '2017/18 Q1', [ret('2017/18 Q1', rank(position))], { ragWords: plymouth }).label;
    expect([at(5), at(8), at(9)]).toEqual([
      'Generally satisfied',
      'Some concerns',
      'Area of significant concern',
    ]);
  });

  it('keeps the usual words for any colour not given, and without any', () => {
    expect(ragWordsOf({ red: 'significant concern' })).toEqual({
      green: 'On target',
      amber: 'Some concerns',
      red: 'Significant concern',
    });
    expect(ragWordsOf(undefined)).toEqual(ragWordsOf({}));
    expect(status(iquanta, '2017/18 Q1', [ret('2017/18 Q1', rank(9))]).label).toBe('Significant concern');
  });
});
