// A chart as a QuickChart link, in the query string quickchart-js's getUrl() writes (c, w, h, ref, bkg, f,
// v), built here with URL: the package pulls in a fetch polyfill and a JavaScript serializer (about 11 MB
// resident) to make one link. The configuration goes as JSON because our /chart endpoint accepts JSON
// only; `v=4` asks an outside QuickChart service for Chart.js 4, which our configurations are written for.
import type { ChartSpec } from './chart-spec.js';

/** `base` is where /chart lives: our own address, or an outside QuickChart service's. */
export function quickChartUrl(spec: ChartSpec, base: string): string {
  const at = new URL(base);
  const url = new URL(`${at.protocol}//${at.host}${at.pathname.replace(/\/+$/, '')}/chart`);
  url.searchParams.append('c', JSON.stringify(spec.config));
  url.searchParams.append('w', String(spec.width));
  url.searchParams.append('h', String(spec.height));
  url.searchParams.append('ref', 'qc-js');
  url.searchParams.append('bkg', '#ffffff');
  url.searchParams.append('f', 'png');
  url.searchParams.append('v', '4');
  return url.href;
}
