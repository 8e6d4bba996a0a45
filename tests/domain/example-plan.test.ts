// The example plan file (Stockton 2015/16, from seed 000) parses, hangs together, and reproduces the
// figures the seed dashboard states.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { figureValue } from '../../src/domain/figures.js';
import { PlanSchema, type Plan, type ReturnInput } from '../../src/domain/plan-schema.js';

const FILE = new URL('../../examples/stockton-2015-16.yaml', import.meta.url);
const raw: unknown = parse(readFileSync(FILE, 'utf8'));
const parsed = PlanSchema.safeParse(raw);

function plan(): Plan {
  if (!parsed.success) throw new Error(`the example plan is invalid: ${JSON.stringify(parsed.error.issues)}`);
  return parsed.data;
}

function returnsOf(ref: string, year: string): ReturnInput[] {
  return plan()
    .returns.filter((r) => r.ref === ref && r.period.startsWith(`${year} Q`))
    .sort((a, b) => a.period.localeCompare(b.period));
}

function returnAt(ref: string, period: string): ReturnInput {
  const found = plan().returns.find((r) => r.ref === ref && r.period === period);
  if (found === undefined) throw new Error(`no return for ${ref} ${period}`);
  return found;
}

/** The figure of one component of a return (the single value when key is omitted), as a number. */
function figure(r: ReturnInput, key?: string): number {
  const f = key === undefined ? r.value : r.values?.[key];
  if (f === undefined) throw new Error(`${r.ref} ${r.period} has no figure${key ? ` for ${key}` : ''}`);
  return figureValue(f, true);
}

/** In-period values summed to the end of quarter `q` (the whole year by default). */
function ytd(ref: string, year: string, q = 4): number {
  const quarters = returnsOf(ref, year).filter((r) => Number(r.period.slice(-1)) <= q);
  return quarters.reduce((sum, r) => sum + figure(r), 0);
}

