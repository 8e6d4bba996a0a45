// A bot server process as `npm start` runs it (the real startServer, its own random instance id) on a
// random port of 127.0.0.1, over the given database, with the clock fixed at 2016-05-02 09:30 (after
// the 2015/16 Q4 returns) and the reminders off. It prints {"url": …} once listening and serves until
// the test kills it.
// Usage: node --import tsx tests/flows/faults/server-process.ts <database url>
import { pino } from 'pino';
import { loadConfig } from '../../../src/config.js';
import { startServer } from '../../../src/server/start-server.js';
import { openDatabase } from '../../../src/store/open-database.js';

const [url = ''] = process.argv.slice(2);
const now = new Date('2016-05-02T09:30:00Z');
const db = await openDatabase(url);
const config = { ...loadConfig({ HOST: '127.0.0.1', DATABASE_URL: url, REMINDERS: 'off' }), PORT: 0 };
const server = await startServer({
  config,
  db: db.prisma,
  clock: () => now,
  log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
});
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
