// Targets belong to years. A measure's target for a financial year is its `targetsByYear` entry for that
// year; failing that, its plain `target`, but only up to the plan's `targetYear` (the year the file's
// targets were set for): a later year has no target until someone sets one, by a plan naming the year or
// by "start 2016/17", which carries last year's targets forward. Monitoring and narrative measures never
// need one.
import { headlineOf, type Component, type Measure, type Target, type Unit } from './measure.js';
import type { FinancialCalendar, Period } from './period.js';

/** The year a plan's plain targets were set for (`targetYear`), or null: they judge every year. */
export function targetYearOf(settings: { targetYear?: string }): string | null {
  return settings.targetYear ?? null;
}

/**
 * The target that judges `component` of `m` in financial year `year` (a number: cal.yearOf), or undefined.
 * `targetYear` null: plain targets apply to every year.
 */
export function targetIn(
  cal: FinancialCalendar,
  m: Measure,
  component: Component | null,
  year: number,
  targetYear: string | null,
): Target | undefined {
  const named = m.targetsByYear?.[cal.format({ kind: 'year', year })];
  if (named) return named;
  if (!coversYear(cal, targetYear, year)) return undefined;
  return component?.target ?? m.target;
}

/** Whether plain targets reach `year`: it is not after the target year. */
function coversYear(cal: FinancialCalendar, targetYear: string | null, year: number): boolean {
  if (targetYear === null) return true;
  const parsed = cal.parse(targetYear);
  return !parsed.ok || year <= cal.yearOf(parsed.value);
}

/** Whether a measure is judged against a target at all. */
export function needsTarget(m: Measure): boolean {
  return m.polarity !== 'monitor' && m.unit !== 'text';
}

/** The measures that need a target for `year` and have none. */
export function withoutTarget(
  cal: FinancialCalendar,
  measures: readonly Measure[],
  year: number,
  targetYear: string | null,
): Measure[] {
  return measures.filter((m) => needsTarget(m) && !targetIn(cal, m, headlineOf(m), year, targetYear));
}

/** How a coordinator carries a measure's target into a new year. */
export type Carry = { how: 'same' } | { how: 'change'; pct: number } | { how: 'new'; value: number };

export interface CarryChoices {
  byRef: Map<string, Carry>;
  /** "rest same": what every measure not named gets; null: they stay without a target. */
  rest: Carry | null;
}

