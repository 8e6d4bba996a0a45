// An annual measure's year at a glance: last year, this year and the target as three bars, told apart
// by fill and outline as well as colour.
import type { ChartConfiguration } from 'chart.js';
import { rankAxis, valueAxisTitle } from './axis-titles.js';
import type { ChartSpec } from './chart-spec.js';
import { GRID, INK, MUTED, SERIES } from './chart-style.js';
import type { MeasureSeries, PartSeries } from './measure-series.js';
import { heading, ragLine, seriesNotes } from './series-notes.js';

/** Last year, this year and (when there is one) the target, each with its fill and outline. */
function barsOf(s: MeasureSeries, head: PartSeries) {
  return [
    {
      label: s.lastYearText,
      value: head.lastYear[0] ?? null,
      fill: 'rgba(217, 119, 6, 0.25)',
      line: SERIES.lastYear.colour,
    },
    { label: s.year, value: head.ytd[0] ?? null, fill: SERIES.actual.colour, line: SERIES.actual.colour },
    ...(s.hasTarget
      ? [
          {
            label: `Target ${s.year}`,
            value: head.target[0] ?? null,
            fill: '#ffffff',
            line: SERIES.target.colour,
          },
        ]
      : []),
  ];
}

export function annualChart(s: MeasureSeries, compact: boolean): ChartSpec {
  const head = s.parts[0] as PartSeries;
  const bars = barsOf(s, head);
  const notes = seriesNotes(s, s.missing);
  const small = compact ? 10 : 12;
  const config: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: bars.map((b) => (b.value === null ? [b.label, '(no data)'] : b.label)),
      datasets: [
        {
          label: s.title,
          data: bars.map((b) => b.value),
          backgroundColor: bars.map((b) => b.fill),
          borderColor: bars.map((b) => b.line),
          borderWidth: 2,
          maxBarThickness: 90,
        },
      ],
    },
    options: {
      layout: { padding: compact ? 6 : 12 },
      plugins: {
        ...heading(s, [`${s.period} · ${ragLine(s)}`, ...(notes.length ? [notes.join(' · ')] : [])], compact),
        legend: { display: false },
      },
      scales: {
        x: { grid: { display: false }, ticks: { color: INK, font: { size: small } } },
        y: {
          ...rankAxis(s.unit),
          grid: { color: GRID },
          ticks: { color: INK, font: { size: small }, precision: s.unit === 'percent' ? 1 : 0 },
          title: { display: true, text: valueAxisTitle(s.unit, s.aggregation, 'in the year'), color: MUTED },
        },
      },
    },
  };
  const alt = bars.map((b) => `${b.label} ${b.value ?? 'no data'}`).join(', ');
  return {
    config,
    width: compact ? 420 : 720,
    height: compact ? 280 : 400,
    alt: `${s.ref} ${s.title}, ${s.period} (${ragLine(s)}): ${alt}`,
  };
}
