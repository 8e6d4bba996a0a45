// The lines under a chart's title: the RAG in words, and what the reader must know to read it (no
// target, gaps, hidden small counts).
import type { MeasureSeries } from './measure-series.js';
import { INK, MUTED, RAG_WORDS, titleFont, truncate } from './chart-style.js';

export function ragLine(s: MeasureSeries): string {
  return s.rag === 'none' ? s.ragText : `${RAG_WORDS[s.rag]}: ${s.ragText}`;
}

export function seriesNotes(s: MeasureSeries, missing: boolean[]): string[] {
  const notes: string[] = [];
  if (s.monitoring) notes.push('No target line');
  else if (!s.hasTarget) notes.push('No target set');
  if (missing.some(Boolean)) notes.push('Gaps: no figures came in');
  if (s.suppressBelow !== null && s.hidden > 0) notes.push(`Counts under ${s.suppressBelow} not shown`);
  return notes;
}

/** Labels with "no data" under the periods that have none. */
export function gapLabels(labels: string[], missing: boolean[]): (string | string[])[] {
  return labels.map((l, i) => (missing[i] ? [l, '(no data)'] : l));
}

/** The title (reference and title) and the lines under it, as chart.js plugin options. */
export function heading(s: MeasureSeries, lines: string[], compact = false) {
  return {
    title: {
      display: true,
      text: truncate(`${s.ref} ${s.title}`, compact ? 44 : 72),
      color: INK,
      font: titleFont(compact ? 12 : 16),
    },
    subtitle: {
      display: true,
      text: lines,
      color: MUTED,
      font: { size: compact ? 10 : 12 },
      padding: { bottom: 8 },
    },
  };
}
