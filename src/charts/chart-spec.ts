// What every chart builder returns: a chart.js configuration made only of JSON values (no functions,
// no URLs), so that it travels in a QuickChart URL and our /chart endpoint accepts it, with its size
// and the chart in words for alt text.
import type { ChartConfiguration } from 'chart.js';

export interface ChartSpec {
  config: ChartConfiguration;
  width: number;
  height: number;
  /** The chart in words: alt text for the image, read by screen readers. */
  alt: string;
}
