// A chart as a QuickChart link, built with quickchart-js. The configuration goes as JSON (not
// quickchart-js's JavaScript-literal form) because our /chart endpoint accepts JSON only; `v=4` asks an
// outside QuickChart service for Chart.js 4, which our configurations are written for.
import QuickChartModule from 'quickchart-js';
import type { ChartSpec } from './chart-spec.js';

// The package's types describe its CommonJS build; imported as ESM, the default export is the class.
const QuickChart = QuickChartModule as unknown as typeof QuickChartModule.default;

/** `base` is where /chart lives: our own address, or an outside QuickChart service's. */
export function quickChartUrl(spec: ChartSpec, base: string): string {
  const at = new URL(base);
  const chart = new QuickChart()
    .setConfig(JSON.stringify(spec.config))
    .setWidth(spec.width)
    .setHeight(spec.height)
    .setBackgroundColor('#ffffff')
    .setFormat('png')
    .setVersion('4')
    .setScheme(at.protocol.replace(/:$/, ''))
    .setHost(`${at.host}${at.pathname.replace(/\/+$/, '')}`);
  return chart.getUrl();
}
