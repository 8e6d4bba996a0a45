// The renderer draws in a worker thread with a time limit: a drawing over the limit is stopped and
// answered as such, too many waiting drawings are refused as busy, an idle worker is stopped, and
// nothing hangs.
import { createCanvas } from '@napi-rs/canvas';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createChartRenderer, type ChartRenderer } from '../../src/charts/chart-renderer.js';
import { jobOf } from '../../src/charts/chart-service.js';
import { ragDistributionChart } from '../../src/charts/rag-distribution.js';
import { isPng, pngSize } from './png.js';

const log = pino({ level: 'silent' });
const job = jobOf(ragDistributionChart({ red: 1, amber: 2, green: 3, none: 4 }, 'A partnership'));
let renderers: ChartRenderer[] = [];
const renderer = (o: { timeoutMs?: number; maxQueue?: number; idleMs?: number } = {}) => {
  const r = createChartRenderer({ log, ...o });
  renderers.push(r);
  return r;
};

afterEach(async () => {
  await Promise.all(renderers.map((r) => r.close()));
  renderers = [];
});

describe('chart renderer', () => {
  it('draws one chart after another in its worker', async () => {
    const r = renderer();
    const [a, b] = await Promise.all([r.chart(job), r.chart({ ...job, width: 300, height: 150 })]);
    expect(a.ok && isPng(a.png) && pngSize(a.png)).toEqual({ width: 600, height: 320 });
    expect(b.ok && pngSize(b.png)).toEqual({ width: 300, height: 150 });
  });

  it('starts one worker on the first chart, stops it when idle, and starts a fresh one for the next', async () => {
    const r = renderer({ idleMs: 100 });
    expect(r.hasWorker()).toBe(false);
    const drawn = await Promise.all([r.chart(job), r.chart(job), r.chart(job)]);
    expect(drawn.every((d) => d.ok)).toBe(true);
    expect(r.hasWorker()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(r.hasWorker()).toBe(false);
    expect(await r.chart(job)).toMatchObject({ ok: true });
    expect(r.hasWorker()).toBe(true);
  });

  it('stops a drawing that takes too long, and answers the next one', async () => {
    const r = renderer({ timeoutMs: 1 });
    const first = await r.chart(job);
    expect(first).toMatchObject({
      ok: false,
      code: 'timeout',
      error: expect.stringMatching(/took over 1 ms/),
    });
    expect(await r.chart(job)).toMatchObject({ ok: false, code: 'timeout' });
  });

  it('refuses drawings beyond its queue as busy', async () => {
    const r = renderer({ maxQueue: 1 });
    await r.chart(job); // the worker is up: one drawing runs, one waits, the third is refused
    const answers = await Promise.all([r.chart(job), r.chart(job), r.chart(job)]);
    expect(answers.map((a) => (a.ok ? 'drawn' : a.code))).toEqual(['drawn', 'drawn', 'busy']);
  });

  it('draws small multiples as one image with a band per cell', async () => {
    const r = renderer();
    const grid = await r.grid({
      title: 'Theme',
      subtitle: 'Two measures',
      cells: [job, job],
      bands: ['#c0392b', '#2e7d32'],
      columns: 2,
      background: '#ffffff',
    });
    expect(grid.ok && pngSize(grid.png)).toEqual({ width: 2 * 600 + 3 * 12, height: 64 + 320 + 2 * 12 });
  });

  it('answers every waiting drawing when closed', async () => {
    const r = renderer();
    const pending = r.chart(job);
    await r.close();
    expect(await pending).toMatchObject({ ok: false });
    expect(createCanvas(1, 1)).toBeTruthy();
  });
});
