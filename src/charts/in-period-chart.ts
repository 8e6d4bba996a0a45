// Chart (b): the headline's figure in each quarter (or the year, for annual measures) as bars beside
// the same quarter last year. This year's bars are solid, last year's pale with an outline, so the two
// differ by more than colour; quarters with no figure are gaps labelled "no data".
import type { ChartConfiguration } from 'chart.js';
import { rankAxis, valueAxisTitle } from './axis-titles.js';
import type { ChartSpec } from './chart-spec.js';
import { GRID, INK, MUTED, SERIES } from './chart-style.js';
import type { MeasureSeries } from './measure-series.js';
import { heading, ragLine, seriesNotes } from './series-notes.js';

/** This year's bars, solid, and last year's, pale with a dashed outline. */
function barsOf(s: MeasureSeries, q: MeasureSeries['quarters'], base: { base?: number }) {
  return [
    {
      label: s.year,
      data: q.actual,
      backgroundColor: SERIES.actual.colour,
      borderColor: SERIES.actual.colour,
      borderWidth: 2,
      maxBarThickness: 70,
      ...base,
    },
    {
      label: s.lastYearText,
      data: q.lastYear,
      backgroundColor: 'rgba(217, 119, 6, 0.25)',
      borderColor: SERIES.lastYear.colour,
      borderWidth: 2,
      borderDash: [4, 3],
      maxBarThickness: 70,
      ...base,
    },
  ];
}

export function inPeriodChart(s: MeasureSeries): ChartSpec {
  const q = s.quarters;
  const head = s.parts[0];
  const annual = s.frequency === 'annual';
  const span = annual ? 'in the year' : 'in the quarter';
  const notes = seriesNotes({ ...s, hasTarget: true, monitoring: false }, q.missing);
  const what = s.parts.length > 1 && head ? ` (headline: ${head.name})` : '';
  // Rank bars rise from below the worst rank shown, so a taller bar is a better rank.
  const ranks = [...q.actual, ...q.lastYear].filter((v): v is number => v !== null);
  const rankBase = s.unit === 'rank' && ranks.length ? Math.max(...ranks) + 1 : null;
  const base = rankBase ? { base: rankBase } : {};
  const config: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: q.labels.map((l, i) =>
        q.missing[i] ? [l, '(no data)'] : q.smallCount[i] ? [l, `(under ${s.suppressBelow ?? ''})`] : l,
      ),
      datasets: barsOf(s, q, base),
    },
    options: {
      layout: { padding: 12 },
      plugins: {
        ...heading(s, [
          `${annual ? 'The year' : 'Each quarter'} of ${s.year} against ${s.lastYearText}${what} · ${ragLine(s)}`,
          ...(notes.length ? [notes.join(' · ')] : []),
        ]),
        legend: { position: 'bottom', labels: { color: INK, boxWidth: 30, padding: 14 } },
      },
      scales: {
        x: {
          grid: { display: false },
          ticks: { color: INK },
          title: { display: true, text: annual ? 'Financial year' : `Quarter of ${s.year}`, color: MUTED },
        },
        y: {
          ...rankAxis(s.unit),
          ...(rankBase ? { max: rankBase } : {}),
          grid: { color: GRID },
          ticks: { color: INK, precision: s.unit === 'percent' ? 1 : 0 },
          title: { display: true, text: valueAxisTitle(s.unit, s.aggregation, span), color: MUTED },
        },
      },
    },
  };
  const bars = q.labels
    .map((l, i) => `${l} ${q.actual[i] ?? 'no data'} against ${q.lastYear[i] ?? 'no data'}`)
    .join(', ');
  return {
    config,
    width: 720,
    height: 400,
    alt: `${s.ref} ${s.title}, ${span} for ${s.year} against ${s.lastYearText}: ${bars}`,
  };
}
