// Annual targets and targets to date.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Aggregation, Target } from '../../src/domain/measure.js';
import { annualTarget, baselineToDate, targetToDate, type TargetContext } from '../../src/domain/target.js';

function context(target: Partial<Target>, more: Partial<TargetContext> = {}): TargetContext {
  return {
    target: { from: 'baseline', ...target },
    aggregation: 'sum',
    baseline: undefined,
    lastYearTotal: null,
    inYear: 4,
    ...more,
  };
}

describe('annualTarget', () => {
  it('is the annual value when one is given', () => {
    expect(annualTarget(context({ annual: 90 }))).toEqual({ ok: true, value: 90 });
  });

  it('adds up per-period values for a summed measure, and takes the last for a snapshot', () => {
    expect(annualTarget(context({ perPeriod: [100, 200, 300, 400] }))).toEqual({ ok: true, value: 1000 });
    const latest = context({ perPeriod: [80, 85, 90] }, { aggregation: 'latest' });
    expect(annualTarget(latest)).toEqual({ ok: true, value: 90 });
  });

  it('applies a change to the baseline ("no increase on 1,068" is 1,068)', () => {
    const c = context({ changePct: 0 }, { baseline: { value: 1068, label: '2014/15 - 1,068 offences' } });
    expect(annualTarget(c)).toEqual({ ok: true, value: 1068 });
    const cut = context({ changePct: -10 }, { baseline: { value: 13425, label: '' } });
    const value = annualTarget(cut);
    expect(value.ok && value.value).toBeCloseTo(12082.5, 6);
  });

  it("applies a change to last year's total when set from last year", () => {
    const c = context({ changePct: 5, from: 'lastYear' }, { lastYearTotal: 2111 });
    const value = annualTarget(c);
    expect(value.ok && value.value).toBeCloseTo(2216.55, 6);
  });

  it('is pending while the baseline is being collected', () => {
    const noBaseline = context({ changePct: -5 }, { baseline: { value: null, label: 'To be confirmed' } });
    expect(annualTarget(noBaseline)).toEqual({ ok: false, reason: 'baseline-pending' });
    expect(annualTarget(context({ changePct: -5, from: 'lastYear' }))).toEqual({
      ok: false,
      reason: 'baseline-pending',
    });
  });
});

describe('targetToDate', () => {
  it.each([
    [1, 300],
    [2, 600],
    [3, 900],
    [4, 1200],
  ])('profiles 1,200 a year evenly: after %i quarters, %i', (elapsed, ttd) => {
    expect(targetToDate(context({ annual: 1200 }), 1200, elapsed)).toBe(ttd);
  });

  it('profiles monthly: 1,200 a year is 500 after five months', () => {
    expect(targetToDate(context({ annual: 1200 }, { inYear: 12 }), 1200, 5)).toBe(500);
  });

  it('adds up per-period values to date', () => {
    expect(targetToDate(context({ perPeriod: [100, 200, 300, 400] }), 1000, 2)).toBe(300);
  });

  it('is the annual value, or the period value, for a snapshot measure', () => {
    const annual = context({ annual: 90 }, { aggregation: 'latest' });
    expect(targetToDate(annual, 90, 2)).toBe(90);
    const stepped = context({ perPeriod: [80, 85] }, { aggregation: 'latest' });
    expect(targetToDate(stepped, 85, 1)).toBe(80);
    expect(targetToDate(stepped, 85, 4)).toBe(85);
  });

  it('reaches the annual target at year end and never falls during the year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(1, 4, 12), (annual, inYear) => {
        const c = context({ annual }, { inYear });
        const profile = Array.from({ length: inYear }, (_, i) => targetToDate(c, annual, i + 1));
        expect(profile[inYear - 1]).toBeCloseTo(annual, 6);
        profile.slice(1).forEach((v, i) => expect(v).toBeGreaterThanOrEqual(profile[i] ?? -Infinity));
      }),
    );
  });
});

describe('baselineToDate', () => {
  it.each<[number, Aggregation, number, number, number]>([
    [13425, 'sum', 1, 4, 3356.25],
    [13425, 'sum', 4, 4, 13425],
    [2318, 'sum', 2, 4, 1159],
    [25, 'latest', 1, 4, 25],
    [44, 'ratio', 3, 4, 44],
  ])('%f (%s) after %i of %i periods is %f', (value, aggregation, elapsed, inYear, expected) => {
    expect(baselineToDate(value, aggregation, elapsed, inYear)).toBe(expected);
  });
});
