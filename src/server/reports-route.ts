// GET /reports/<partnership>/<period>.<ext>?by=…&expires=…&sig=…: the board dashboard as a download, for
// the coordinator the bot signed the link for, until it expires.
import type { ServerResponse } from 'node:http';
import type { ReportLinks } from '../reports/report-links.js';
import type { IsoDate } from '../domain/iso-date.js';
import { financialCalendar } from '../domain/period.js';
import type { Logger } from '../log.js';
import { buildDashboard } from '../reports/dashboard.js';
import { renderDashboard } from '../reports/dashboard-export.js';
import { FORMAT_INFO, formatOfExtension } from '../reports/dashboard-format-info.js';
import { periodSlug } from '../reports/dashboard-period.js';
import type { Db } from '../store/open-database.js';
import { loadPartnership } from '../store/partnership-store.js';
import type { Route } from '../http/route.js';

export interface ReportsRouteDeps {
  db: Db;
  links: ReportLinks;
  clock: () => Date;
  today: () => IsoDate;
  log: Logger;
}

const plain = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };
const refuse = (res: ServerResponse, status: number, text: string) =>
  void res.writeHead(status, plain).end(`${text}\n`);

export function reportsRoute(deps: ReportsRouteDeps): Route {
  return async (req, res, params) => {
    const file = /^(.+)\.([a-z]+)$/i.exec(params.file ?? '');
    const format = file ? formatOfExtension(file[2] ?? '') : null;
    if (!file || !format)
      return refuse(res, 404, 'No such report: ask for .html, .csv, .xlsx, .docx, .json or .txt');
    const p = await loadPartnership(deps.db, params.partnership);
    if (!p || p.settings.id !== params.partnership) return refuse(res, 404, 'No such partnership');
    const cal = financialCalendar(p.settings.yearStartMonth);
    const period = cal.parse(file[1] ?? '');
    if (!period.ok || period.value.kind !== 'quarter')
      return refuse(res, 404, 'No such period: use e.g. 2015-16-Q4');
    const canonical = cal.format(period.value);
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const link = { partnership: p.settings.id, period: canonical, ext: FORMAT_INFO[format].ext };
    const log = deps.log.child({ partnership: p.settings.id, period: canonical, format });
    const checked = deps.links.check(link, query, deps.clock());
    if (!checked.ok) {
      log.warn({ code: checked.code }, 'report link refused');
      return refuse(res, 403, checked.reason);
    }
    const person = p.people.find((x) => x.id === checked.person);
    if (person?.role !== 'coordinator') {
      log.warn({ person: checked.person }, 'report link of someone who is not a coordinator');
      return refuse(res, 403, 'Only coordinators can download the board dashboard.');
    }
    const d = await buildDashboard(deps.db, cal, p, {
      period: canonical,
      today: deps.today(),
      suppress: true,
    });
    if (!d.ok) return refuse(res, 404, d.error);
    const body = await renderDashboard(d.value, format);
    const info = FORMAT_INFO[format];
    const name = `dashboard-${p.settings.id}-${periodSlug(canonical)}.${info.ext}`;
    log.info({ person: person.id }, 'report downloaded');
    res
      .writeHead(200, {
        'content-type': info.contentType,
        'content-disposition': `${format === 'html' ? 'inline' : 'attachment'}; filename="${name}"`,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
        // The page is self-contained: nothing to fetch, nothing to run.
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
        'referrer-policy': 'no-referrer',
      })
      .end(body);
  };
}
