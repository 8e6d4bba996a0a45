// npm run bench:profile: where a turn's CPU goes. Generates a synthetic deployment (the quick size
// unless told), starts the bot in its own process, warms it up, then sends one kind of request one at a
// time (status questions by default) under V8's CPU profiler, and prints the profile's self time grouped
// by package: each node_modules package, our own src/, node's internals, garbage collection.
//   npm run bench:profile -- [--kind status|submit|summary] [--requests 500] [--partnerships 5]
//                            [--measures 20] [--years 2] [--keep]  (--keep: leave the .cpuprofile)
//                            [--tsx]  (the sources under tsx instead of the compiled build)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startChildServer } from './child-server.js';
import { buildForBench } from './compiled.js';
import { startBenchConnector } from './fake-connector.js';
import { BENCH_NOW, generateDeployment } from './generate-deployment.js';
import { runLoad } from './load-generator.js';
import { loadMix, type Mix } from './load-mix.js';
import { productionNodeFlags } from './production-node-flags.js';
import { round } from './stats.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The group a frame's time counts under: a package, our src/, node, the collector, or idle time. */
export function groupOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(idle)' || functionName === '(program)' || functionName === '(root)')
    return `(${functionName.replace(/[()]/g, '')})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(url);
  if (pkg) return pkg[1] as string;
  if (url.startsWith('wasm://')) return "WebAssembly (Prisma's query compiler)";
  if (/\/src\/generated\//.test(url)) return 'our generated Prisma client';
  if (/\/src\//.test(url)) return 'our src/';
  if (/\/bench\//.test(url)) return 'the benchmark harness';
  if (url.startsWith('node:') || url === '' || !url.includes('/')) return 'node (internals, http, natives)';
  return 'other';
}

/** Self time in milliseconds by group, largest first. */
export function selfTimeByGroup(profile: CpuProfile): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const group = groupOf(node.callFrame);
    totals.set(group, (totals.get(group) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

const MIXES: Record<string, Mix> = {
  status: { status: 1, submit: 0, summary: 0 },
  submit: { status: 0, submit: 1, summary: 0 },
  summary: { status: 0, submit: 0, summary: 1 },
  mix: { status: 70, submit: 20, summary: 10 },
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      kind: { type: 'string', default: 'status' },
      requests: { type: 'string', default: '500' },
      partnerships: { type: 'string', default: '5' },
      measures: { type: 'string', default: '20' },
      years: { type: 'string', default: '2' },
      keep: { type: 'boolean', default: false },
      tsx: { type: 'boolean', default: false },
    },
  });
  const mix = MIXES[values.kind];
  if (!mix) throw new Error(`--kind is one of ${Object.keys(MIXES).join(', ')}`);
  const requests = Number(values.requests);
  const dir = mkdtempSync(join(tmpdir(), 'perfbot-profile-'));
  const file = join(dir, 'bench.db');
  const d = await generateDeployment(file, {
    partnerships: Number(values.partnerships),
    measures: Number(values.measures),
    years: Number(values.years),
  });
  const connector = await startBenchConnector();
  // Compiled and with start:prod's node flags, as the benchmark's bot runs; profiled from inside once
  // warmed up.
  const server = await startChildServer(
    'bot-process.ts',
    [file, BENCH_NOW.toISOString(), 'info'],
    productionNodeFlags(),
    values.tsx ? null : await buildForBench(),
  );
  try {
    const warmup = Math.min(200, requests);
    const warm = loadMix(d, connector.url, mix, 'warm', 2);
    await runLoad(server.url, warm.next, { concurrency: 1, requests: warmup });
    await server.ask({ cmd: 'profile-start' }, 'profiling');
    const load = loadMix(d, connector.url, mix, 'profiled', 1);
    const run = await runLoad(server.url, load.next, { concurrency: 1, requests });
    const { profile: text } = await server.ask({ cmd: 'profile-stop' }, 'profile');
    const file = join(dir, `${values.kind}.cpuprofile`);
    if (values.keep) writeFileSync(file, text);
    const groups = selfTimeByGroup(JSON.parse(text) as CpuProfile).filter(([g]) => g !== '(idle)');
    const busy = groups.reduce((sum, [, ms]) => sum + ms, 0);
    process.stdout.write(
      `${values.kind}: ${requests} requests at concurrency 1 after ${warmup} to warm up, ` +
        `${round(run.throughput, 1)} req/s; the bot process was busy ${round(busy / requests, 2)} ms per request\n\n`,
    );
    const shown = groups.filter(([, ms]) => ms / busy >= 0.005);
    for (const [group, ms] of shown)
      process.stdout.write(`${String(round((ms / busy) * 100, 1)).padStart(5)}%  ${group}\n`);
    const rest = groups.length - shown.length;
    if (rest > 0) process.stdout.write(`        (${rest} more groups under 0.5% each)\n`);
    if (values.keep) process.stdout.write(`\nprofile kept: ${file}\n`);
  } finally {
    await server.stop();
    await connector.close();
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
