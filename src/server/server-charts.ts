// The server's charts: links signed with a key kept across restarts (so a card's chart still draws
// tomorrow), the renderer and the chart service, and what each channel needs of them.
import { chartSigningKey } from '../charts/chart-key.js';
import { chartDelivery } from '../charts/chart-delivery.js';
import { createChartLinks } from '../charts/chart-link.js';
import { createChartRenderer } from '../charts/chart-renderer.js';
import { createChartService } from '../charts/chart-service.js';
import { isLocalMode } from '../channels/teams/create-adapter.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { summaryChartFrom } from '../reports/summary-chart.js';
import type { Db } from '../store/open-database.js';

export async function serverCharts(
  o: { config: Config; db: Db; clock: () => Date; log: Logger },
  ourBase: () => string,
  url: () => string,
) {
  const { config, db, clock, log } = o;
  const links = createChartLinks({
    baseUrl: ourBase,
    quickChartBase: config.QUICKCHART_URL ?? null,
    key: await chartSigningKey(db, config.CHART_SIGNING_KEY, clock()),
    days: config.CHART_LINK_DAYS,
  });
  const summaryChart = summaryChartFrom(links);
  const renderer = createChartRenderer({ log: log.child({ component: 'charts' }) });
  const charts = createChartService({ db, links, renderer, ourBases: () => [ourBase(), url()], log, clock });
  const chartImages = (platform: 'slack' | 'teams') => ({
    delivery: chartDelivery(platform, config, isLocalMode(config)),
    owns: charts.owns,
    imageFor: charts.imageFor,
  });
  return { links, charts, chartImages, summaryChart };
}
