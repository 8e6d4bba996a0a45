// The benchmark runs end to end at a tiny size: both bots answer the load, the summaries, dashboards and
// chart are built, and the results file has its shape. Timings are not checked (the benchmark measures
// speed; a timed test would only be flaky).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../bench/bench-options.js';
import type { BenchResult } from '../../bench/bench-result.js';
import { printTable } from '../../bench/print-table.js';
import { runBenchmark } from '../../bench/run-benchmark.js';

const out = mkdtempSync(join(tmpdir(), 'perfbot-bench-smoke-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run bench', () => {
  it(
    'drives perfbot and the echo bot and writes results/<date>-<size>.json',
    { timeout: 90_000 },
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
      });
      const saved = JSON.parse(
        readFileSync(join(out, `${result.date.slice(0, 10)}-2x5x1.json`), 'utf8'),
      ) as BenchResult;
      expect(saved).toMatchObject({
        version: 1,
        defaultSize: false,
        data: { partnerships: 2, measures: 5, years: 1 },
        options: { requests: 30, concurrency: 2 },
      });
      for (const bot of [saved.bot, saved.echo]) {
        expect(bot.errors).toBe(0);
        expect(bot.turnFailures).toBe(0);
        expect(bot.client.all?.n).toBe(30);
        expect(bot.server.all?.n).toBe(30);
        expect(bot.client.status?.p50).toBeGreaterThan(0);
        expect(bot.solo.server.n).toBe(5);
        expect(bot.peakRssMB).toBeGreaterThan(0);
      }
      // The status questions were answered through the connector, and submissions were stored.
      expect(saved.bot.repliesPosted).toBeGreaterThan(0);
      expect(saved.bot.submissions?.stored).toBeGreaterThan(0);
      expect(Object.values(saved.reports).every((v) => typeof v === 'number' && v > 0)).toBe(true);
      expect(saved.history).toEqual([expect.objectContaining({ years: 1, partnerships: 1 })]);
      expect(saved.targets.map((t) => t.name)).toContain('throughput, perfbot / echo');
      expect(printTable(saved)).toMatch(/perfbot\s+echo bot/);
    },
  );
});
