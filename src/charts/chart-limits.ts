// What the /chart endpoint draws at most: enough for any partnership chart, too little to tie the
// server up.
export const CHART_LIMITS = {
  /** Pixels, each way (after the device pixel ratio). */
  maxSide: 2000,
  /** The configuration as sent (the c parameter or the POST body). */
  maxBytes: 100 * 1024,
  maxDatasets: 50,
  /** Data points in all datasets together. */
  maxPoints: 500,
  maxLabels: 500,
  maxDepth: 16,
  maxString: 2000,
  maxFontSize: 120,
  /** A drawing taking longer is stopped. */
  renderTimeoutMs: 5000,
} as const;

export const CHART_TYPES = ['bar', 'line', 'doughnut', 'pie'] as const;
export type ChartType = (typeof CHART_TYPES)[number];
