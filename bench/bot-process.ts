// The bot under test, in a process of its own (so its peak RSS is its own): the real server from
// src/server/start-server.ts over the synthetic database, in local mode on 127.0.0.1 (no Teams
// credentials: authentication off, replies to the loopback fake connector), reminders off, the clock
// fixed at the benchmark's "now" as the tests fix it. Usage (forked by the benchmark):
//   node --import tsx bench/bot-process.ts <database file> <now ISO> <log level>
import { Session } from 'node:inspector/promises';
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { startServer } from '../src/server/start-server.js';
import { openDatabase } from '../src/store/open-database.js';
import { cpuSince, memoryNow, tellParent, type ParentMessage } from './child-messages.js';
import { reportTimings } from './report-timings.js';
import { recordServerTimes } from './server-timing.js';

const [file, nowText, level = 'silent'] = process.argv.slice(2);
if (!file || !nowText) throw new Error('usage: bot-process.ts <database file> <now ISO> [log level]');
const now = new Date(nowText);
const timing = recordServerTimes();
const cpu = cpuSince();
const db = await openDatabase(`file:${file}`);
const config = { ...loadConfig({ HOST: '127.0.0.1', REMINDERS: 'off', LOG_LEVEL: level }), PORT: 0 };
const log = pino({ level });
const server = await startServer({ config, db: db.prisma, clock: () => now, log });
const maxRssKB = () => process.resourceUsage().maxRSS;
const profiler = new Session();
profiler.connect();

process.on('message', (m: ParentMessage) => {
  void (async () => {
    switch (m.cmd) {
      case 'timings':
        return tellParent({
          kind: 'timings',
          times: timing.take(),
          maxRssKB: maxRssKB(),
          memory: memoryNow(),
          cpuMs: cpu(),
        });
      case 'memory':
        return tellParent({ kind: 'memory', memory: memoryNow(), maxRssKB: maxRssKB() });
      case 'reports':
        return tellParent({
          kind: 'reports',
          reports: await reportTimings(db.prisma, now, m.runs, m.chartRuns),
          maxRssKB: maxRssKB(),
        });
      case 'profile-start':
        await profiler.post('Profiler.enable');
        await profiler.post('Profiler.start');
        return tellParent({ kind: 'profiling' });
      case 'profile-stop': {
        const { profile } = await profiler.post('Profiler.stop');
        return tellParent({ kind: 'profile', profile: JSON.stringify(profile) });
      }
      case 'stop':
        await server.close();
        await db.close();
        process.exit(0);
    }
  })().catch((e: unknown) => {
    tellParent({ kind: 'failed', error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  });
});
tellParent({ kind: 'ready', url: server.url });
