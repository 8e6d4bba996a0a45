// How long a status answer takes on the example plan: the pure engine, the query through SQLite,
// and the whole conversation turn ("status of 2.2" → Reply). Run: npx tsx bench/status.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importPlanFile } from '../src/app/import-plan-file.js';
import { statusOf } from '../src/app/measure-status.js';
import { createConversation } from '../src/bot/create-conversation.js';
import { financialCalendar } from '../src/domain/period.js';
import { openDatabase } from '../src/store/open-database.js';
import { loadPartnership } from '../src/store/partnership-store.js';

async function time(label: string, runs: number, fn: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 20; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => (samples[Math.floor(q * (samples.length - 1))] ?? 0).toFixed(2);
  console.log(
    `${label.padEnd(40)} p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  p99 ${at(0.99)} ms  (${runs} runs)`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'perfbot-bench-'));
const db = await openDatabase(`file:${join(dir, 'bench.db')}`);
const now = new Date('2016-05-02T10:00:00Z');
await importPlanFile(db.prisma, 'examples/stockton-2015-16.yaml', { dryRun: false, now });
const p = await loadPartnership(db.prisma);
if (!p) throw new Error('the example plan did not load');
const cal = financialCalendar(p.settings.yearStartMonth);
const conversation = createConversation({ db: db.prisma, chartUrl: () => null });
const person = p.people.find((x) => x.role === 'chair') ?? p.people[0];
if (!person) throw new Error('no people');
let n = 0;
const turn = () => ({
  partnership: p,
  person,
  cal,
  now,
  today: '2016-05-02',
  requestId: `b${n++}`,
  channel: 'bench',
});

await time('statusOf 2.2 (query + engine)', 500, () =>
  statusOf(db.prisma, cal, p, { ref: '2.2', today: '2016-05-02' }),
);
await time('conversation "status of 2.2"', 500, () => conversation.onMessage(turn(), 'status of 2.2'));
await time('conversation "exceptions"', 200, () => conversation.onMessage(turn(), 'exceptions'));
console.log(`peak RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB; node ${process.version}`);
await db.close();
rmSync(dir, { recursive: true, force: true });
