// GET /chart/status.svg?ref=2.2&period=2015/16%20Q4&sig=…: the minimal status chart as SVG.
import { statusChartData } from '../charts/status-chart-data.js';
import { statusChartSvg } from '../charts/status-chart-svg.js';
import type { ChartLinks } from '../charts/chart-link.js';
import type { Db } from '../store/open-database.js';
import { loadPartnership } from '../store/plan-store.js';
import type { Route } from './http-server.js';

export function chartRoute(db: Db, links: ChartLinks): Route {
  return async (req, res) => {
    const q = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const ref = q.get('ref') ?? '';
    const period = q.get('period') ?? '';
    const plain = { 'content-type': 'text/plain; charset=utf-8' };
    if (!links.verify(ref, period, q.get('sig') ?? '')) {
      return void res
        .writeHead(403, plain)
        .end('This chart link is not valid: ask the bot for the status again.\n');
    }
    const p = await loadPartnership(db);
    if (!p) return void res.writeHead(404, plain).end('No partnership loaded\n');
    const chart = await statusChartData(db, p, ref, period);
    if (!chart.ok) return void res.writeHead(404, plain).end(`${chart.error}\n`);
    res
      .writeHead(200, {
        'content-type': 'image/svg+xml; charset=utf-8',
        'cache-control': 'private, max-age=300',
      })
      .end(statusChartSvg(chart.value));
  };
}
