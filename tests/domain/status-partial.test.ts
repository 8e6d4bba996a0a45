// Partial periods on a monthly measure: the months missing from a quarter or a year to date are named,
// last year is read over the same months only (like for like), nothing is projected from a partial year,
// and a year to date with a month missing is never green.
import { describe, expect, it } from 'vitest';
import { MeasureSchema, type MeasureInput } from '../../src/domain/measure.js';
import { financialCalendar, type Period } from '../../src/domain/period.js';
import type { ReturnRecord } from '../../src/domain/return-record.js';
import { computeStatus, type StatusRules } from '../../src/domain/status.js';
import { statusView } from '../../src/bot/status-view.js';
import { statusText } from '../../src/reports/status-text.js';

const cal = financialCalendar();
const RULES: StatusRules = {
  tolerancePct: 15,
  redOnlyIfWorseThanLastYear: false,
  judgeAgainst: 'targetToDate',
};

const monthly = (fields: Partial<MeasureInput> = {}) =>
  MeasureSchema.parse({
    ref: '7.1',
    title: 'Alcohol-related A&E attendances',
    theme: 'alcohol',
    owner: 'ruth-okafor',
    frequency: 'monthly',
    unit: 'count',
    polarity: 'monitor',
    ...fields,
  });

const at = (text: string): Period => {
  const parsed = cal.parse(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

const months = (figures: Record<string, number>): ReturnRecord[] =>
  Object.entries(figures).map(([month, value]) => ({
    period: at(month),
    figures: { value },
    narrative: '',
    correctiveAction: null,
    notAvailable: null,
    expectedDate: null,
    submittedBy: 'ruth-okafor',
    submittedAt: '2016-04-20T09:00:00.000Z',
    revision: 1,
  }));

// Last year's January to March, and this year's with February missing.
const LAST_YEAR = { '2015-01': 100, '2015-02': 109, '2015-03': 100 };
const THIS_YEAR = { '2016-01': 120, '2016-03': 114 };
const WHOLE_YEAR_BEFORE = Object.fromEntries(
  ['2015-04', '2015-05', '2015-06', '2015-07', '2015-08', '2015-09', '2015-10', '2015-11', '2015-12'].map(
    (m) => [m, 110],
  ),
);

describe('a quarter with a month missing (monitoring)', () => {
  const s = computeStatus({
    cal,
    measure: monthly(),
    period: at('2015/16 Q4'),
    returns: months({ ...LAST_YEAR, ...WHOLE_YEAR_BEFORE, ...THIS_YEAR }),
    override: null,
    rules: RULES,
  });
  const c = s.headline;

  it('names the month missing', () => {
    expect(c.gaps).toEqual(['2016-02']);
  });

  it('compares January and March with last January and March: +17%, not -24%', () => {
    expect(c.actual).toBe(234);
    expect(c.lastYear.actual).toBe(200);
    expect(c.lastYear.inPeriod.changePct).toBeCloseTo(17, 0);
    expect(c.lastYear.likeForLike).toBe(true);
  });

  it('says so on the card and in the CLI', () => {
    const view = statusView(
      {
        cal,
        partnership: { settings: { smallNumberThreshold: 5 }, themes: [], people: [] },
      } as never,
      s,
      { chartUrl: null, suppressBelow: null, actions: [], signOff: null },
    );
    const figures = Object.fromEntries(view.figures.map((f) => [f.label, f.value]));
    expect(figures.Missing).toBe('no return for 2016-02');
    expect(Object.keys(figures)).toContain('Same period last year (the same periods only)');
    const text = statusText(cal, s);
    expect(text).toContain('Missing: no return for 2016-02');
    expect(text).toContain('(the same periods only)');
  });
});

describe('a year to date with an earlier month missing (target)', () => {
  const measure = monthly({ polarity: 'lower', target: { annual: 1500 } });
  const returns = months({ ...WHOLE_YEAR_BEFORE, '2015-06': 0, ...THIS_YEAR, '2016-02': 90 }).filter(
    (r) => cal.format(r.period) !== '2015-06',
  );
  const s = computeStatus({ cal, measure, period: at('2015/16 Q4'), returns, override: null, rules: RULES });

  it('is not green, however far under target, and says which month is missing', () => {
    expect(s.headline.ytd).toBeLessThan(1500);
    expect(s.rag).toBe('none');
    expect(s.noneReason).toBe('incomplete');
    expect(s.headline.gaps).toEqual(['2015-06']);
  });

  it('projects no year end from a partial year', () => {
    expect(s.headline.projectedYearEnd).toBeNull();
  });

  it('is judged again once the month is in', () => {
    const whole = computeStatus({
      cal,
      measure,
      period: at('2015/16 Q4'),
      returns: [...returns, ...months({ '2015-06': 95 })],
      override: null,
      rules: RULES,
    });
    expect(whole.headline.gaps).toEqual([]);
    expect(whole.rag).toBe('green');
    expect(whole.headline.lastYear.likeForLike).toBe(false);
  });
});
