// The health endpoints: /healthz (the process answers) and /readyz (the database is reachable and
// migrated, and the server is not shutting down).
import type { Route } from '../http/route.js';
import type { Logger } from '../log.js';
import { checkReadiness } from '../store/health.js';
import type { Db } from '../store/open-database.js';

export function healthRoutes(
  db: Db,
  migrations: readonly string[],
  log: Logger,
  state: { draining: boolean },
): Record<string, Route> {
  return {
    'GET /healthz': async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    },
    'GET /readyz': async (_req, res) => {
      const ready = state.draining
        ? { ok: false as const, reason: 'shutting down' }
        : await checkReadiness(db, migrations);
      if (!ready.ok) log.warn({ reason: ready.reason }, 'not ready');
      res
        .writeHead(ready.ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        .end(JSON.stringify(ready));
    },
  };
}
