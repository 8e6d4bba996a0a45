// A measure's status as lines of plain text (the command line, and the chat's fallback text).
import { formatFigure, formatNumber, formatPct, formatSigned } from '../domain/format-figure.js';
import type { FinancialCalendar } from '../domain/period.js';
import { importedText } from '../domain/return-record.js';
import type { ComponentStatus, MeasureStatus } from '../domain/status.js';

const RAG_WORD = { green: 'GREEN', amber: 'AMBER', red: 'RED', none: 'GREY' } as const;

export function changeText(change: number | null, changePct: number | null): string {
  if (change === null) return '–';
  return changePct === null
    ? formatSigned(change)
    : `${formatSigned(change)} (${formatPct(Number(changePct.toFixed(1)))})`;
}

function componentLines(s: MeasureStatus, c: ComponentStatus): string[] {
  const f = (v: number | null) => formatFigure(v, s.unit);
  const lines = [`In period: ${f(c.actual)}   Year to date: ${f(c.ytd)}`];
  if (c.targetToDate !== null)
    lines.push(`Target to date: ${f(c.targetToDate)}   Variance: ${changeText(c.variance, c.variancePct)}`);
  if (c.lastYear.ytd !== null || c.lastYear.actual !== null) {
    lines.push(
      `Last year: ${f(c.lastYear.value)}   Change: ${changeText(c.lastYear.change, c.lastYear.changePct)}${c.direction ? ` (${c.direction})` : ''}`,
    );
  }
  if (c.baseline.value !== null)
    lines.push(
      `Baseline: ${formatNumber(c.baseline.value)} ${c.baseline.label ? `(${c.baseline.label})` : ''}   Change: ${changeText(c.baseline.change, c.baseline.changePct)}`.trimEnd(),
    );
  if (c.projectedYearEnd !== null)
    lines.push(`Projected year end: ${formatNumber(Math.round(c.projectedYearEnd))}`);
  return lines;
}

export function statusText(cal: FinancialCalendar, s: MeasureStatus): string {
  const lines = [`${s.ref} ${s.title} — ${cal.format(s.period)}`, `Status: ${RAG_WORD[s.rag]} (${s.label})`];
  if (s.override)
    lines.push(`Override: ${RAG_WORD[s.override.rag]} by ${s.override.by}: ${s.override.reason}`);
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
    lines.push(`Submitted by ${r.submittedBy} on ${r.submittedAt.slice(0, 10)} (revision ${r.revision})`);
  return lines.join('\n');
}
