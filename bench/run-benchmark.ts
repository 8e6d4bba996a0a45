// Issue 8's benchmark: generates a synthetic deployment, drives the real bot's /api/messages (in its own
// process, replying through a local fake connector) with a mix of status questions, return submissions
// and summaries at fixed concurrency, then the same load against a bare botbuilder echo bot; times the
// summaries, dashboards and a chart inside the bot's process; and measures status latency as the
// history grows. Returns the results and writes them to <outDir>/<date>.json (see resultFileName).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { DEFAULTS, type BenchOptions } from './bench-options.js';
import {
  resultFileName,
  targetsOf,
  type BenchResult,
  type HistoryRun,
  type ServerRun,
} from './bench-result.js';
import { startChildServer, type ChildServer } from './child-server.js';
import { buildForBench } from './compiled.js';
import { startBenchConnector, type BenchConnector } from './fake-connector.js';
import { BENCH_NOW, generateDeployment, type Deployment } from './generate-deployment.js';
import { runLoad } from './load-generator.js';
import { loadMix, type Mix } from './load-mix.js';
import { productionNodeFlags } from './production-node-flags.js';
import { runSoak } from './soak.js';
import { latencyOf, round, type Latency } from './stats.js';

const MB = 1024;
const load1 = () => round(loadavg()[0] ?? 0, 2);

interface Phase {
  d: Deployment;
  connector: BenchConnector;
  mix: Mix;
  requests: number;
  warmup: number;
  concurrency: number;
  /** Keeps activity ids unique across the runs against one database. */
  run: string;
  seed: number;
}

const latencies = (byKind: Record<string, number[]>): Record<string, Latency> => ({
  all: latencyOf(Object.values(byKind).flat()),
  ...Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, latencyOf(v)])),
});

/** Warm-up, then the measured load; server-side times and memory from the server process. */
async function drive(
  server: ChildServer,
  p: Phase,
): Promise<Omit<ServerRun, 'startupRssMB' | 'soloAfterStart' | 'solo' | 'soloSubmit'>> {
  const start = load1();
  if (p.warmup > 0) {
    const warm = loadMix(p.d, p.connector.url, p.mix, `${p.run}-warm`, p.seed + 1);
    await runLoad(server.url, warm.next, { concurrency: p.concurrency, requests: p.warmup });
  }
  await server.ask({ cmd: 'timings' }, 'timings');
  p.connector.reset();
  const mix = loadMix(p.d, p.connector.url, p.mix, p.run, p.seed);
  const run = await runLoad(server.url, mix.next, { concurrency: p.concurrency, requests: p.requests });
  const timings = await server.ask({ cmd: 'timings' }, 'timings');
  return {
    requests: p.requests,
    concurrency: p.concurrency,
    wallMs: round(run.wallMs, 0),
    throughput: round(run.throughput, 1),
    cpuMsPerRequest: round(timings.cpuMs / p.requests, 2),
    errors: run.errors,
    statusCodes: run.statusCodes,
    repliesPosted: p.connector.counts.activities,
    turnFailures: p.connector.counts.failures,
    client: latencies(run.latencies),
    server: latencies(timings.times),
    submissions: p.mix.submit > 0 ? mix.counts : null,
    peakRssMB: round(timings.maxRssKB / MB, 0),
    memory: timings.memory,
    load: { start, end: load1() },
  };
}

const STATUS_ONLY: Mix = { status: 1, submit: 0, summary: 0 };
const SUBMIT_ONLY: Mix = { status: 0, submit: 1, summary: 0 };

/** Requests of one kind at concurrency 1: the time each takes with nobody else waiting. */
async function alone(server: ChildServer, p: Phase, mix: Mix, requests: number, kind: string, when: string) {
  const run = await drive(server, {
    ...p,
    mix,
    requests,
    warmup: Math.min(p.warmup, 50),
    concurrency: 1,
    run: `${p.run}-alone-${kind}-${when}`,
  });
  return {
    requests: run.requests,
    client: run.client[kind] ?? latencyOf([]),
    server: run.server[kind] ?? latencyOf([]),
    cpuMsPerRequest: run.cpuMsPerRequest,
  };
}

/**
 * One server's whole run: status questions one at a time just after it started, then the mixed load at
 * fixed concurrency, then, in the server now warm, status questions and submissions (a third as many)
 * one at a time. Just after start, V8 has not yet compiled the turn's code to its optimised tier: those
 * first few hundred questions take about twice the CPU, and are reported apart.
 */
async function serverRun(server: ChildServer, o: BenchOptions, p: Phase): Promise<ServerRun> {
  const startup = await server.ask({ cmd: 'timings' }, 'timings');
  const soloAfterStart = await alone(server, p, STATUS_ONLY, o.soloRequests, 'status', 'start');
  const mixed = await drive(server, p);
  const solo = await alone(server, p, STATUS_ONLY, o.soloRequests, 'status', 'warm');
  const submitRequests = Math.max(1, Math.round(o.soloRequests / 3));
  const soloSubmit = await alone(server, p, SUBMIT_ONLY, submitRequests, 'submit', 'warm');
  return { ...mixed, startupRssMB: round(startup.maxRssKB / MB, 0), soloAfterStart, solo, soloSubmit };
}

/** How the servers run: node's flags, and the build's folder (null: the sources under tsx). */
interface Runtime {
  flags: string[];
  compiled: string | null;
}

