// The real server on 127.0.0.1 (random port) over a temporary database holding the example plan,
// with the clock fixed at 2016-05-02 (after the 2015/16 Q4 returns).
import { pino } from 'pino';
import { importPlanFile } from '../../src/app/import-plan-file.js';
import { loadConfig, type Config } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/server/start-server.js';
import { tempDb, type TempDb } from '../helpers/temp-db.js';

export const FIXED_NOW = new Date('2016-05-02T09:30:00Z');

export interface TestServer {
  server: RunningServer;
  db: TempDb;
  close(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const db = await tempDb();
  const imported = await importPlanFile(db.prisma, 'examples/stockton-2015-16.yaml', {
    dryRun: false,
    now: FIXED_NOW,
  });
  if (!imported.ok) throw new Error(imported.errors.join('\n'));
  const config: Config = { ...loadConfig({ HOST: '127.0.0.1', DATABASE_URL: db.url, ...env }), PORT: 0 };
  const server = await startServer({
    config,
    db: db.prisma,
    clock: () => FIXED_NOW,
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  });
  return {
    server,
    db,
    close: async () => {
      await server.close();
      await db.close();
    },
  };
}
