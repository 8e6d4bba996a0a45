// Everything that turns a chart URL on this server into a PNG: QuickChart links (/chart?c=…), signed
// status and theme links drawn from the database, and the same for uploading an image where a platform
// cannot fetch our URL.
import { isoDateOf } from '../domain/iso-date.js';
import { longDate } from '../domain/reminders/reminder-time.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/open-database.js';
import { loadPartnership } from '../store/partnership-store.js';
import type { ChartLinks, SignedChart } from './chart-link.js';
import type { ChartRenderer, Lane, Rendered } from './chart-renderer.js';
import { chartRequestFromQuery, type ChartRequest, type DrawJob } from './chart-request.js';
import type { ChartSpec } from './chart-spec.js';
import { loadMeasureSeries, loadThemeSeries } from './chart-source.js';
import { cumulativeChart } from './cumulative-chart.js';
import { inPeriodChart } from './in-period-chart.js';
import { messageChart } from './message-chart.js';
import { themeSmallMultiples } from './theme-multiples.js';

export type Drawn = { ok: true; png: Buffer } | { ok: false; status: 400 | 403 | 404 | 503; error: string };

export interface ChartService {
  links: ChartLinks;
  /** Draws what a GET of one of our chart URLs asks for. */
  drawUrl(url: URL): Promise<Drawn>;
  /** Draws a checked QuickChart request (a POST /chart: anonymous). */
  drawRequest(request: ChartRequest): Promise<Drawn>;
  /** Whether a GET of this URL asks for one of the bot's own charts (signed), not an anonymous drawing. */
  isOwn(url: URL): boolean;
  /** Whether an image URL is one of ours (on this server, under /chart). */
  owns(url: string): boolean;
  /** The PNG behind an image URL on this server, to upload it; null when the URL is not ours. */
  imageFor(url: string): Promise<Buffer | null>;
  close(): Promise<void>;
}

export interface ChartServiceDeps {
  db: Db;
  links: ChartLinks;
  renderer: ChartRenderer;
  /** The addresses our chart URLs start with (PUBLIC_BASE_URL and where the server listens). */
  ourBases: () => string[];
  log: Logger;
  /** Now, for the links' expiry. */
  clock: () => Date;
}

export const jobOf = (spec: ChartSpec): DrawJob => ({
  config: spec.config,
  width: spec.width,
  height: spec.height,
  background: '#ffffff',
  pixelRatio: 1,
});

function drawn(r: Rendered): Drawn {
  if (r.ok) return r;
  // A drawing that chart.js refuses or that runs too long is the configuration's fault; the rest is ours.
  return { ok: false, status: r.code === 'timeout' || r.code === 'invalid' ? 400 : 503, error: r.error };
}

const denied: Drawn = {
  ok: false,
  status: 403,
  error: 'This chart link is not valid: ask the bot for the status again.',
};

/** A chart behind a signed link: the measure's (or theme's) figures as stored now. */
async function drawSigned(deps: ChartServiceDeps, kind: SignedChart, q: URLSearchParams): Promise<Drawn> {
  const { db, links, renderer } = deps;
  const subject = q.get(kind === 'status' ? 'ref' : 'theme') ?? '';
  const period = q.get('period') ?? '';
  const slug = q.get('p') || undefined;
  const link = {
    kind,
    subject,
    period,
    partnership: slug,
    expires: q.get('e') ?? '',
    sig: q.get('sig') ?? '',
  };
  const verdict = links.verify(link, deps.clock());
  if (!verdict.ok)
    return verdict.reason === 'expired'
      ? {
          ok: false,
          status: 403,
          error: `This chart link expired on ${longDate(isoDateOf(verdict.at, 'Europe/London'))}: ask the bot for the status again.`,
        }
      : denied;
  // A link without a partnership (made before links named one) draws only in a single-partnership deployment.
  const p = await loadPartnership(db, slug);
  if (!p) return { ok: false, status: 404, error: 'No partnership is loaded' };
  if (kind === 'theme') {
    const theme = await loadThemeSeries(db, p, subject, period);
    if (!theme.ok) return { ok: false, status: 404, error: theme.error };
    const grid = themeSmallMultiples(theme.value.name, theme.value.period, theme.value.series);
    return drawn(await renderer.grid({ ...grid, cells: grid.cells.map(jobOf), background: '#ffffff' }));
  }
  const series = await loadMeasureSeries(db, p, subject, period);
  if (!series.ok) return { ok: false, status: 404, error: series.error };
  const s = series.value;
  const spec =
    s.unit === 'text'
      ? messageChart(`${s.ref} ${s.title}`, 'Narrative only: no figures to chart')
      : q.get('view') === 'quarters'
        ? inPeriodChart(s)
        : cumulativeChart(s);
  return drawn(await renderer.chart(jobOf(spec)));
}

export function createChartService(deps: ChartServiceDeps): ChartService {
  const { links, renderer } = deps;
  const signed = (kind: SignedChart, q: URLSearchParams) => drawSigned(deps, kind, q);

  const drawRequest = async (request: ChartRequest, lane: Lane = 'anonymous'): Promise<Drawn> =>
    request.ok
      ? drawn(await renderer.chart(request.job, lane))
      : { ok: false, status: 400, error: request.error };

  const isOwn = (url: URL) => url.pathname !== '/chart' || links.isOwnQuickChart(url.searchParams);

  const drawUrl = async (url: URL): Promise<Drawn> => {
    switch (url.pathname) {
      case '/chart':
        return drawRequest(chartRequestFromQuery(url.searchParams), isOwn(url) ? 'own' : 'anonymous');
      case '/chart/status.png':
        return signed('status', url.searchParams);
      case '/chart/theme.png':
        return signed('theme', url.searchParams);
      default:
        return { ok: false, status: 404, error: `No chart at ${url.pathname}` };
    }
  };

  const baseOf = (url: string) => deps.ourBases().find((b) => url.startsWith(`${b}/chart`));
  return {
    links,
    drawUrl,
    drawRequest,
    isOwn,
    owns: (url) => baseOf(url) !== undefined,
    imageFor: async (url) => {
      const base = baseOf(url);
      if (!base) return null;
      const at = new URL(url);
      const result = await drawUrl(
        new URL(
          `${at.pathname.slice(new URL(base).pathname.replace(/\/$/, '').length)}${at.search}`,
          'http://x',
        ),
      );
      if (result.ok) return result.png;
      deps.log.warn(
        { status: result.status, path: at.pathname },
        'chart image for upload could not be drawn',
      );
      return null;
    },
    close: () => renderer.close(),
  };
}
