// Chart (d): a theme's measures as small multiples, one small year-to-date chart each, drawn side by
// side in one image (see drawGrid) or laid out by a report.
import type { ChartSpec } from './chart-spec.js';
import { RAG_COLOURS } from './chart-style.js';
import { cumulativeChart } from './cumulative-chart.js';
import type { MeasureSeries } from './measure-series.js';

export interface SmallMultiples {
  title: string;
  subtitle: string;
  cells: ChartSpec[];
  /** Each cell's RAG colour. */
  bands: string[];
  /** Columns of the grid. */
  columns: number;
}

/** At most this many measures per image: a larger theme is split by the reader, not squeezed. */
export const MAX_CELLS = 12;

export function themeSmallMultiples(theme: string, period: string, series: MeasureSeries[]): SmallMultiples {
  const charted = series.filter((s) => s.unit !== 'text');
  const shown = charted.slice(0, MAX_CELLS);
  const cells = shown.map((s) => cumulativeChart(s, { compact: true }));
  const left = charted.length - cells.length;
  return {
    title: `${theme}: year to date, ${period}`,
    subtitle: [
      `${charted.length} measures against target and last year`,
      ...(left > 0 ? [`${left} more not shown`] : []),
    ].join(' · '),
    cells,
    bands: shown.map((s) => RAG_COLOURS[s.rag]),
    columns: cells.length <= 4 ? 2 : 3,
  };
}
