// A multi-part measure's legend has room for every label: 6.4's two components are named in full (they
// were cut to "Referrals to the IDVA service that had a…"), and the chart grows by a legend row for them,
// so that the legend is drawn inside the image, its full size and as a small multiple.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChartRenderer, type ChartRenderer } from '../../src/charts/chart-renderer.js';
import { jobOf } from '../../src/charts/chart-service.js';
import type { ChartSpec } from '../../src/charts/chart-spec.js';
import { cumulativeChart } from '../../src/charts/cumulative-chart.js';
import { chartPlan, type ChartPlan } from './chart-plan.js';
import { pixelsOf } from './png.js';

let stockton: ChartPlan;
let renderer: ChartRenderer;
beforeAll(async () => {
  stockton = await chartPlan();
  renderer = createChartRenderer({ log: pino({ level: 'silent' }) });
});
afterAll(async () => {
  await Promise.all([stockton?.close(), renderer?.close()]);
});

const labels = (spec: ChartSpec) => spec.config.data.datasets.map((d) => d.label);

/** Whether a band of pixel rows is all white: nothing drawn there. */
async function blankRows(spec: ChartSpec, from: number, to: number): Promise<boolean> {
  const drawn = await renderer.chart(jobOf(spec));
  if (!drawn.ok) throw new Error('not drawn');
  const px = await pixelsOf(drawn.png);
  for (let y = from; y < to; y += 1)
    for (let x = 0; x < px.width; x += 1) {
      const [r, g, b] = px.at(x, y);
      if (r < 235 || g < 235 || b < 235) return false;
    }
  return true;
}

describe('the legend of 6.4, a measure of two components', () => {
  it('names each component in full', async () => {
    for (const compact of [false, true]) {
      const spec = cumulativeChart(await stockton.series('6.4', '2015/16 Q4'), { compact });
      expect(labels(spec)).toEqual([
        'Referrals to the IDVA service that had a full assessment (headline)',
        'Referrals that engaged in a structured intervention',
        'Target (headline)',
      ]);
    }
  });

  it('makes the chart a legend row taller than a one-series chart of the same kind', async () => {
    const parts = cumulativeChart(await stockton.series('6.4', '2015/16 Q4'));
    const one = cumulativeChart(await stockton.series('6.2', '2015/16 Q4'));
    expect(parts.height).toBeGreaterThan(one.height);
    const small = cumulativeChart(await stockton.series('6.4', '2015/16 Q4'), { compact: true });
    expect(small.height).toBeGreaterThan(
      cumulativeChart(await stockton.series('6.2', '2015/16 Q4'), { compact: true }).height,
    );
  });

  it('is drawn inside the image, with a margin left at its foot', async () => {
    for (const compact of [false, true]) {
      const spec = cumulativeChart(await stockton.series('6.4', '2015/16 Q4'), { compact });
      expect(await blankRows(spec, spec.height - 4, spec.height)).toBe(true);
    }
  });
});
