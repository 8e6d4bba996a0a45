// The one HTTP server: a route table of "METHOD /path" keys, where a path segment ":name" matches any
// one segment and is passed to the route as a parameter.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../log.js';

export type Route = (
  req: IncomingMessage,
  res: ServerResponse,
  params: Record<string, string>,
) => Promise<void>;

export type Routes = Record<string, Route>;

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

export function startHttpServer(routes: Routes, host: string, port: number, log: Logger): Promise<Server> {
  const table = compile(routes);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const found = findRoute(table, req.method ?? 'GET', path);
    if (!found) {
      res
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        .end(`Nothing at ${req.method} ${path}\n`);
      return;
    }
    found.route(req, res, found.params).catch((e: unknown) => {
      log.error({ err: e, path }, 'request failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Something went wrong on our side; it has been logged.\n');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
