// Targets belong to years: which target judges a year, how "start 2016/17" reads its choices and carries
// last year's targets forward, and what a re-import may change (never a closed year's target).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MeasureSchema, type Measure, type MeasureInput } from '../../src/domain/measure.js';
import { financialCalendar } from '../../src/domain/period.js';
import {
  carriedTarget,
  mergeYearTargets,
  readCarry,
  readCarryChoices,
  targetIn,
  withoutTarget,
} from '../../src/domain/year-targets.js';

const cal = financialCalendar(4);
const measure = (over: Partial<MeasureInput> = {}): Measure =>
  MeasureSchema.parse({
    ref: '2.2',
    title: 'Reduce violence without injury',
    theme: 'v',
    owner: 'dan',
    ...over,
  });
const Y2015 = 2015;

describe('the target of a year', () => {
  const m = measure({ target: { changePct: 0 }, targetsByYear: { '2016/17': { annual: 1547 } } });

  it.each([
    [2014, '2015/16', { changePct: 0, from: 'baseline' }],
    [2015, '2015/16', { changePct: 0, from: 'baseline' }],
    [2016, '2015/16', { annual: 1547, from: 'baseline' }],
    [2017, '2015/16', undefined],
    [2017, null, { changePct: 0, from: 'baseline' }],
  ])('in %s with targetYear %s', (year, targetYear, expected) => {
    expect(targetIn(cal, m, null, year, targetYear)).toEqual(expected);
  });

  it('a named year always wins; the plain target reaches exactly the years up to targetYear', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2040 }), fc.integer({ min: 2000, max: 2040 }), (year, ty) => {
        const targetYear = cal.format({ kind: 'year', year: ty });
        const plain = measure({ target: { annual: 10 } });
        expect(targetIn(cal, plain, null, year, targetYear) !== undefined).toBe(year <= ty);
        const named = measure({ targetsByYear: { [cal.format({ kind: 'year', year })]: { annual: 5 } } });
        expect(targetIn(cal, named, null, year, targetYear)).toEqual({ annual: 5, from: 'baseline' });
      }),
    );
  });

  it('monitoring and narrative measures never need one', () => {
    const all = [
      measure({ ref: '1.1', polarity: 'monitor' }),
      measure({ ref: '1.2', unit: 'text' }),
      measure({ ref: '1.3' }),
    ];
    expect(withoutTarget(cal, all, Y2015, null).map((x) => x.ref)).toEqual(['1.3']);
  });
});

describe('reading "start 2016/17: …"', () => {
  it.each([
    ['same', { how: 'same' }],
    ['Keep', { how: 'same' }],
    ['-5%', { how: 'change', pct: -5 }],
    ['− 2.5 %', { how: 'change', pct: -2.5 }],
    ['+10%', { how: 'change', pct: 10 }],
    ['120', { how: 'new', value: 120 }],
    ['= 90.5', { how: 'new', value: 90.5 }],
    ['lots', null],
    ['-120', null],
  ])('%s', (text, expected) => {
    expect(readCarry(text)).toEqual(expected);
  });

  it('reads several choices and "rest", and names what it cannot read', () => {
    const read = readCarryChoices('2.2 -5%; 4.1 = 120, rest same');
    expect(read.ok && [...read.value.byRef]).toEqual([
      ['2.2', { how: 'change', pct: -5 }],
      ['4.1', { how: 'new', value: 120 }],
    ]);
    expect(read.ok && read.value.rest).toEqual({ how: 'same' });
    expect(readCarryChoices('2.2 lower please')).toEqual({
      ok: false,
      error: expect.stringContaining('"2.2 lower please" is not a choice'),
    });
    expect(readCarryChoices('  ').ok).toBe(false);
  });
});

