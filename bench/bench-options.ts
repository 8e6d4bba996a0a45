// The benchmark's flags: sizes, load, and what to measure. `--quick` is a run of about a minute.
import { parseArgs } from 'node:util';
import type { Mix } from './load-mix.js';

export interface BenchOptions {
  partnerships: number;
  measures: number;
  years: number;
  concurrency: number;
  requests: number;
  warmup: number;
  /** Status questions one at a time (concurrency 1) before the mixed load. */
  soloRequests: number;
  mix: Mix;
  /** Years of history for the status-latency-versus-history runs (empty: skip them). */
  historyYears: number[];
  historyPartnerships: number;
  historyRequests: number;
  historyConcurrency: number;
  reportRuns: number;
  chartRuns: number;
  /** Where results/<date>.json goes; null: not written. */
  outDir: string | null;
  seed: number;
  /** The bot's log level (its log lines are discarded; "info" is what production writes). */
  logLevel: string;
  /** Seconds of mixed load against a fresh bot, sampling its RSS (null: no soak). */
  soakSeconds: number | null;
  /** Node flags of the server processes; null: those of `npm run start:prod`. */
  nodeFlags: string[] | null;
  /** Run the servers' TypeScript under tsx (as npm start) instead of compiled (as npm run start:prod). */
  tsx: boolean;
}

export const DEFAULTS: BenchOptions = {
  partnerships: 50,
  measures: 60,
  years: 5,
  concurrency: 8,
  requests: 2000,
  warmup: 1000,
  soloRequests: 300,
  mix: { status: 70, submit: 20, summary: 10 },
  historyYears: [1, 2, 5, 10],
  historyPartnerships: 5,
  historyRequests: 300,
  historyConcurrency: 1,
  reportRuns: 3,
  chartRuns: 10,
  outDir: 'bench/results',
  seed: 1,
  logLevel: 'info',
  soakSeconds: null,
  nodeFlags: null,
  tsx: false,
};

/** `--soak` without `--soak-seconds`: ten minutes. */
export const SOAK_SECONDS = 600;

export const QUICK: Partial<BenchOptions> = {
  partnerships: 5,
  measures: 20,
  years: 2,
  requests: 300,
  warmup: 50,
  soloRequests: 100,
  historyPartnerships: 2,
  historyRequests: 100,
  reportRuns: 1,
  chartRuns: 3,
};

export const USAGE = `npm run bench [-- flags]
  --quick                   a run of about a minute (5 × 20 × 2 years, fewer requests)
  --partnerships N          synthetic partnerships (default ${DEFAULTS.partnerships})
  --measures N              measures per partnership (default ${DEFAULTS.measures})
  --years N                 years of monthly and quarterly returns (default ${DEFAULTS.years})
  --concurrency N           requests in flight (default ${DEFAULTS.concurrency})
  --requests N              measured requests per bot (default ${DEFAULTS.requests})
  --warmup N                unmeasured requests first (default ${DEFAULTS.warmup})
  --solo N                  status questions one at a time, just after start and after the mix, then a third as many submissions (default ${DEFAULTS.soloRequests})
  --mix S,U,M               weights of status, submission, summary (default 70,20,10)
  --history 1,2,5,10|none   years of history for status latency vs history (default 1,2,5,10)
  --history-partnerships N  partnerships in those runs (default ${DEFAULTS.historyPartnerships})
  --history-requests N      status requests in each (default ${DEFAULTS.historyRequests})
  --history-concurrency N   their concurrency (default ${DEFAULTS.historyConcurrency})
  --report-runs N           runs of each summary/dashboard timing, median (default ${DEFAULTS.reportRuns})
  --chart-runs N            chart renders, median (default ${DEFAULTS.chartRuns})
  --out DIR                 where <date>[-<size>].json goes (default bench/results); --no-write: nowhere
  --seed N                  data generator seed (default 1)
  --log-level L             the bot's log level (default info; its lines are discarded)
  --soak                    also a soak: ${SOAK_SECONDS / 60} minutes of the mixed load against a fresh bot, its RSS
                            sampled every 5 s: first / last / peak, and whether it stayed flat
  --soak-seconds N          a soak of N seconds instead (implies --soak)
  --node-flags="F …"        node flags of the bot and the echo bot (default: those of npm run start:prod;
                            "" for none)
  --tsx                     run the servers' TypeScript under tsx, as npm start does, instead of compiling
                            it first and running node on the JavaScript, as npm run start:prod does`;

