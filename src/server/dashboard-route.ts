// GET /dashboard: every measure's quarters as text.
import type { IsoDate } from '../domain/iso-date.js';
import { financialCalendar } from '../domain/period.js';
import { dashboardText } from '../reports/dashboard-format.js';
import { buildDashboard } from '../reports/dashboard.js';
import type { Db } from '../store/open-database.js';
import { loadPartnership } from '../store/plan-store.js';
import type { Route } from './http-server.js';

export function dashboardRoute(db: Db, today: () => IsoDate): Route {
  return async (_req, res) => {
    const p = await loadPartnership(db);
    if (!p) return void res.writeHead(404).end('No partnership loaded\n');
    const cal = financialCalendar(p.settings.yearStartMonth);
    const d = await buildDashboard(db, cal, p, { today: today(), suppress: true });
    res
      .writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
      .end(d.ok ? dashboardText(d.value) : d.error);
  };
}
