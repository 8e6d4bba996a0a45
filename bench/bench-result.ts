// The shape of bench/results/<date>.json, and the targets of issue 8 checked against it.
import type { BenchOptions } from './bench-options.js';
import type { MemoryNow } from './child-messages.js';
import type { MixCounts } from './load-mix.js';
import type { ReportTimings } from './report-timings.js';
import type { SoakRun } from './soak.js';
import type { Latency } from './stats.js';

export interface Machine {
  cpu: string;
  cpus: number;
  memoryGB: number;
  os: string;
  node: string;
  /** 1-minute load average when the run started and ended: others' work on the machine shows here. */
  loadStart: number;
  loadEnd: number;
}

export interface ServerRun {
  requests: number;
  concurrency: number;
  wallMs: number;
  throughput: number;
  /** The server process's CPU time (user + system) per measured request, ms: steadier than wall time on a busy machine. */
  cpuMsPerRequest: number;
  errors: number;
  statusCodes: Record<string, number>;
  /** Activities the bot posted to the connector, and how many were its "something went wrong". */
  repliesPosted: number;
  turnFailures: number;
  /** Client side: request sent → response's last byte, per kind and all together. */
  client: Record<string, Latency>;
  /** Server side: request arrived → response finished, inside the server process (node:http diagnostics). */
  server: Record<string, Latency>;
  submissions: MixCounts | null;
  /** process.resourceUsage().maxRSS of the server's own process after the load, MB. */
  peakRssMB: number;
  /** Its memory right after the load: where the resident set goes. */
  memory: MemoryNow;
  /** Before any request: the resident set of the loaded code. */
  startupRssMB: number;
  /** Status questions one at a time just after start (after 50 unmeasured): V8 still compiling the turn's code. */
  soloAfterStart: AloneRun;
  /** Status questions one at a time after the mixed load: the time a question takes, no queueing. */
  solo: AloneRun;
  /** Submissions one at a time (a third as many as the status questions), after those. */
  soloSubmit: AloneRun;
  load: { start: number; end: number };
}

/** Requests of one kind at concurrency 1. */
export interface AloneRun {
  requests: number;
  client: Latency;
  server: Latency;
  cpuMsPerRequest: number;
}

export interface HistoryRun {
  years: number;
  concurrency: number;
  cpuMsPerRequest: number;
  partnerships: number;
  measures: number;
  returns: number;
  client: Latency;
  server: Latency;
}

export interface Target {
  name: string;
  target: string;
  value: number;
  unit: string;
  met: boolean;
}

export interface BenchResult {
  version: 1;
  date: string;
  machine: Machine;
  options: Omit<BenchOptions, 'outDir'>;
  /** Whether sizes are the default (50 × 60 × 5), where the targets apply. */
  defaultSize: boolean;
  data: {
    partnerships: number;
    measures: number;
    years: number;
    returns: number;
    revisions: number;
    generateMs: number;
  };
  bot: ServerRun;
  echo: ServerRun;
  ratio: { throughput: number; p50: number; p95: number; p99: number };
  reports: ReportTimings;
  /** The bot's peak RSS after the reports were built in its process too, MB. */
  botPeakRssAfterReportsMB: number;
  history: HistoryRun[];
  /** `--soak`: the bot's RSS under a long mixed load (null: no soak this run). */
  soak: SoakRun | null;
  targets: Target[];
  durationMs: number;
}

export function targetsOf(r: Omit<BenchResult, 'targets'>): Target[] {
  const solo = r.bot.solo.server.p95;
  const loaded = r.bot.server.status?.p95 ?? Number.NaN;
  const first = r.history[0];
  const last = r.history[r.history.length - 1];
  const growth = first && last && first !== last ? last.server.p95 / first.server.p95 : null;
  return [
    {
      name: 'status p95, server side, one at a time (warm)',
      target: '< 50 ms',
      value: solo,
      unit: 'ms',
      met: solo < 50,
    },
    {
      name: `status p95, server side, mixed load at concurrency ${r.bot.concurrency}`,
      target: '< 50 ms',
      value: loaded,
      unit: 'ms',
      met: loaded < 50,
    },
    {
      name: 'throughput, perfbot / echo',
      target: '≥ 0.25',
      value: r.ratio.throughput,
      unit: '×',
      met: r.ratio.throughput >= 0.25,
    },
    {
      name: 'server CPU per request, mixed load',
      target: '≤ 6 ms',
      value: r.bot.cpuMsPerRequest,
      unit: 'ms',
      met: r.bot.cpuMsPerRequest <= 6,
    },
    {
      name: 'status p50, server side, one at a time (warm)',
      target: '≤ 3 ms',
      value: r.bot.solo.server.p50,
      unit: 'ms',
      met: r.bot.solo.server.p50 <= 3,
    },
    {
      name: 'submission p50, server side, one at a time (warm)',
      target: '≤ 8 ms',
      value: r.bot.soloSubmit.server.p50,
      unit: 'ms',
      met: r.bot.soloSubmit.server.p50 <= 8,
    },
    {
      name: `RSS of the bot at start (${r.options.tsx !== false ? 'under tsx' : 'node on the build'})`,
      target: '< 150 MB',
      value: r.bot.startupRssMB,
      unit: 'MB',
      met: r.bot.startupRssMB < 150,
    },
    {
      name: 'weekly summaries, all partnerships',
      target: '< 5 s',
      value: r.reports.weeklySummaryAllMs / 1000,
      unit: 's',
      met: r.reports.weeklySummaryAllMs < 5000,
    },
    {
      name: 'peak RSS of the bot',
      target: '< 300 MB',
      value: r.botPeakRssAfterReportsMB,
      unit: 'MB',
      met: r.botPeakRssAfterReportsMB < 300,
    },
    ...(growth === null || !first || !last
      ? []
      : [
          {
            name: `status p95 at ${last.years} years / at ${first.years}`,
            target: '< 1.5 (flat)',
            value: Math.round(growth * 100) / 100,
            unit: '×',
            met: growth < 1.5,
          },
        ]),
    ...(r.soak
      ? [
          {
            name: `RSS over the ${r.soak.seconds} s soak, last tenth / first after warm-up`,
            target: 'within 10% (flat)',
            value: r.soak.growth,
            unit: '×',
            met: r.soak.flat,
          },
          {
            name: 'peak RSS of the bot over the soak',
            target: '< 300 MB',
            value: r.soak.peakRssMB,
            unit: 'MB',
            met: r.soak.peakRssMB < 300,
          },
        ]
      : []),
  ];
}

/**
 * The results file's name: `<date>.json` for a run at the default size (the figures the README quotes),
 * `<date>-<partnerships>x<measures>x<years>.json` otherwise, so a quick run never replaces them.
 */
export function resultFileName(r: Pick<BenchResult, 'date' | 'defaultSize' | 'data'>): string {
  const day = r.date.slice(0, 10);
  return r.defaultSize
    ? `${day}.json`
    : `${day}-${r.data.partnerships}x${r.data.measures}x${r.data.years}.json`;
}