describe('carrying a target forward', () => {
  const last = { target: { changePct: 0, from: 'baseline' as const }, outturn: 1628, unit: 'count' as const };

  it('keeps the same target, changes the outturn (whole numbers for counts), or takes a new figure', () => {
    expect(carriedTarget({ how: 'same' }, last)).toEqual({ ok: true, target: last.target });
    expect(carriedTarget({ how: 'change', pct: -5 }, last)).toEqual({
      ok: true,
      target: { annual: 1547, from: 'baseline' },
    });
    expect(carriedTarget({ how: 'change', pct: 10 }, { ...last, outturn: 66.7, unit: 'percent' })).toEqual({
      ok: true,
      target: { annual: 73.37, from: 'baseline' },
    });
    expect(carriedTarget({ how: 'new', value: 40 }, last)).toEqual({
      ok: true,
      target: { annual: 40, from: 'baseline' },
    });
  });

  it('says what is missing instead of guessing', () => {
    expect(carriedTarget({ how: 'same' }, { ...last, target: undefined })).toEqual({
      ok: false,
      error: 'had no target last year to carry: give a figure',
    });
    expect(carriedTarget({ how: 'change', pct: 5 }, { ...last, outturn: null })).toEqual({
      ok: false,
      error: 'has no outturn for last year to change: give a figure',
    });
  });
});

describe('a re-import and the targets of years', () => {
  const stored = [measure({ target: { changePct: 0 }, targetsByYear: { '2016/17': { annual: 1547 } } })];
  const side = (measures: Measure[]) => ({ measures, targetYear: '2015/16' });

  it('keeps a closed year judged by its old target when the plain target changes', () => {
    const merged = mergeYearTargets(
      cal,
      side(stored),
      side([measure({ target: { annual: 5000 } })]),
      [2015],
      false,
    );
    expect(merged.kept).toEqual([
      '2.2: 2015/16 keeps its target (the board has seen that year judged by it)',
    ]);
    expect(merged.measures[0]?.targetsByYear).toEqual({
      '2015/16': { changePct: 0, from: 'baseline' },
      '2016/17': { annual: 1547, from: 'baseline' },
    });
    expect(targetIn(cal, merged.measures[0] as Measure, null, 2015, '2015/16')).toEqual({
      changePct: 0,
      from: 'baseline',
    });
  });

  it('lets an open year take the new target, and keeps a year set in chat the file does not name', () => {
    const merged = mergeYearTargets(
      cal,
      side(stored),
      side([measure({ target: { annual: 5000 } })]),
      [],
      false,
    );
    expect(merged.kept).toEqual([]);
    expect(targetIn(cal, merged.measures[0] as Measure, null, 2015, '2015/16')).toEqual({
      annual: 5000,
      from: 'baseline',
    });
    expect(merged.measures[0]?.targetsByYear?.['2016/17']).toEqual({ annual: 1547, from: 'baseline' });
  });

  it('refuses a file that names a closed year with another target, unless forced', () => {
    const file = [measure({ target: { changePct: 0 }, targetsByYear: { '2015/16': { annual: 5000 } } })];
    expect(mergeYearTargets(cal, side(stored), side(file), [2015], false).refused).toEqual([
      expect.stringMatching(/^2\.2: 2015\/16 is closed, and its target is what the board judged it by/),
    ]);
    const forced = mergeYearTargets(cal, side(stored), side(file), [2015], true);
    expect(forced.refused).toEqual([]);
    expect(forced.measures[0]?.targetsByYear?.['2015/16']).toEqual({ annual: 5000, from: 'baseline' });
  });

  it('never changes the target that judges a closed year, whatever the file says (unforced)', () => {
    const target = fc.oneof(
      fc.record({ annual: fc.integer({ min: 0, max: 5000 }) }),
      fc.record({ changePct: fc.integer({ min: -50, max: 50 }) }),
    );
    fc.assert(
      fc.property(target, target, fc.boolean(), (before, after, name) => {
        const was = [measure({ target: before })];
        const now = [measure({ target: after, ...(name ? { targetsByYear: { '2015/16': after } } : {}) })];
        const merged = mergeYearTargets(cal, side(was), side(now), [2015], false);
        if (merged.refused.length > 0) return;
        expect(targetIn(cal, merged.measures[0] as Measure, null, 2015, '2015/16')).toEqual(
          targetIn(cal, was[0] as Measure, null, 2015, '2015/16'),
        );
      }),
    );
  });
});