describe('examples/stockton-2015-16.yaml', () => {
  it('is a valid plan', () => {
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('has the partnership settings of the brief', () => {
    expect(plan().partnership).toMatchObject({
      id: 'stockton',
      name: 'Safer Stockton Partnership',
      yearStartMonth: 4,
      dueWorkingDays: 10,
      tolerancePct: 15,
    });
  });

  it('has every measure of the seed, 1.1 to 6.4', () => {
    expect(plan().measures.map((m) => m.ref)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '2.1',
      '2.2',
      '2.3',
      '3.1',
      '3.2',
      '3.3',
      '4.1',
      '4.2',
      '5.1',
      '5.2',
      '6.1',
      '6.2',
      '6.3',
      '6.4',
    ]);
  });

  it('gives every return a known measure and a well-formed period, once', () => {
    const refs = new Set(plan().measures.map((m) => m.ref));
    const seen = new Set<string>();
    for (const r of plan().returns) {
      expect(refs, `return ${r.ref} ${r.period}`).toContain(r.ref);
      expect(r.period).toMatch(/^20\d\d\/\d\d Q[1-4]$/);
      const id = `${r.ref} ${r.period}`;
      expect(seen, 'duplicate return').not.toContain(id);
      seen.add(id);
    }
    for (const o of plan().overrides) expect(refs).toContain(o.ref);
  });

  it('names only known people as owners, submitters and override authors', () => {
    const people = new Set(plan().people.map((p) => p.id));
    expect(people.size).toBe(plan().people.length);
    for (const m of plan().measures) expect(people, `owner of ${m.ref}`).toContain(m.owner);
    for (const r of plan().returns) {
      expect(r.submittedBy, `submitter of ${r.ref} ${r.period}`).toBeDefined();
      expect(people, `submitter of ${r.ref} ${r.period}`).toContain(r.submittedBy);
    }
    for (const o of plan().overrides) expect(people).toContain(o.by);
  });

  it('has returns submitted by the measure owner', () => {
    const owners = new Map(plan().measures.map((m) => [m.ref, m.owner]));
    for (const r of plan().returns) expect(r.submittedBy, `${r.ref} ${r.period}`).toBe(owners.get(r.ref));
  });

  it('has one coordinator, one chair and one owner per data source', () => {
    const { people, measures } = plan();
    expect(people.filter((p) => p.role === 'coordinator')).toHaveLength(1);
    expect(people.filter((p) => p.role === 'chair')).toHaveLength(1);
    const ownersBySource = new Map<string, Set<string>>();
    for (const m of measures) {
      const owners = ownersBySource.get(m.source) ?? new Set<string>();
      owners.add(m.owner);
      ownersBySource.set(m.source, owners);
    }
    for (const [source, owners] of ownersBySource) expect([...owners], source).toHaveLength(1);
    expect(people.filter((p) => p.slackId !== undefined && p.teamsId !== undefined)).toHaveLength(2);
  });

  it('puts every measure in a known theme', () => {
    const themes = new Set(plan().themes.map((t) => t.id));
    for (const m of plan().measures) expect(themes, `theme of ${m.ref}`).toContain(m.theme);
  });

  it("reports figures the way each measure's kind says", () => {
    const measures = new Map(plan().measures.map((m) => [m.ref, m]));
    for (const r of plan().returns) {
      const m = measures.get(r.ref);
      const where = `${r.ref} ${r.period}`;
      if (m === undefined) throw new Error(`no measure ${r.ref}`);
      if (r.notAvailable !== undefined || m.unit === 'text') {
        expect(r.value, where).toBeUndefined();
        expect(r.values, where).toBeUndefined();
        if (m.unit === 'text')
          expect(r.narrative.length + (r.notAvailable?.length ?? 0), where).toBeGreaterThan(0);
      } else if (m.components !== undefined) {
        const keys = m.components.map((c) => c.key);
        expect(r.values, where).toBeDefined();
        for (const key of Object.keys(r.values ?? {})) expect(keys, where).toContain(key);
      } else {
        expect(typeof r.value === 'number' || typeof r.value === 'object', where).toBe(true);
      }
    }
  });

  it('has no target on monitoring and narrative measures', () => {
    for (const m of plan().measures.filter((x) => x.polarity === 'monitor')) {
      expect(m.target, m.ref).toBeUndefined();
      expect(
        (m.components ?? []).every((c) => c.target === undefined),
        m.ref,
      ).toBe(true);
    }
  });

  describe('reproduces the seed', () => {
    it.each([
      ['1.3', '2015/16', 12043],
      ['1.4', '2015/16', 4311],
      ['1.4', '2014/15', 4374],
      ['2.1', '2015/16', 1440],
      ['2.1', '2014/15', 1146],
      ['2.2', '2015/16', 1628],
      ['2.2', '2014/15', 1068],
      ['2.3', '2015/16', 101],
      ['2.3', '2014/15', 67],
      ['4.1', '2015/16', 2203],
      ['4.1', '2014/15', 2111],
    ])('%s %s year total = %i', (ref, year, total) => {
      expect(returnsOf(ref, year)).toHaveLength(4);
      expect(ytd(ref, year)).toBe(total);
    });

    it.each([
      ['1.3', [3109, 6496, 9450, 12043]],
      ['2.1', [326, 673, 1028, 1440]],
      ['2.2', [336, 700, 1139, 1628]],
      ['2.3', [17, 39, 71, 101]],
      ['4.1', [531, 1061, 1686, 2203]],
    ])('%s 2015/16 year to date by quarter = %j', (ref, totals) => {
      expect([1, 2, 3, 4].map((q) => ytd(ref, '2015/16', q))).toEqual(totals);
    });

    // "an increase of 110 crimes" etc.: this year's YTD less last year's, quarter by quarter.
    it.each([
      ['2.1', [66, 110, 162, 294]],
      ['2.2', [144, 317, 386, 560]],
      ['2.3', [5, 15, 30, 34]],
      ['4.1', [-5, 35, 116, 92]],
      ['1.4', [-88, -63, 77, -63]],
    ])('%s year-to-date change on last year by quarter = %j', (ref, changes) => {
      expect([1, 2, 3, 4].map((q) => ytd(ref, '2015/16', q) - ytd(ref, '2014/15', q))).toEqual(changes);
    });

    it.each([
      ['1.4', [-88, 25, 140, -140]],
      ['4.2', [1, 1, -1, -3]],
    ])('%s in-period change on the same quarter last year = %j', (ref, changes) => {
      const now = returnsOf(ref, '2015/16').map((r) => figure(r));
      const before = returnsOf(ref, '2014/15').map((r) => figure(r));
      expect(now.map((v, i) => v - (before[i] ?? NaN))).toEqual(changes);
    });

    it('4.1 is 115 crimes below its baseline and 4.2 three repeats below its baseline', () => {
      const byRef = new Map(plan().measures.map((m) => [m.ref, m]));
      expect((byRef.get('4.1')?.baseline?.value ?? NaN) - ytd('4.1', '2015/16')).toBe(115);
      expect((byRef.get('4.2')?.baseline?.value ?? NaN) - figure(returnAt('4.2', '2015/16 Q4'))).toBe(3);
      expect(figure(returnAt('4.2', '2014/15 Q4'))).toBe(byRef.get('4.2')?.baseline?.value);
    });

    it('1.3 is 10.2% below its baseline (as the seed truncates it)', () => {
      const baseline = plan().measures.find((m) => m.ref === '1.3')?.baseline?.value ?? NaN;
      const reduction = ((baseline - ytd('1.3', '2015/16')) / baseline) * 100;
      expect(Math.floor(reduction * 10) / 10).toBe(10.2);
    });

    it.each([
      ['1.1', '2015/16 Q1', { hotline: 47, police: 37 }],
      ['1.1', '2015/16 Q4', { hotline: 12, police: 10 }],
      ['3.1', '2015/16 Q3', { commencements: 21, completions: 6, revocations: 22 }],
      ['3.3', '2015/16 Q1', { opiate: 4.8, 'non-opiate': 49, 'cj-opiate': 2.4, 'cj-non-opiate': 31.3 }],
      ['5.1', '2015/16 Q3', { commencements: 10, completions: 5, revocations: 3 }],
      ['6.1', '2015/16 Q1', { 'known-engaging': 55, 'known-completed': 63, 'unknown-engaging': 92 }],
      ['6.4', '2015/16 Q1', { assessment: 79, engagement: 79 }],
    ])(
      '%s %s components = %j (rounded as the seed gives them)',
      (ref, period, expected: Record<string, number>) => {
        const r = returnAt(ref, period);
        const decimals = (n: number): number => (String(n).split('.')[1] ?? '').length;
        const actual = Object.fromEntries(
          Object.entries(expected).map(([k, e]) => [k, Number(figure(r, k).toFixed(decimals(e)))]),
        );
        expect(actual).toEqual(expected);
      },
    );

    it.each([
      ['1.2', [94, 92, 90, 94]],
      ['4.2', [24, 23, 24, 22]],
      ['6.2', [40, 31, 47, 67]],
    ])('%s 2015/16 quarters = %j', (ref, values) => {
      expect(returnsOf(ref, '2015/16').map((r) => figure(r))).toEqual(values);
    });

    it('records what was not available, with the date 3.3 Q4 is expected', () => {
      const missing = plan()
        .returns.filter((r) => r.notAvailable !== undefined)
        .map((r) => `${r.ref} ${r.period}`)
        .sort();
      expect(missing).toEqual([
        '3.1 2015/16 Q4',
        '3.2 2015/16 Q4',
        '3.3 2015/16 Q4',
        '5.1 2015/16 Q1',
        '5.1 2015/16 Q4',
        '6.1 2015/16 Q3',
        '6.1 2015/16 Q4',
      ]);
      expect(returnAt('3.3', '2015/16 Q4').expected).toBe('2016-05-24');
    });
  });
});
