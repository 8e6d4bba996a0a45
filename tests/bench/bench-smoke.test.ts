// The benchmark runs end to end at a tiny size, compiled as for npm run start:prod: both bots answer the load, the summaries, dashboards and
// chart are built, a few seconds' soak samples the bot's memory, and the results file has its shape. Timings are not checked (the benchmark measures
// speed; a timed test would only be flaky).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../bench/bench-options.js';
import type { BenchResult } from '../../bench/bench-result.js';
import { printTable } from '../../bench/print-table.js';
import { productionNodeFlags } from '../../bench/production-node-flags.js';
import { runBenchmark } from '../../bench/run-benchmark.js';

const out = mkdtempSync(join(tmpdir(), 'perfbot-bench-smoke-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run bench', () => {
  it(
    'drives perfbot and the echo bot and writes results/<date>-<size>.json',
    { timeout: 240_000 },
    async () => {
      const result = await runBenchmark({
        ...DEFAULTS,
        partnerships: 2,
        measures: 5,
        years: 1,
        concurrency: 2,
        requests: 30,
        warmup: 5,
        soloRequests: 5,
        historyYears: [1],
        historyPartnerships: 1,
        historyRequests: 5,
        reportRuns: 1,
        chartRuns: 1,
        outDir: out,
        logLevel: 'silent',
        soakSeconds: 3,
      });
      const saved = JSON.parse(
        readFileSync(join(out, `${result.date.slice(0, 10)}-2x5x1.json`), 'utf8'),
      ) as BenchResult;
      expect(saved).toMatchObject({
        version: 1,
        defaultSize: false,
        data: { partnerships: 2, measures: 5, years: 1 },
        // Both servers ran as npm run start:prod runs: node on the compiled build, with its flags.
        options: { requests: 30, concurrency: 2, tsx: false, nodeFlags: productionNodeFlags() },
      });
      for (const bot of [saved.bot, saved.echo]) {
        expect(bot.errors).toBe(0);
        expect(bot.turnFailures).toBe(0);
        expect(bot.client.all?.n).toBe(30);
        expect(bot.server.all?.n).toBe(30);
        expect(bot.client.status?.p50).toBeGreaterThan(0);
        expect(bot.soloAfterStart.server.n).toBe(5);
        expect(bot.solo.server.n).toBe(5);
        expect(bot.soloSubmit.server.n).toBe(2);
        expect(bot.peakRssMB).toBeGreaterThan(0);
      }
      // The status questions were answered through the connector, and submissions were stored.
      expect(saved.bot.repliesPosted).toBeGreaterThan(0);
      expect(saved.bot.submissions?.stored).toBeGreaterThan(0);
      expect(Object.values(saved.reports).every((v) => typeof v === 'number' && v > 0)).toBe(true);
      expect(saved.history).toEqual([expect.objectContaining({ years: 1, partnerships: 1 })]);
      expect(saved.targets.map((t) => t.name)).toEqual(
        expect.arrayContaining([
          'throughput, perfbot / echo',
          'server CPU per request, mixed load',
          'status p50, server side, one at a time (warm)',
          'submission p50, server side, one at a time (warm)',
        ]),
      );
      // The soak ran against a fresh bot with start:prod's node flags, sampling its RSS along the way.
      expect(saved.options.nodeFlags).toEqual(productionNodeFlags());
      expect(saved.soak).toMatchObject({ seconds: 3, concurrency: 2, errors: 0 });
      expect(saved.soak?.requests).toBeGreaterThan(0);
      expect(saved.soak?.samples.length).toBeGreaterThanOrEqual(5);
      expect(saved.soak?.peakRssMB).toBeGreaterThanOrEqual(saved.soak?.lastRssMB ?? Infinity);
      expect(typeof saved.soak?.flat).toBe('boolean');
      expect(saved.targets.map((t) => t.name)).toContain(
        'RSS over the 3 s soak, last tenth / first after warm-up',
      );
      expect(printTable(saved)).toMatch(/perfbot\s+echo bot/);
      expect(printTable(saved)).toMatch(/soak: 3 s of the mixed load/);
    },
  );
});
