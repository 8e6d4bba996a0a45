// The one HTTP server: a route table of "METHOD /path" keys, where a path segment ":name" matches any
// one segment and is passed to the route as a parameter. Every request gets a request id (the caller's
// `x-request-id` when it is a plain token, else a new one), echoed in the answer and carried by every
// log line written while the request is handled.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { listenError } from '../http/port-in-use.js';
import type { Route, Routes } from '../http/route.js';
import { withRequestId, type Logger } from '../log.js';

interface Compiled {
  method: string;
  segments: string[];
  route: Route;
}

function compile(routes: Routes): Compiled[] {
  return Object.entries(routes).map(([key, route]) => {
    const [method = '', path = '/'] = key.split(' ');
    return { method, segments: path.split('/'), route };
  });
}

function match(c: Compiled, method: string, segments: string[]): Record<string, string> | null {
  if (c.method !== method || c.segments.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [i, want] of c.segments.entries()) {
    const got = segments[i] ?? '';
    if (want.startsWith(':')) {
      if (got === '') return null;
      try {
        params[want.slice(1)] = decodeURIComponent(got);
      } catch {
        return null;
      }
    } else if (want !== got) return null;
  }
  return params;
}

/** Finds the route for a request: an exact path first, then the first pattern that matches. */
export function findRoute(table: Compiled[], method: string, path: string) {
  const segments = path.split('/');
  const exact = table.find((c) => c.method === method && c.segments.join('/') === path);
  if (exact) return { route: exact.route, params: {} };
  for (const c of table) {
    const params = match(c, method, segments);
    if (params) return { route: c.route, params };
  }
  return null;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** The error a request's stream fails with when its client disconnects before sending all of it. */
const isAbort = (e: unknown) => {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'ECONNRESET' || code === 'ECONNABORTED';
};

export function startHttpServer(routes: Routes, host: string, port: number, log: Logger): Promise<Server> {
  const table = compile(routes);
  const server = createServer((req, res) => {
    const reqId = requestIdOf(req);
    res.setHeader('x-request-id', reqId);
    // The path only: query strings can hold link signatures.
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('That address is not valid\n');
      return;
    }
    // The request id is not bound here: the logger adds it to every line written in the request's
    // context (log.ts), and these lines, written from the socket's events, are put back in it.
    const rlog = log.child({ method: req.method, path });
    const inRequest = (work: () => void) => withRequestId(reqId, work);
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    // Probes come every few seconds: only their failures are worth a line at info.
    const probe = path === '/healthz' || path === '/readyz';
    res.once('finish', () => {
      const level = probe && res.statusCode < 300 ? 'debug' : 'info';
      inRequest(() => rlog[level]({ status: res.statusCode, ms: ms() }, 'request'));
    });
    // A client that goes away before its answer is not our failure.
    res.once('close', () => {
      if (!res.writableFinished) inRequest(() => rlog.info({ ms: ms() }, 'request aborted'));
    });
    const found = findRoute(table, req.method ?? 'GET', path);
    if (!found) {
      res
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        .end(`Nothing at ${req.method} ${path}\n`);
      return;
    }
    withRequestId(reqId, () => found.route(req, res, found.params)).catch((e: unknown) => {
      if (res.destroyed && isAbort(e)) return;
      inRequest(() => rlog.error({ err: e }, 'request failed'));
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Something went wrong on our side; it has been logged.\n');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', (e) => reject(listenError(e, port)));
    server.listen(port, host, () => resolve(server));
  });
}
