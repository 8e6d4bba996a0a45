// The results as the tables printed at the end of a run.
import type { BenchResult, ServerRun } from './bench-result.js';
import type { SoakRun } from './soak.js';
import type { Latency } from './stats.js';

const fmt = (v: number | undefined, digits = 1) =>
  v === undefined || Number.isNaN(v) ? '–' : v.toLocaleString('en-GB', { maximumFractionDigits: digits });

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const lat = (l: Latency | undefined) => (l ? `${fmt(l.p50)} / ${fmt(l.p95)} / ${fmt(l.p99)}` : '–');

function sideBySide(r: BenchResult): string {
  const row = (label: string, of: (s: ServerRun) => string, ratio = '') => [
    label,
    of(r.bot),
    of(r.echo),
    ratio,
  ];
  return table(
    ['', 'perfbot', 'echo bot', 'perfbot/echo'],
    [
      row('throughput (req/s)', (s) => fmt(s.throughput), fmt(r.ratio.throughput, 2)),
      row(
        'server CPU per request (ms)',
        (s) => fmt(s.cpuMsPerRequest, 2),
        fmt(r.bot.cpuMsPerRequest / r.echo.cpuMsPerRequest, 2),
      ),
      row(
        'all, p50 / p95 / p99 (ms)',
        (s) => lat(s.client.all),
        `${fmt(r.ratio.p50, 2)} / ${fmt(r.ratio.p95, 2)}`,
      ),
      row('status one at a time just after start, server side (ms)', (s) => lat(s.soloAfterStart.server)),
      row('status one at a time just after start, CPU (ms)', (s) => fmt(s.soloAfterStart.cpuMsPerRequest, 2)),
      row('status one at a time, client (ms)', (s) => lat(s.solo.client)),
      row('status one at a time, server side (ms)', (s) => lat(s.solo.server)),
      row('status one at a time, CPU (ms)', (s) => fmt(s.solo.cpuMsPerRequest, 2)),
      row('submission one at a time, server side (ms)', (s) => lat(s.soloSubmit.server)),
      row('submission one at a time, CPU (ms)', (s) => fmt(s.soloSubmit.cpuMsPerRequest, 2)),
      row('status under load, client (ms)', (s) => lat(s.client.status)),
      row('status under load, server side (ms)', (s) => lat(s.server.status)),
      row('submission, client (ms)', (s) => lat(s.client.submit)),
      row('summary, client (ms)', (s) => lat(s.client.summary)),
      row('errors / failed turns', (s) => `${s.errors} / ${s.turnFailures}`),
      row('RSS at start → peak (MB)', (s) => `${fmt(s.startupRssMB, 0)} → ${fmt(s.peakRssMB, 0)}`),
      row('heap used / total after (MB)', (s) => `${s.memory.heapUsed} / ${s.memory.heapTotal}`),
      row('load average (start → end)', (s) => `${fmt(s.load.start, 2)} → ${fmt(s.load.end, 2)}`),
    ],
  );
}

function reports(r: BenchResult): string {
  const x = r.reports;
  const n = r.data.partnerships;
  return table(
    ['', 'one partnership', `all ${n}`],
    [
      ['weekly summary (ms)', fmt(x.weeklySummaryOneMs), fmt(x.weeklySummaryAllMs)],
      ['summaries job, writes outbox (ms)', '', fmt(x.summaryTickAllMs)],
      ['dashboard, HTML (ms)', fmt(x.dashboardHtmlOneMs), fmt(x.dashboardHtmlAllMs)],
      ['dashboard, XLSX (ms)', fmt(x.dashboardXlsxOneMs), fmt(x.dashboardXlsxAllMs)],
      ['status chart PNG, first / next (ms)', `${fmt(x.chartFirstMs)} / ${fmt(x.chartMs)}`, ''],
      ['bot peak RSS after these (MB)', '', fmt(r.botPeakRssAfterReportsMB, 0)],
    ],
  );
}

function history(r: BenchResult): string {
  return table(
    ['years of history', 'returns', 'status client p50 / p95 / p99', 'server side p50 / p95 / p99', 'CPU ms'],
    r.history.map((h) => [
      String(h.years),
      fmt(h.returns, 0),
      lat(h.client),
      lat(h.server),
      fmt(h.cpuMsPerRequest, 2),
    ]),
  );
}

function soak(s: SoakRun): string {
  return table(
    ['', 'perfbot'],
    [
      ['requests, errors', `${fmt(s.requests, 0)}, ${s.errors}`],
      ['throughput (req/s)', fmt(s.throughput)],
      [
        'RSS first → last, peak (MB)',
        `${fmt(s.firstRssMB, 0)} → ${fmt(s.lastRssMB, 0)}, ${fmt(s.peakRssMB, 0)}`,
      ],
      [
        'RSS mean, tenth after warm-up → last tenth (MB)',
        `${fmt(s.firstWindowMB)} → ${fmt(s.lastWindowMB)} (×${fmt(s.growth, 3)})`,
      ],
      ['flat (within 10%)', s.flat ? 'yes' : 'NO'],
    ],
  );
}

function targets(r: BenchResult): string {
  return table(
    ['target', 'wanted', 'measured', ''],
    r.targets.map((t) => [t.name, t.target, `${fmt(t.value, 2)} ${t.unit}`, t.met ? 'met' : 'MISSED']),
  );
}

export function printTable(r: BenchResult): string {
  const d = r.data;
  const o = r.options;
  const m = r.machine;
  return [
    `perfbot benchmark ${r.date.slice(0, 10)}: ${d.partnerships} partnerships × ${d.measures} measures × ${d.years} years` +
      ` (${fmt(d.returns, 0)} returns), ${o.requests} requests at concurrency ${o.concurrency}` +
      ` (mix status ${o.mix.status} / submit ${o.mix.submit} / summary ${o.mix.summary})`,
    `${m.cpu}, ${m.cpus} CPUs, ${m.memoryGB} GB, ${m.os}, node ${m.node}; load average ${m.loadStart} at start, ${m.loadEnd} at end`,
    `servers run with node ${o.nodeFlags?.join(' ') || '(no flags)'}${o.tsx !== false ? ' --import tsx on the sources' : ' on the build (tsc), as npm run start:prod'}`,
    '',
    sideBySide(r),
    '',
    reports(r),
    ...(r.history.length > 0
      ? [
          '',
          `status latency as history grows (${r.history[0]?.partnerships} partnerships × ${d.measures} measures, concurrency ${r.history[0]?.concurrency})`,
          history(r),
        ]
      : []),
    ...(r.soak
      ? [
          '',
          `soak: ${r.soak.seconds} s of the mixed load at concurrency ${r.soak.concurrency}, fresh bot, RSS every ${r.soak.sampleEveryS} s`,
          soak(r.soak),
        ]
      : []),
    '',
    targets(r),
    r.defaultSize ? '' : '(the targets are set for the default size, 50 × 60 × 5 years)',
    `Client side: request sent → response received (a message's reply has reached the connector by then).`,
    `Server side: request arrived → response finished, inside the server process. Took ${fmt(r.durationMs / 1000, 0)} s.`,
  ].join('\n');
}