async function withServer<T>(
  script: string,
  args: string[],
  rt: Runtime,
  fn: (s: ChildServer) => Promise<T>,
): Promise<T> {
  const server = await startChildServer(script, args, rt.flags, rt.compiled);
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

export type Progress = (line: string) => void;

async function historyRuns(
  o: BenchOptions,
  rt: Runtime,
  dir: string,
  connector: BenchConnector,
  say: Progress,
): Promise<HistoryRun[]> {
  const out: HistoryRun[] = [];
  for (const years of o.historyYears) {
    const file = join(dir, `history-${years}.db`);
    const size = { partnerships: o.historyPartnerships, measures: o.measures, years };
    say(`history: ${years} year(s), ${size.partnerships} × ${size.measures} measures…`);
    const d = await generateDeployment(file, size, o.seed);
    const botArgs = [file, BENCH_NOW.toISOString(), o.logLevel];
    const run = await withServer('./bot-process.ts', botArgs, rt, (s) =>
      drive(s, {
        d,
        connector,
        mix: STATUS_ONLY,
        requests: o.historyRequests,
        warmup: Math.min(o.warmup, 50),
        concurrency: o.historyConcurrency,
        run: `history-${years}`,
        seed: o.seed,
      }),
    );
    out.push({
      ...size,
      concurrency: o.historyConcurrency,
      cpuMsPerRequest: run.cpuMsPerRequest,
      returns: d.returns,
      client: run.client.status ?? latencyOf([]),
      server: run.server.status ?? latencyOf([]),
    });
  }
  return out;
}

const ratio = (a: number, b: number) => round(a / b, 2);

export async function runBenchmark(o: BenchOptions, say: Progress = () => {}): Promise<BenchResult> {
  const started = performance.now();
  const loadStart = load1();
  const dir = mkdtempSync(join(tmpdir(), 'perfbot-bench-'));
  const connector = await startBenchConnector();
  const flags = o.nodeFlags ?? productionNodeFlags();
  try {
    if (!o.tsx) say('building the bot as npm run build does (tsc), to run it as npm run start:prod does…');
    const rt: Runtime = { flags, compiled: o.tsx ? null : await buildForBench() };
    const file = join(dir, 'main.db');
    const size = { partnerships: o.partnerships, measures: o.measures, years: o.years };
    say(`generating ${size.partnerships} partnerships × ${size.measures} measures × ${size.years} years…`);
    const d = await generateDeployment(file, size, o.seed);
    say(`${d.returns} returns (${d.revisions} revisions) in ${round(d.generateMs / 1000, 1)} s`);
    const phase = (run: string): Phase => ({
      d,
      connector,
      mix: o.mix,
      requests: o.requests,
      warmup: o.warmup,
      concurrency: o.concurrency,
      run,
      seed: o.seed,
    });
    say(
      `perfbot: ${o.soloRequests} status questions one at a time, then ${o.warmup} warm-up + ${o.requests} requests at concurrency ${o.concurrency}…`,
    );
    const botArgs = [file, BENCH_NOW.toISOString(), o.logLevel];
    const { bot, reports, afterReportsKB } = await withServer('./bot-process.ts', botArgs, rt, async (s) => {
      const measured = await serverRun(s, o, phase('bot'));
      say('perfbot: summaries, dashboards, chart…');
      const r = await s.ask({ cmd: 'reports', runs: o.reportRuns, chartRuns: o.chartRuns }, 'reports');
      return { bot: measured, reports: r.reports, afterReportsKB: r.maxRssKB };
    });
    const seconds = o.soakSeconds;
    if (seconds !== null)
      say(`soak: ${seconds} s of the mixed load at concurrency ${o.concurrency}, fresh bot…`);
    const soak =
      seconds === null
        ? null
        : await withServer('./bot-process.ts', botArgs, rt, (s) =>
            runSoak(s, loadMix(d, connector.url, o.mix, 'soak', o.seed + 2).next, {
              seconds,
              concurrency: o.concurrency,
            }),
          );
    say('echo bot: the same load…');
    const echo = await withServer('./echo-process.ts', [], rt, (s) => serverRun(s, o, phase('echo')));
    const history = await historyRuns(o, rt, dir, connector, say);
    const cpu = cpus();
    const { outDir, ...options } = o;
    const result: Omit<BenchResult, 'targets'> = {
      version: 1,
      date: new Date().toISOString(),
      machine: {
        cpu: cpu[0]?.model ?? 'unknown',
        cpus: cpu.length,
        memoryGB: round(totalmem() / 1024 ** 3, 1),
        os: `${type()} ${release()}`,
        node: process.version,
        loadStart,
        loadEnd: load1(),
      },
      options: { ...options, nodeFlags: flags },
      defaultSize:
        o.partnerships === DEFAULTS.partnerships &&
        o.measures === DEFAULTS.measures &&
        o.years === DEFAULTS.years,
      data: { ...size, returns: d.returns, revisions: d.revisions, generateMs: round(d.generateMs, 0) },
      bot,
      echo,
      ratio: {
        throughput: ratio(bot.throughput, echo.throughput),
        p50: ratio(bot.client.all?.p50 ?? 0, echo.client.all?.p50 ?? 0),
        p95: ratio(bot.client.all?.p95 ?? 0, echo.client.all?.p95 ?? 0),
        p99: ratio(bot.client.all?.p99 ?? 0, echo.client.all?.p99 ?? 0),
      },
      reports,
      botPeakRssAfterReportsMB: round(afterReportsKB / MB, 0),
      history,
      soak,
      durationMs: round(performance.now() - started, 0),
    };
    const full: BenchResult = { ...result, targets: targetsOf(result) };
    if (outDir) {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(join(outDir, resultFileName(full)), `${JSON.stringify(full, null, 2)}\n`);
    }
    return full;
  } finally {
    await connector.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
