// The soak calls RSS flat when the last tenth's mean is within 10% of the mean of the tenth after the
// warm-up; the benchmark's servers get the node flags of npm run start:prod.
import { describe, expect, it } from 'vitest';
import { nodeFlagsOf } from '../../bench/production-node-flags.js';
import { flatness, sampleEveryMs, type SoakSample } from '../../bench/soak.js';

const samples = (rss: number[], seconds: number): SoakSample[] =>
  rss.map((rssMB, i) => ({ atS: (i * seconds) / (rss.length - 1), rssMB, heapUsedMB: 0 }));

describe('soak', () => {
  it('is flat when RSS settles after the warm-up, however high the warm-up went', () => {
    const run = samples([100, 200, 205, 198, 202, 199, 204, 201, 203, 206, 200], 100);
    expect(flatness(run, 100)).toMatchObject({ firstWindowMB: 200, flat: true });
  });

  it('is not flat when RSS creeps up by more than 10%', () => {
    const run = samples([100, 200, 205, 210, 215, 220, 225, 230, 235, 240, 245], 100);
    expect(flatness(run, 100)).toMatchObject({
      firstWindowMB: 200,
      lastWindowMB: 242.5,
      growth: 1.213,
      flat: false,
    });
  });

  it('samples every 5 s, or 20 times over a short soak', () => {
    expect(sampleEveryMs(600)).toBe(5000);
    expect(sampleEveryMs(10)).toBe(500);
    expect(sampleEveryMs(1)).toBe(200);
  });

  it('reads the node flags of the start:prod script', () => {
    expect(nodeFlagsOf('node --enable-source-maps --max-semi-space-size=4 dist/src/main.js')).toEqual([
      '--enable-source-maps',
      '--max-semi-space-size=4',
    ]);
    expect(nodeFlagsOf('node dist/src/main.js')).toEqual([]);
  });
});
