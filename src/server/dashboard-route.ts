// GET /dashboard[?period=2015/16 Q4]: in local mode, the board dashboard as a printable page. Anywhere
// else figures are not served without a signed link: coordinators ask the bot for one.
import type { IsoDate } from '../domain/iso-date.js';
import { financialCalendar } from '../domain/period.js';
import { dashboardHtml } from '../reports/dashboard-html.js';
import { buildDashboard } from '../reports/dashboard.js';
import type { Db } from '../store/open-database.js';
import { loadPartnership } from '../store/partnership-store.js';
import type { Route } from '../http/route.js';

const plain = { 'content-type': 'text/plain; charset=utf-8' };

export function dashboardRoute(db: Db, today: () => IsoDate, localMode: boolean): Route {
  return async (req, res) => {
    if (!localMode)
      return void res
        .writeHead(403, plain)
        .end(
          'The dashboard is not served openly: coordinators say "dashboard" to the bot for a download link.\n',
        );
    const p = await loadPartnership(db);
    if (!p) return void res.writeHead(404, plain).end('No partnership loaded\n');
    const cal = financialCalendar(p.settings.yearStartMonth);
    const period = new URL(req.url ?? '/', 'http://localhost').searchParams.get('period') ?? undefined;
    const d = await buildDashboard(db, cal, p, { period, today: today(), suppress: true });
    if (!d.ok) return void res.writeHead(400, plain).end(`${d.error}\n`);
    res
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      })
      .end(dashboardHtml(d.value));
  };
}
