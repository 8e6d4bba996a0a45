// The status engine's rules, one at a time, on small hand-built measures.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../src/domain/figures.js';
import { MeasureSchema, type Measure, type MeasureInput } from '../../src/domain/measure.js';
import { financialCalendar, type Period } from '../../src/domain/period.js';
import type { Rag } from '../../src/domain/plan-schema.js';
import type { OverrideRecord, ReturnRecord } from '../../src/domain/return-record.js';
import {
  checkPeriodFor,
  computeStatus,
  type MeasureStatus,
  type StatusRules,
} from '../../src/domain/status.js';

const cal = financialCalendar();
const RULES: StatusRules = {
  tolerancePct: 15,
  redOnlyIfWorseThanLastYear: false,
  judgeAgainst: 'targetToDate',
};

function measure(fields: Partial<MeasureInput> = {}): Measure {
  return MeasureSchema.parse({
    ref: '9.1',
    title: 'Reduce test offences',
    theme: 'test',
    owner: 'olly-owner',
    frequency: 'quarterly',
    unit: 'count',
    polarity: 'lower',
    ...fields,
  });
}

function period(text: string): Period {
  const parsed = cal.parse(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** A single figure, the figures of several parts, or none (not available). */
type Given = Figure | Record<string, Figure> | null;

function ret(periodText: string, figure: Given): ReturnRecord {
  const single = typeof figure === 'number' || (figure !== null && 'numerator' in figure);
  return {
    period: period(periodText),
    figures:
      figure === null ? null : single ? { value: figure as Figure } : (figure as Record<string, Figure>),
    narrative: '',
    correctiveAction: null,
    notAvailable: figure === null ? 'Not available at time of writing.' : null,
    expectedDate: null,
    submittedBy: null,
    submittedAt: '2016-01-01T00:00:00Z',
    revision: 1,
  };
}

/** Quarterly returns of a year from Q1 on; null leaves a quarter without a return. */
function quarters(year: string, figures: Given[]): ReturnRecord[] {
  return figures.flatMap((f, i) => (f === null ? [] : [ret(`${year} Q${i + 1}`, f)]));
}

function months(figures: (number | null)[]): ReturnRecord[] {
  const names = ['04', '05', '06', '07', '08', '09', '10', '11', '12', '01', '02', '03'];
  return figures.flatMap((f, i) => (f === null ? [] : [ret(`${i < 9 ? 2015 : 2016}-${names[i]}`, f)]));
}

function status(
  m: Measure,
  at: string,
  returns: ReturnRecord[],
  opts: { rules?: Partial<StatusRules>; override?: OverrideRecord } = {},
): MeasureStatus {
  return computeStatus({
    cal,
    measure: m,
    period: period(at),
    returns,
    override: opts.override ?? null,
    rules: { ...RULES, ...opts.rules },
  });
}

/** A "reduce" count with an annual target of 400, so 100 a quarter. */
const reduce400 = measure({ target: { annual: 400 } });
/** An "increase" percentage, target 90%. */
const atLeast90 = measure({ unit: 'percent', polarity: 'higher', target: { annual: 90 } });

describe('RAG against the target to date', () => {
  it.each<[string, Measure, number, Rag]>([
    ['green when on target (lower is better, 100 against 100)', reduce400, 100, 'green'],
    ['green when better than target (lower is better, 60 against 100)', reduce400, 60, 'green'],
    ['amber when behind target but within tolerance (110 against 100)', reduce400, 110, 'amber'],
    ['amber when behind target by exactly the tolerance (115 against 100)', reduce400, 115, 'amber'],
    ['red when behind target by more than the tolerance (116 against 100)', reduce400, 116, 'red'],
    ['green when on target (higher is better, 90% against 90%)', atLeast90, 90, 'green'],
    ['green when above target (higher is better, 95% against 90%)', atLeast90, 95, 'green'],
    ['amber when below target but within tolerance (80% against 90%)', atLeast90, 80, 'amber'],
    ['amber when below target by exactly the tolerance (76.5% against 90%)', atLeast90, 76.5, 'amber'],
    ['red when below target by more than the tolerance (76% against 90%)', atLeast90, 76, 'red'],
  ])('%s', (_name, m, q1, rag) => {
    const s = status(m, '2015/16 Q1', quarters('2015/16', [q1]));
    expect(s.rag).toBe(rag);
    expect(s.finalRag).toBe(rag);
    expect(s.noneReason).toBeNull();
  });

  it('reads polarity: the same figure is green for "increase" and amber for "reduce"', () => {
    const lower = measure({ target: { annual: 360 } });
    const higher = measure({ polarity: 'higher', target: { annual: 360 } });
    const returns = quarters('2015/16', [99]);
    expect(status(lower, '2015/16 Q1', returns).rag).toBe('amber');
    expect(status(higher, '2015/16 Q1', returns).rag).toBe('green');
  });

  it('gives the variance from the target to date, as a number and a percentage', () => {
    const s = status(reduce400, '2015/16 Q2', quarters('2015/16', [100, 130]));
    expect(s.headline).toMatchObject({ ytd: 230, targetToDate: 200, variance: 30, variancePct: 15 });
    expect(s.rag).toBe('amber');
    expect(s.label).toBe('Some concerns');
  });

  it('labels the RAG in words', () => {
    expect(status(reduce400, '2015/16 Q1', quarters('2015/16', [90])).label).toBe('On target');
    expect(status(reduce400, '2015/16 Q1', quarters('2015/16', [200])).label).toBe('Significant concern');
  });
});

describe('the target to date', () => {
  const annual1200 = measure({ target: { annual: 1200 } });

  it.each([
    ['2015/16 Q1', 300],
    ['2015/16 Q2', 600],
    ['2015/16 Q3', 900],
    ['2015/16 Q4', 1200],
  ])('profiles an annual target evenly: 1,200 a year is %s → %i', (at, ttd) => {
    const s = status(annual1200, at, quarters('2015/16', [300, 300, 300, 300]));
    expect(s.headline.annualTarget).toBe(1200);
    expect(s.headline.targetToDate).toBe(ttd);
    expect(s.rag).toBe('green');
  });

  it('adds up per-period targets for a summed measure (100, 200, 300, 400: 300 by Q2)', () => {
    const m = measure({ target: { perPeriod: [100, 200, 300, 400] } });
    const s = status(m, '2015/16 Q2', quarters('2015/16', [100, 230]));
    expect(s.headline.annualTarget).toBe(1000);
    expect(s.headline.targetToDate).toBe(300);
    expect(s.rag).toBe('amber');
  });

  it("takes the period's own per-period target for a latest-value measure", () => {
    const m = measure({ unit: 'percent', polarity: 'higher', target: { perPeriod: [80, 85, 90, 90] } });
    const s = status(m, '2015/16 Q2', quarters('2015/16', [80, 86]));
    expect(s.headline.annualTarget).toBe(90);
    expect(s.headline.targetToDate).toBe(85);
    expect(s.rag).toBe('green');
  });

  it('sets the target as a change from the baseline (10% below 1,000 is 900, 450 by Q2)', () => {
    const m = measure({ baseline: { value: 1000, label: '2014/15: 1,000' }, target: { changePct: -10 } });
    const s = status(m, '2015/16 Q2', quarters('2015/16', [200, 200]));
    expect(s.headline.annualTarget).toBe(900);
    expect(s.headline.targetToDate).toBe(450);
    expect(s.headline.baseline).toMatchObject({
      label: '2014/15: 1,000',
      value: 500,
      change: -100,
      changePct: -20,
    });
    expect(s.rag).toBe('green');
  });

  it("sets the target as a change from last year's total (5% above 1,000 is 1,050)", () => {
    const m = measure({ polarity: 'higher', target: { changePct: 5, from: 'lastYear' } });
    const returns = [...quarters('2014/15', [250, 250, 250, 250]), ...quarters('2015/16', [240])];
    const s = status(m, '2015/16 Q1', returns);
    expect(s.headline.annualTarget).toBe(1050);
    expect(s.headline.targetToDate).toBe(262.5);
    expect(s.rag).toBe('amber');
  });

  it('uses the target of the year asked for when targets change by year', () => {
    const m = measure({ target: { annual: 400 }, targetsByYear: { '2016/17': { annual: 800 } } });
    const returns = [...quarters('2015/16', [150]), ...quarters('2016/17', [150])];
    expect(status(m, '2015/16 Q1', returns)).toMatchObject({ rag: 'red', headline: { targetToDate: 100 } });
    expect(status(m, '2016/17 Q1', returns)).toMatchObject({ rag: 'green', headline: { targetToDate: 200 } });
  });
});

describe('when there is no RAG', () => {
  it.each<[string, Measure, string, string]>([
    [
      'baseline-pending: a change from a baseline not yet collected',
      measure({ baseline: { value: null, label: 'To be confirmed' }, target: { changePct: -5 } }),
      'baseline-pending',
      'Baseline being collected',
    ],
    [
      'baseline-pending: a change from last year with no figures last year',
      measure({ target: { changePct: -5, from: 'lastYear' } }),
      'baseline-pending',
      'Baseline being collected',
    ],
    ['no-target: a measure with no target', measure(), 'no-target', 'No target set'],
    [
      'monitoring: a monitoring-only measure',
      measure({ polarity: 'monitor' }),
      'monitoring',
      'Monitoring only',
    ],
    [
      'narrative: a measure reported in words',
      measure({ unit: 'text', polarity: 'monitor' }),
      'narrative',
      'Narrative only',
    ],
  ])('%s', (_name, m, reason, label) => {
    const s = status(m, '2015/16 Q1', quarters('2015/16', [120]));
    expect(s).toMatchObject({ rag: 'none', finalRag: 'none', noneReason: reason, label });
  });

  it('no-data when the period has no figure, even if earlier periods have', () => {
    const s = status(reduce400, '2015/16 Q2', [ret('2015/16 Q1', 90), ret('2015/16 Q2', null)]);
    expect(s).toMatchObject({ rag: 'none', noneReason: 'no-data', label: 'No data yet' });
    expect(s.headline.ytd).toBe(90);
    expect(s.latest?.notAvailable).toBe('Not available at time of writing.');
  });

  it('no-data for a monitoring measure with no figure for the period', () => {
    const s = status(measure({ polarity: 'monitor' }), '2015/16 Q2', quarters('2015/16', [120]));
    expect(s).toMatchObject({ rag: 'none', noneReason: 'no-data', latest: null });
  });

  it('still gives the comparisons of a monitoring measure', () => {
    const m = measure({ polarity: 'monitor' });
    const s = status(m, '2015/16 Q1', [...quarters('2014/15', [100]), ...quarters('2015/16', [120])]);
    expect(s.headline.lastYear).toMatchObject({ value: 100, change: 20, changePct: 20 });
    expect(s.headline.direction).toBe('up');
  });
});

describe('the year to date, by aggregation', () => {
  it('adds up a summed count', () => {
    const s = status(reduce400, '2015/16 Q3', quarters('2015/16', [100, 80, 90]));
    expect(s.headline).toMatchObject({ actual: 90, ytd: 270 });
  });

  it('takes the latest value for a latest-value measure', () => {
    const s = status(atLeast90, '2015/16 Q3', quarters('2015/16', [80, 70, 92]));
    expect(s.headline).toMatchObject({ actual: 92, ytd: 92, targetToDate: 90 });
    expect(s.rag).toBe('green');
    expect(status(atLeast90, '2015/16 Q2', quarters('2015/16', [80, 70, 92])).headline.ytd).toBe(70);
  });

  it('sums numerators and denominators for a ratio (81/165 + 19/35 = 100/200 = 50%)', () => {
    const m = measure({ unit: 'percent', polarity: 'higher', aggregation: 'ratio', target: { annual: 50 } });
    const returns = quarters('2015/16', [
      { numerator: 81, denominator: 165 },
      { numerator: 19, denominator: 35 },
    ]);
    const s = status(m, '2015/16 Q2', returns);
    expect(s.headline.ytd).toBe(50);
    expect(s.headline.actual).toBeCloseTo((19 / 35) * 100, 10);
    expect(status(m, '2015/16 Q1', returns).headline.actual).toBeCloseTo((81 / 165) * 100, 10);
  });

  it('sums the months of a monthly measure asked at a quarter', () => {
    const m = measure({ frequency: 'monthly', target: { annual: 1200 } });
    const returns = months([10, 20, 30, 40, 50, 60]);
    expect(status(m, '2015/16 Q1', returns).headline).toMatchObject({
      actual: 60,
      ytd: 60,
      targetToDate: 300,
    });
    expect(status(m, '2015/16 Q2', returns).headline).toMatchObject({
      actual: 150,
      ytd: 210,
      targetToDate: 600,
    });
    expect(status(m, '2015-05', returns).headline).toMatchObject({ actual: 20, ytd: 30, targetToDate: 200 });
  });

  it('is the latest return inside the asked quarter for a monthly measure', () => {
    const m = measure({ frequency: 'monthly', target: { annual: 1200 } });
    const s = status(m, '2015/16 Q2', months([10, 20, 30, 40, 50, 60, 70]));
    expect(s.latest && cal.format(s.latest.period)).toBe('2015-09');
  });
});

describe('the projection to year end', () => {
  it('is the year to date over the periods elapsed, times the periods in the year', () => {
    expect(status(reduce400, '2015/16 Q2', quarters('2015/16', [100, 200])).headline.projectedYearEnd).toBe(
      600,
    );
  });

  it('is not made from a partial year: with Q2 missing, it names Q2 instead', () => {
    const gap = status(reduce400, '2015/16 Q3', quarters('2015/16', [100, null, 140]));
    expect(gap.headline).toMatchObject({ ytd: 240, projectedYearEnd: null, gaps: ['2015/16 Q2'] });
    expect(gap.noneReason).toBe('incomplete');
  });

  it('works month by month for a monthly measure (60 in three months is 240 a year)', () => {
    const m = measure({ frequency: 'monthly', target: { annual: 1200 } });
    expect(status(m, '2015/16 Q1', months([10, 20, 30])).headline.projectedYearEnd).toBe(240);
  });

  it('is not made for latest-value measures', () => {
    expect(status(atLeast90, '2015/16 Q1', quarters('2015/16', [80])).headline.projectedYearEnd).toBeNull();
  });

  it('judges the projection against the annual target when the rules say so', () => {
    // A front-loaded profile: 240 to date is under the 300 target to date, but projects to 480 > 400.
    const frontLoaded = measure({ target: { perPeriod: [150, 150, 50, 50] } });
    const returns = quarters('2015/16', [110, 130]);
    expect(status(frontLoaded, '2015/16 Q2', returns).rag).toBe('green');
    const projected = status(frontLoaded, '2015/16 Q2', returns, { rules: { judgeAgainst: 'projection' } });
    expect(projected.headline.projectedYearEnd).toBe(480);
    expect(projected.rag).toBe('red');
  });

  it('is never green with an earlier quarter missing, whatever it is judged against', () => {
    const returns = quarters('2015/16', [null, 120]);
    for (const judgeAgainst of ['targetToDate', 'projection'] as const) {
      const s = status(reduce400, '2015/16 Q2', returns, { rules: { judgeAgainst } });
      expect(s.rag).toBe('none');
      expect(s.headline.gaps).toEqual(['2015/16 Q1']);
    }
  });
});

describe('red only if worse than last year', () => {
  const lastYear = quarters('2014/15', [150]);

  it('turns red into amber when better than the same period last year', () => {
    const returns = [...lastYear, ...quarters('2015/16', [130])];
    expect(status(reduce400, '2015/16 Q1', returns).rag).toBe('red');
    const lenient = status(reduce400, '2015/16 Q1', returns, { rules: { redOnlyIfWorseThanLastYear: true } });
    expect(lenient.rag).toBe('amber');
    expect(lenient.headline.direction).toBe('improving');
  });

  it('keeps red when also worse than last year', () => {
    const returns = [...lastYear, ...quarters('2015/16', [160])];
    const s = status(reduce400, '2015/16 Q1', returns, { rules: { redOnlyIfWorseThanLastYear: true } });
    expect(s.rag).toBe('red');
  });

  it('keeps red when there is no figure for last year', () => {
    const s = status(reduce400, '2015/16 Q1', quarters('2015/16', [130]), {
      rules: { redOnlyIfWorseThanLastYear: true },
    });
    expect(s.rag).toBe('red');
  });
});

describe("the coordinator's override", () => {
  const override: OverrideRecord = {
    rag: 'amber',
    reason: 'A one-off operation inflated the count.',
    by: 'cole-coordinator',
    at: '2016-01-10T09:00:00Z',
  };

  it('is shown beside the computed RAG, which stays as computed', () => {
    const s = status(reduce400, '2015/16 Q1', quarters('2015/16', [200]), { override });
    expect(s.rag).toBe('red');
    expect(s.label).toBe('Significant concern');
    expect(s.override).toEqual(override);
    expect(s.finalRag).toBe('amber');
  });

  it('is absent when there is none: the board sees the computed RAG', () => {
    const s = status(reduce400, '2015/16 Q1', quarters('2015/16', [200]));
    expect(s.override).toBeNull();
    expect(s.finalRag).toBe('red');
  });
});

describe('measures in parts', () => {
  const twoParts = (headline?: string): Measure =>
    measure({
      components: [
        { key: 'north', label: 'North locality', target: { annual: 400 } },
        { key: 'south', label: 'South locality', target: { annual: 400 } },
      ],
      ...(headline === undefined ? {} : { headline }),
    });
  const returns = quarters('2015/16', [{ north: 90, south: 200 }]);

  it('takes the RAG of the headline part', () => {
    const s = status(twoParts('south'), '2015/16 Q1', returns);
    expect(s.components.map((c) => [c.key, c.rag])).toEqual([
      ['north', 'green'],
      ['south', 'red'],
    ]);
    expect(s.headline.key).toBe('south');
    expect(s.headline.name).toBe('South locality');
    expect(s.rag).toBe('red');
  });

  it('takes the first part as headline when none is named', () => {
    const s = status(twoParts(), '2015/16 Q1', returns);
    expect(s.headline.key).toBe('north');
    expect(s.rag).toBe('green');
  });

  it("names a single-series measure's one part after the measure", () => {
    const s = status(reduce400, '2015/16 Q1', quarters('2015/16', [90]));
    expect(s.components).toHaveLength(1);
    expect(s.headline).toMatchObject({ key: 'value', name: 'Reduce test offences' });
  });
});

describe('checkPeriodFor', () => {
  it('rejects a month for a quarterly measure, naming the quarter to ask for', () => {
    const checked = checkPeriodFor(cal, reduce400, period('2015-05'));
    expect(checked).toEqual({
      ok: false,
      error: '9.1 is reported quarterly, so 2015-05 is too short: ask for e.g. 2015/16 Q1',
    });
  });

  it.each([
    ['quarterly', '2015/16 Q3'],
    ['quarterly', '2015/16'],
    ['monthly', '2016-01'],
    ['monthly', '2015/16 Q4'],
    ['annual', '2015/16'],
  ] as const)('accepts a %s measure asked for %s', (frequency, at) => {
    expect(checkPeriodFor(cal, measure({ frequency }), period(at))).toEqual({ ok: true, value: period(at) });
  });

  it('rejects a quarter for an annual measure', () => {
    const checked = checkPeriodFor(cal, measure({ frequency: 'annual' }), period('2015/16 Q3'));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error).toContain('ask for e.g. 2015/16');
  });
});

describe('direction of travel against the same period last year', () => {
  it.each<[string, MeasureInput['polarity'], number, number, string]>([
    ['improving when a "reduce" measure goes down', 'lower', 100, 90, 'improving'],
    ['worsening when a "reduce" measure goes up', 'lower', 100, 110, 'worsening'],
    ['improving when an "increase" measure goes up', 'higher', 100, 110, 'improving'],
    ['worsening when an "increase" measure goes down', 'higher', 100, 90, 'worsening'],
    ['up when a monitoring measure goes up', 'monitor', 100, 110, 'up'],
    ['down when a monitoring measure goes down', 'monitor', 100, 90, 'down'],
    ['no change when the figure is the same', 'lower', 100, 100, 'no change'],
  ])('%s', (_name, polarity, before, now, direction) => {
    const m = measure({ polarity, target: polarity === 'monitor' ? undefined : { annual: 400 } });
    const s = status(m, '2015/16 Q1', [...quarters('2014/15', [before]), ...quarters('2015/16', [now])]);
    expect(s.headline.direction).toBe(direction);
  });

  it('has no direction without last year', () => {
    expect(status(reduce400, '2015/16 Q1', quarters('2015/16', [90])).headline.direction).toBeNull();
  });
});

describe('RAG properties', () => {
  const RANK: Record<Rag, number> = { red: 0, amber: 1, green: 2, none: -1 };
  const polarity = fc.constantFrom('lower' as const, 'higher' as const);

  /** The status at Q4 of a summed count whose year to date is `ytd` and annual target `target`. */
  function ragAt(
    p: 'lower' | 'higher',
    ytd: number,
    target: number,
    rules: Partial<StatusRules>,
    ly?: number,
  ) {
    const m = measure({ polarity: p, target: { annual: target } });
    const returns = [
      ...quarters('2015/16', [0, 0, 0, ytd]),
      ...(ly === undefined ? [] : quarters('2014/15', [0, 0, 0, ly])),
    ];
    return status(m, '2015/16 Q4', returns, { rules }).rag;
  }

  it('is green exactly when the year to date is not worse than the target', () => {
    fc.assert(
      fc.property(
        polarity,
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 100 }),
        (p, ytd, target, tolerancePct) => {
          const notWorse = p === 'lower' ? ytd <= target : ytd >= target;
          expect(ragAt(p, ytd, target, { tolerancePct }) === 'green').toBe(notWorse);
        },
      ),
    );
  });

  it('is never better for a figure further from target in the worse direction', () => {
    fc.assert(
      fc.property(
        polarity,
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 1, max: 50_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
        (p, base, shift, target, tolerancePct, redOnlyIfWorseThanLastYear, ly) => {
          const worse = p === 'lower' ? base + shift : Math.max(0, base - shift);
          const rules = { tolerancePct, redOnlyIfWorseThanLastYear };
          const before = ragAt(p, base, target, rules, ly);
          const after = ragAt(p, worse, target, rules, ly);
          expect(RANK[after]).toBeLessThanOrEqual(RANK[before]);
        },
      ),
    );
  });

  it('widening the tolerance never makes the RAG worse', () => {
    fc.assert(
      fc.property(
        polarity,
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (p, ytd, target, a, b) => {
          const narrow = ragAt(p, ytd, target, { tolerancePct: Math.min(a, b) });
          const wide = ragAt(p, ytd, target, { tolerancePct: Math.max(a, b) });
          expect(RANK[wide]).toBeGreaterThanOrEqual(RANK[narrow]);
        },
      ),
    );
  });
});
