// The RAG rule on its own: how far worse than the reference, and green, amber or red.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Polarity } from '../../src/domain/measure.js';
import { directionOfTravel, judgeRag, shortfallPct, type RagRules } from '../../src/domain/rag.js';

const RULES: RagRules = { tolerancePct: 15, redOnlyIfWorseThanLastYear: false };

describe('shortfallPct', () => {
  it.each<[number, number, Polarity, number]>([
    [1628, 1068, 'lower', (560 / 1068) * 100],
    [2203, 2318, 'lower', (-115 / 2318) * 100],
    [31, 44, 'higher', (13 / 44) * 100],
    [47, 44, 'higher', (-3 / 44) * 100],
  ])('%f against %f (%s is better) is %f', (actual, reference, polarity, pct) => {
    expect(shortfallPct(actual, reference, polarity)).toBeCloseTo(pct, 10);
  });

  it('is infinite when any figure is worse than a reference of zero, and zero otherwise', () => {
    expect(shortfallPct(1, 0, 'lower')).toBe(Infinity);
    expect(shortfallPct(0, 0, 'lower')).toBe(0);
    expect(shortfallPct(5, 0, 'higher')).toBe(0);
  });
});

describe('judgeRag', () => {
  it.each<[number, number, Polarity, string]>([
    [1628, 1068, 'lower', 'red'],
    [326, 286.5, 'lower', 'amber'],
    [2203, 2318, 'lower', 'green'],
    [90, 90, 'higher', 'green'],
    [40, 44, 'higher', 'amber'],
    [31, 44, 'higher', 'red'],
  ])('%f against %f (%s is better) is %s', (actual, target, polarity, rag) => {
    expect(judgeRag(actual, target, polarity, RULES, null)).toBe(rag);
  });

  it('has no amber with no tolerance', () => {
    expect(judgeRag(101, 100, 'lower', { ...RULES, tolerancePct: 0 }, null)).toBe('red');
    expect(judgeRag(100, 100, 'lower', { ...RULES, tolerancePct: 0 }, null)).toBe('green');
  });

  it('turns red into amber when better than last year, if the rules say so', () => {
    const lenient = { ...RULES, redOnlyIfWorseThanLastYear: true };
    expect(judgeRag(130, 100, 'lower', lenient, 150)).toBe('amber');
    expect(judgeRag(130, 100, 'lower', lenient, 130)).toBe('amber');
    expect(judgeRag(130, 100, 'lower', lenient, 120)).toBe('red');
    expect(judgeRag(130, 100, 'lower', lenient, null)).toBe('red');
    expect(judgeRag(130, 100, 'lower', RULES, 150)).toBe('red');
  });

  it('is green exactly when the actual is not worse than the target (any numbers)', () => {
    const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(
        finite,
        finite,
        fc.constantFrom<Polarity>('lower', 'higher'),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (actual, target, polarity, tolerancePct) => {
          const notWorse = polarity === 'lower' ? actual <= target : actual >= target;
          const rag = judgeRag(actual, target, polarity, { ...RULES, tolerancePct }, null);
          expect(rag === 'green').toBe(notWorse);
        },
      ),
    );
  });
});

describe('directionOfTravel', () => {
  it.each<[number, number, Polarity, string]>([
    [22, 25, 'lower', 'improving'],
    [24, 23, 'lower', 'worsening'],
    [47, 31, 'higher', 'improving'],
    [31, 40, 'higher', 'worsening'],
    [1035, 895, 'monitor', 'up'],
    [754, 894, 'monitor', 'down'],
    [25, 25, 'lower', 'no change'],
    [25, 25, 'monitor', 'no change'],
  ])('%f after %f (%s) is %s', (now, before, polarity, direction) => {
    expect(directionOfTravel(now, before, polarity)).toBe(direction);
  });
});
