// A measure's status as lines of plain text (the command line, and the chat's fallback text).
import { formatFigure, formatNumber, formatPct, formatSigned } from '../domain/format-figure.js';
import { isSnapshot, type Unit } from '../domain/measure.js';
import type { FinancialCalendar } from '../domain/period.js';
import { importedText } from '../domain/return-record.js';
import type { ComponentStatus, MeasureStatus } from '../domain/status.js';

const RAG_WORD = { green: 'GREEN', amber: 'AMBER', red: 'RED', none: 'GREY' } as const;

/** "+560 (+52.4%)"; a percentage's in points ("+4.2 points"); a rank's change in places ("up 2 places": nearer 1st), since a rank's percentage means nothing. */
export function changeText(change: number | null, changePct: number | null, unit?: Unit): string {
  if (change === null) return '–';
  if (unit === 'rank') {
    const places = Math.abs(Math.round(change));
    const what = `${places} place${places === 1 ? '' : 's'}`;
    return change < 0 ? `up ${what}` : change > 0 ? `down ${what}` : 'no change';
  }
  // A percentage's change is in percentage points: "+4.2 points", not "+4.2%", which reads as relative.
  if (unit === 'percent') return `${formatSigned(change)} point${Math.abs(change) === 1 ? '' : 's'}`;
  return changePct === null
    ? formatSigned(change)
    : `${formatSigned(change)} (${formatPct(Number(changePct.toFixed(1)))})`;
}

/** "no return for 2015-08", "no return for 2014-10 to 2015-03, 2015-06": a rolling window's gaps. */
export function missingText(months: string[]): string {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  const runs: string[][] = [];
  for (const m of months) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last !== undefined && index(m) === index(last) + 1) run.push(m);
    else runs.push([m]);
  }
  return `no return for ${runs.map((r) => (r.length === 1 ? r[0] : `${r[0]} to ${r[r.length - 1]}`)).join(', ')}`;
}

/**
 * Whether a rolling figure is held back by gaps worth naming: some of its 12 months are in but not all.
 * With none in, there is simply no figure yet ("–"), not twelve months to list.
 */
export const partlyMissing = (missing: string[]): boolean => missing.length > 0 && missing.length < 12;

/** "Missing: no return for 2015/16 Q2" and "(the same periods)": what a summed figure with gaps says. */
export const gapsText = (gaps: string[]): string => `no return for ${gaps.join(', ')}`;
export const likeForLikeText = (c: ComponentStatus): string =>
  c.lastYear.likeForLike ? ' (the same periods only)' : '';

/** The label of a component's own figure: a rolling measure's is its 12 months, others' their period. */
export const periodFigureLabel = (s: MeasureStatus): string =>
  s.aggregation === 'rolling12' ? 'Rolling 12 months' : 'In period';

/**
 * Whether the in-period comparison with last year says something the judged one does not: for figures
 * added up over the year, once the year to date is more than the period.
 */
export const showsInPeriodChange = (s: MeasureStatus, c: ComponentStatus): boolean =>
  !isSnapshot(s.aggregation) &&
  c.lastYear.actual !== null &&
  (c.actual !== c.ytd || c.lastYear.actual !== c.lastYear.value);

function componentLines(s: MeasureStatus, c: ComponentStatus): string[] {
  const f = (v: number | null, groupSize: number | null = null, missing: string[] = []) =>
    partlyMissing(missing) ? `incomplete, ${missingText(missing)}` : formatFigure(v, s.unit, groupSize);
  const change = (value: number | null, pct: number | null) => changeText(value, pct, s.unit);
  const lines = [
    s.aggregation === 'rolling12'
      ? `${periodFigureLabel(s)}: ${f(c.actual, null, c.missing)}`
      : `In period: ${f(c.actual, c.groupSize.actual)}   Year to date: ${f(c.ytd, c.groupSize.ytd)}`,
  ];
  if (c.gaps.length > 0) lines.push(`Missing: ${gapsText(c.gaps)}`);
  if (c.targetToDate !== null)
    lines.push(`Target to date: ${f(c.targetToDate)}   Variance: ${change(c.variance, c.variancePct)}`);
  if (c.lastYear.ytd !== null || c.lastYear.actual !== null || partlyMissing(c.lastYear.missing)) {
    lines.push(
      `Last year${likeForLikeText(c)}: ${f(c.lastYear.value, c.lastYear.groupSize, c.lastYear.missing)}   Change: ${change(c.lastYear.change, c.lastYear.changePct)}${c.direction ? ` (${c.direction})` : ''}`,
    );
  }
  if (showsInPeriodChange(s, c)) {
    const inPeriod = c.lastYear.inPeriod;
    lines.push(
      `Same period last year${likeForLikeText(c)}: ${f(c.lastYear.actual)}   Change: ${change(inPeriod.change, inPeriod.changePct)}`,
    );
  }
  if (c.baseline.value !== null)
    lines.push(
      `Baseline: ${f(c.baseline.value)} ${c.baseline.label ? `(${c.baseline.label})` : ''}   Change: ${change(c.baseline.change, c.baseline.changePct)}`.trimEnd(),
    );
  if (c.projectedYearEnd !== null)
    lines.push(`Projected year end: ${formatNumber(Math.round(c.projectedYearEnd))}`);
  return lines;
}

/**
 * What the board saw, when the figures or the RAG have changed since its quarter closed: "1,628 (On target,
 * kept 16 June 2016): revised since the board saw it". Null when nothing changed or the quarter is open.
 */
export function boardSawText(s: MeasureStatus, show: (v: number | null) => string): string | null {
  if (!s.board?.revised) return null;
  const seen = s.board.seen;
  return `${show(seen.judged ?? seen.actual)} (${seen.label}, ${seen.takenAt.slice(0, 10)}): revised since the board saw it`;
}

/** `names`: person keys to names ("dan-mercer" → "Insp. Dan Mercer"); a key without one shows as it is. */
export function statusText(
  cal: FinancialCalendar,
  s: MeasureStatus,
  names: ReadonlyMap<string, string> = new Map(),
): string {
  const name = (key: string) => names.get(key) ?? key;
  const lines = [`${s.ref} ${s.title} — ${cal.format(s.period)}`, `Status: ${RAG_WORD[s.rag]} (${s.label})`];
  if (s.override)
    lines.push(`Override: ${RAG_WORD[s.override.rag]} by ${name(s.override.by)}: ${s.override.reason}`);
  const board = boardSawText(s, (v) => formatFigure(v, s.unit));
  if (board) lines.push(`Board saw: ${board}`);
  for (const c of s.components) {
    if (s.components.length > 1)
      lines.push('', `${c.name}${c.key === s.headline.key ? ' (headline)' : ''}: ${RAG_WORD[c.rag]}`);
    lines.push(...componentLines(s, c));
  }
  const r = s.latest;
  if (r?.notAvailable)
    lines.push(
      '',
      `Not available: ${r.notAvailable}${r.expectedDate ? ` (expected ${r.expectedDate})` : ''}`,
    );
  if (r?.narrative) lines.push('', r.narrative);
  if (r?.correctiveAction) lines.push(`What is being done: ${r.correctiveAction}`);
  const imported = r && importedText(r);
  if (imported) lines.push(imported);
  else if (r?.submittedBy)
    lines.push(
      `Submitted by ${name(r.submittedBy)} on ${r.submittedAt.slice(0, 10)} (revision ${r.revision})`,
    );
  return lines.join('\n');
}
