// Chart (a): the year to date period by period against the target profile and last year. Multi-part
// measures add a line per part; monitoring measures have no target line; periods with no figures are
// gaps in the line.
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { isSnapshot } from '../domain/measure.js';
import { annualChart } from './annual-chart.js';
import { periodAxisTitle, rankAxis, valueAxisTitle } from './axis-titles.js';
import type { ChartSpec } from './chart-spec.js';
import { GRID, INK, MUTED, PART_STYLES, SERIES } from './chart-style.js';
import { fitLabel, heightWithLegend, type LegendLook } from './legend-fit.js';
import type { MeasureSeries, PartSeries } from './measure-series.js';
import { gapLabels, heading, ragLine, seriesNotes } from './series-notes.js';

export interface CumulativeOptions {
  /** A small multiple: smaller, shorter title, smaller type. */
  compact?: boolean;
}

type LineDataset = ChartDataset<'line', (number | null)[]>;

function line(
  label: string,
  data: (number | null)[],
  style: { colour: string; dash: readonly number[]; point: string; width: number },
  compact: boolean,
): LineDataset {
  return {
    label,
    data,
    borderColor: style.colour,
    backgroundColor: style.colour,
    borderWidth: compact ? Math.max(1.5, style.width - 1) : style.width,
    borderDash: [...style.dash],
    pointStyle: style.point as LineDataset['pointStyle'],
    pointRadius: compact ? 3 : 5,
    pointBorderColor: style.colour,
    pointBackgroundColor: style.colour,
    spanGaps: false,
    fill: false,
    tension: 0,
  };
}

function partLines(s: MeasureSeries, compact: boolean): LineDataset[] {
  const single = s.parts.length === 1;
  const thisYear = isSnapshot(s.aggregation) ? s.year : `${s.year} year to date`;
  return s.parts.map((p: PartSeries, i) => {
    if (single || p.headline) {
      return line(single ? thisYear : `${p.name} (headline)`, p.ytd, SERIES.actual, compact);
    }
    const st = PART_STYLES[(i - 1) % PART_STYLES.length] ?? PART_STYLES[0];
    return line(p.name, p.ytd, { ...st, point: 'rectRot', width: 2 }, compact);
  });
}

function datasetsOf(s: MeasureSeries, compact: boolean): LineDataset[] {
  const head = s.parts[0] as PartSeries;
  const multi = s.parts.length > 1;
  const datasets = partLines(s, compact);
  if (s.hasTarget) {
    const label = `${s.aggregation === 'sum' ? 'Target to date' : 'Target'}${multi ? ' (headline)' : ''}`;
    datasets.push(line(label, head.target, SERIES.target, compact));
  }
  if (s.lastYearReported) {
    datasets.push(
      line(`${s.lastYearText}${multi ? ' (headline)' : ''}`, head.lastYear, SERIES.lastYear, compact),
    );
  }
  return datasets;
}

function subtitleOf(s: MeasureSeries, compact: boolean): string[] {
  const notes = seriesNotes(s, s.missing);
  if (!s.lastYearReported) notes.push(`No figures for ${s.lastYearText}`);
  if (compact) return [ragLine(s), ...(notes.length ? [notes.join(' · ')] : [])];
  const what =
    s.aggregation === 'rolling12'
      ? 'Rolling 12 months to each period'
      : s.aggregation === 'latest'
        ? 'Figure for each period'
        : 'Year to date';
  return [`${what}, up to ${s.period} · ${ragLine(s)}`, ...(notes.length ? [notes.join(' · ')] : [])];
}

function legendLook(compact: boolean): LegendLook {
  const fontSize = compact ? 10 : 12;
  return {
    width: compact ? 420 : 720,
    padding: compact ? 6 : 12,
    fontSize,
    itemPadding: compact ? 8 : 14,
    boxWidth: fontSize,
  };
}

export function cumulativeChart(s: MeasureSeries, o: CumulativeOptions = {}): ChartSpec {
  const compact = o.compact ?? false;
  // An annual measure has one point a year: bars against the target and last year read better.
  if (s.frequency === 'annual') return annualChart(s, compact);
  const legend = legendLook(compact);
  const small = legend.fontSize;
  const datasets = datasetsOf(s, compact).map((d) => ({ ...d, label: fitLabel(d.label ?? '', legend) }));
  const config: ChartConfiguration = {
    type: 'line',
    data: { labels: gapLabels(s.labels, s.missing), datasets },
    options: {
      layout: { padding: legend.padding },
      plugins: {
        ...heading(s, subtitleOf(s, compact), compact),
        legend: {
          position: 'bottom',
          labels: {
            color: INK,
            font: { size: small },
            usePointStyle: true,
            boxHeight: compact ? 6 : 8,
            padding: legend.itemPadding,
          },
        },
      },
      scales: {
        x: {
          offset: true,
          grid: { color: GRID },
          ticks: { color: INK, font: { size: small } },
          title: { display: !compact, text: periodAxisTitle(s.frequency, s.year), color: MUTED },
        },
        y: {
          ...rankAxis(s.unit),
          grid: { color: GRID },
          ticks: { color: INK, font: { size: small }, precision: s.unit === 'percent' ? 1 : 0 },
          title: {
            display: true,
            text: valueAxisTitle(s.unit, s.aggregation, 'year to date'),
            color: MUTED,
            font: { size: small },
          },
        },
      },
    },
  };
  return {
    config,
    width: legend.width,
    // A multi-part chart grows rather than squeezing its plot or drawing its legend off the canvas.
    height: heightWithLegend(
      compact ? 280 : 400,
      datasets.map((d) => d.label ?? ''),
      legend,
    ),
    alt: cumulativeAlt(s),
  };
}

function cumulativeAlt(s: MeasureSeries): string {
  const head = s.parts[0] as PartSeries;
  const points = s.labels
    .map((l, i) => {
      const v = head.ytd[i];
      return v !== null && v !== undefined ? `${l} ${v}` : s.missing[i] ? `${l} no data` : null;
    })
    .filter((p) => p !== null)
    .join(', ');
  return `${s.ref} ${s.title}, year to date by period up to ${s.period} (${ragLine(s)}): ${points}`;
}
