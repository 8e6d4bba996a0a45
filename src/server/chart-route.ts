// The chart endpoints. GET/POST /chart draws a QuickChart request (c, w, h, f, bkg) as PNG;
// GET /chart/status.png and /chart/theme.png draw a signed status or theme chart from the database.
// A refusal is a 400 (or 403 for a link we did not sign) with the reason as text, and in
// X-quickchart-error as QuickChart answers it. Anonymous drawings (anything but the bot's own signed
// links) are limited per client address (CHART_RATE_PER_MINUTE), answered 429 with Retry-After.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RateLimit } from '../http/rate-limit.js';
import type { ChartService, Drawn } from '../charts/chart-service.js';
import { chartRequestFromBody } from '../charts/chart-request.js';
import { CHART_LIMITS } from '../charts/chart-limits.js';
import type { Route } from '../http/route.js';
import { readBody } from '../http/read-body.js';

function answer(res: ServerResponse, d: Drawn): void {
  if (d.ok) {
    res
      .writeHead(200, {
        'content-type': 'image/png',
        'content-length': d.png.length,
        'cache-control': 'private, max-age=300',
        'x-content-type-options': 'nosniff',
      })
      .end(d.png);
    return;
  }
  res
    .writeHead(d.status, {
      'content-type': 'text/plain; charset=utf-8',
      'x-quickchart-error': d.error.replace(/[^\x20-\x7e]/g, '?'),
      ...(d.status === 503 ? { 'retry-after': '2' } : {}),
    })
    .end(`${d.error}\n`);
}

function refuse(res: ServerResponse, error: string): void {
  answer(res, { ok: false, status: 400, error });
}

/** Takes one of the client's anonymous drawings; false (and the 429 sent) when it has none left. */
function within(limit: RateLimit, req: IncomingMessage, res: ServerResponse): boolean {
  const decision = limit.take(req.socket.remoteAddress ?? 'unknown');
  if (decision.ok) return true;
  req.resume();
  const error = `Too many chart requests from your address: try again in ${decision.retryInSeconds} s`;
  res
    .writeHead(429, {
      'content-type': 'text/plain; charset=utf-8',
      'retry-after': String(decision.retryInSeconds),
      'x-quickchart-error': error,
    })
    .end(`${error}\n`);
  return false;
}

export function chartRoutes(charts: ChartService, anonymousLimit: RateLimit): Record<string, Route> {
  const get: Route = async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!charts.isOwn(url) && !within(anonymousLimit, req, res)) return;
    answer(res, await charts.drawUrl(url));
  };
  const post: Route = async (req, res) => {
    if (!within(anonymousLimit, req, res)) return;
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return refuse(
        res,
        'Send the chart request as application/json: { "chart": {…}, "width": 500, "height": 300 }',
      );
    }
    const raw = await readBody(req, CHART_LIMITS.maxBytes);
    if (!raw)
      return refuse(
        res,
        `The chart request is larger than ${CHART_LIMITS.maxBytes / 1024} KB: send fewer points`,
      );
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return refuse(
        res,
        'The chart request is not valid JSON: send { "chart": {…} } with a Chart.js configuration',
      );
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      return refuse(res, 'The chart request must be a JSON object: { "chart": {…} }');
    }
    answer(res, await charts.drawRequest(chartRequestFromBody(body as Record<string, unknown>)));
  };
  return {
    'GET /chart': get,
    'POST /chart': post,
    'GET /chart/status.png': get,
    'GET /chart/theme.png': get,
  };
}