/** One choice as typed: "same", "-5%", "+2.5%", "120", "= 120". */
export function readCarry(text: string): Carry | null {
  const t = text.trim().toLowerCase();
  if (/^(same|keep|as last year|carry|carry forward)$/.test(t)) return { how: 'same' };
  const pct = /^([+\-−])?\s*(\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (pct) return { how: 'change', pct: (pct[1] === '-' || pct[1] === '−' ? -1 : 1) * Number(pct[2]) };
  const value = /^(?:=\s*|new\s+|target\s+)?(\d+(?:\.\d+)?)$/.exec(t);
  if (value) return { how: 'new', value: Number(value[1]) };
  return null;
}

/**
 * Choices as typed after "start 2016/17:": "1.3 same; 2.2 -5%; 4.1 120; rest same" (";" or "," between
 * them). Returns the choices, or what could not be read.
 */
export function readCarryChoices(
  text: string,
): { ok: true; value: CarryChoices } | { ok: false; error: string } {
  const byRef = new Map<string, Carry>();
  let rest: Carry | null = null;
  const parts = text
    .split(/[;,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const part of parts) {
    const m = /^(all|rest|the rest|others|every measure|\d+(?:\.\d+)*[a-z]?)\s*[:=]?\s+(.+)$/i.exec(part);
    const carry = m ? readCarry(m[2] ?? '') : null;
    if (!m || !carry)
      return {
        ok: false,
        error: `"${part}" is not a choice: write a measure and "same", a change such as "-5%", or a new figure, e.g. "2.2 -5%" or "4.1 120"; "rest same" covers the others.`,
      };
    const who = (m[1] ?? '').toLowerCase();
    if (/^\d/.test(who)) byRef.set(who, carry);
    else rest = carry;
  }
  if (byRef.size === 0 && rest === null)
    return {
      ok: false,
      error: 'Say how to carry the targets forward, e.g. "rest same" or "2.2 -5%; rest same".',
    };
  return { ok: true, value: { byRef, rest } };
}

/** What a carried target becomes, from last year's target and outturn (its full-year figure). */
export function carriedTarget(
  carry: Carry,
  last: { target: Target | undefined; outturn: number | null; unit: Unit },
): { ok: true; target: Target } | { ok: false; error: string } {
  switch (carry.how) {
    case 'new':
      return { ok: true, target: { annual: carry.value, from: 'baseline' } };
    case 'same':
      return last.target
        ? { ok: true, target: last.target }
        : { ok: false, error: 'had no target last year to carry: give a figure' };
    case 'change':
      return last.outturn === null
        ? { ok: false, error: 'has no outturn for last year to change: give a figure' }
        : {
            ok: true,
            target: { annual: rounded(last.outturn * (1 + carry.pct / 100), last.unit), from: 'baseline' },
          };
    default: {
      const never: never = carry;
      throw new Error(`unknown carry ${JSON.stringify(never)}`);
    }
  }
}

/** Counts are whole numbers; other figures keep two decimals. */
const rounded = (n: number, unit: Unit) => (unit === 'count' ? Math.round(n) : Math.round(n * 100) / 100);

/** The words for a carry in confirmations and the audit trail. */
export function carryWords(carry: Carry): string {
  switch (carry.how) {
    case 'same':
      return 'the same as last year';
    case 'change':
      return `${carry.pct > 0 ? '+' : ''}${carry.pct}% on last year's outturn`;
    case 'new':
      return 'a new figure';
    default: {
      const never: never = carry;
      throw new Error(`unknown carry ${JSON.stringify(never)}`);
    }
  }
}

/** The year label of a period's financial year. */
export const yearLabel = (cal: FinancialCalendar, p: Period): string =>
  cal.format({ kind: 'year', year: cal.yearOf(p) });

/** What a re-import does to targets: the measures to store, the years it kept, and what it may not change. */
export interface TargetMerge {
  measures: Measure[];
  /** "1.3: 2015/16 keeps 12,000 (the board has seen it); the new target applies from 2016/17". */
  kept: string[];
  /** "1.3: 2015/16 is closed …": a file naming a closed year with a different target. */
  refused: string[];
}

export interface TargetSide {
  measures: readonly Measure[];
  targetYear: string | null;
}

const same = (a: Target | undefined, b: Target | undefined) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Targets belong to years: a re-import keeps the years it does not name (targets set in chat by "start
 * 2016/17" among them), and never re-judges a closed year. A plain target that changes keeps each closed
 * year's old target (written into that year); a file that names a closed year with a different target is
 * refused, unless forced.
 */
export function mergeYearTargets(
  cal: FinancialCalendar,
  before: TargetSide,
  after: TargetSide,
  closedYears: readonly number[],
  force: boolean,
): TargetMerge {
  const old = new Map(before.measures.map((m) => [m.ref, m]));
  const kept: string[] = [];
  const refused: string[] = [];
  const measures = after.measures.map((m) => {
    const was = old.get(m.ref);
    if (!was) return m;
    const byYear: Record<string, Target> = { ...was.targetsByYear, ...m.targetsByYear };
    const merged = { ...m, ...(Object.keys(byYear).length > 0 ? { targetsByYear: byYear } : {}) };
    for (const y of closedYears) {
      const year = cal.format({ kind: 'year', year: y });
      const then = targetIn(cal, was, headlineOf(was), y, before.targetYear);
      const now = targetIn(cal, merged, headlineOf(merged), y, after.targetYear);
      if (same(then, now) || then === undefined) continue;
      if (m.targetsByYear?.[year] !== undefined) {
        if (!force)
          refused.push(
            `${m.ref}: ${year} is closed, and its target is what the board judged it by: the file gives it a different target. Leave ${year} out of targetsByYear, or import with --force --reason "…"`,
          );
        continue;
      }
      byYear[year] = then;
      merged.targetsByYear = byYear;
      kept.push(`${m.ref}: ${year} keeps its target (the board has seen that year judged by it)`);
    }
    return merged;
  });
  return { measures, kept, refused };
}