const whole = (name: string, v: string | undefined, fallback: number, min = 1): number => {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${name} ${v}: use a whole number of at least ${min}`);
  return n;
};

const list = (name: string, v: string): number[] =>
  v === 'none' ? [] : v.split(',').map((x) => whole(name, x.trim(), 0, name === 'mix' ? 0 : 1));

export function parseBenchArgs(args: string[]): BenchOptions | { help: true } {
  const { values: v } = parseArgs({
    args,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      quick: { type: 'boolean' },
      partnerships: { type: 'string' },
      measures: { type: 'string' },
      years: { type: 'string' },
      concurrency: { type: 'string' },
      requests: { type: 'string' },
      warmup: { type: 'string' },
      solo: { type: 'string' },
      mix: { type: 'string' },
      history: { type: 'string' },
      'history-partnerships': { type: 'string' },
      'history-requests': { type: 'string' },
      'history-concurrency': { type: 'string' },
      'report-runs': { type: 'string' },
      'chart-runs': { type: 'string' },
      out: { type: 'string' },
      'no-write': { type: 'boolean' },
      seed: { type: 'string' },
      'log-level': { type: 'string' },
      soak: { type: 'boolean' },
      'soak-seconds': { type: 'string' },
      'node-flags': { type: 'string' },
      tsx: { type: 'boolean' },
    },
  });
  if (v.help) return { help: true };
  const base: BenchOptions = { ...DEFAULTS, ...(v.quick ? QUICK : {}) };
  const mix = v.mix === undefined ? base.mix : list('mix', v.mix);
  const [status = 0, submit = 0, summary = 0] = Array.isArray(mix)
    ? mix
    : [mix.status, mix.submit, mix.summary];
  if (status + submit + summary === 0)
    throw new Error('--mix: give at least one weight above 0, e.g. 70,20,10');
  return {
    partnerships: whole('partnerships', v.partnerships, base.partnerships),
    measures: whole('measures', v.measures, base.measures),
    years: whole('years', v.years, base.years),
    concurrency: whole('concurrency', v.concurrency, base.concurrency),
    requests: whole('requests', v.requests, base.requests),
    warmup: whole('warmup', v.warmup, base.warmup, 0),
    soloRequests: whole('solo', v.solo, base.soloRequests),
    mix: { status, submit, summary },
    historyYears: v.history === undefined ? base.historyYears : list('history', v.history),
    historyPartnerships: whole('history-partnerships', v['history-partnerships'], base.historyPartnerships),
    historyRequests: whole('history-requests', v['history-requests'], base.historyRequests),
    historyConcurrency: whole('history-concurrency', v['history-concurrency'], base.historyConcurrency),
    reportRuns: whole('report-runs', v['report-runs'], base.reportRuns),
    chartRuns: whole('chart-runs', v['chart-runs'], base.chartRuns),
    outDir: v['no-write'] ? null : (v.out ?? base.outDir),
    seed: whole('seed', v.seed, base.seed, 0),
    logLevel: v['log-level'] ?? base.logLevel,
    soakSeconds:
      v['soak-seconds'] !== undefined
        ? whole('soak-seconds', v['soak-seconds'], SOAK_SECONDS)
        : v.soak
          ? SOAK_SECONDS
          : base.soakSeconds,
    nodeFlags: v['node-flags'] === undefined ? base.nodeFlags : v['node-flags'].split(/\s+/).filter(Boolean),
    tsx: v.tsx ?? base.tsx,
  };
}
