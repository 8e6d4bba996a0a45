// The one HTTP server: health check and the dashboard; the chat endpoints join it in later issues.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../log.js';

export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export function startHttpServer(
  routes: Record<string, Route>,
  host: string,
  port: number,
  log: Logger,
): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = routes[`${req.method} ${path}`];
    if (!route) {
      res
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        .end(`Nothing at ${req.method} ${path}\n`);
      return;
    }
    route(req, res).catch((e: unknown) => {
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
