// The chart configurations for each kind of measure, from the Stockton example's figures and a small plan
// with the kinds it lacks: the right series, gaps (null, never zero) where nothing came in, no target line
// for monitoring measures, small counts of sensitive measures left out, and every configuration one our
// own /chart endpoint accepts.
import type { ChartDataset } from 'chart.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkChartConfig } from '../../src/charts/check-chart-config.js';
import type { ChartSpec } from '../../src/charts/chart-spec.js';
import { cumulativeChart } from '../../src/charts/cumulative-chart.js';
import { inPeriodChart } from '../../src/charts/in-period-chart.js';
import { quickChartUrl } from '../../src/charts/quickchart-url.js';
import { ragDistributionChart } from '../../src/charts/rag-distribution.js';
import { themeSmallMultiples } from '../../src/charts/theme-multiples.js';
import { chartPlan, chartPlanYaml, type ChartPlan } from './chart-plan.js';

let stockton: ChartPlan;
let shire: ChartPlan;

beforeAll(async () => {
  [stockton, shire] = await Promise.all([chartPlan(), chartPlan(chartPlanYaml())]);
});
afterAll(async () => {
  await Promise.all([stockton?.close(), shire?.close()]);
});

type Line = ChartDataset<'line', (number | null)[]>;
const datasets = (spec: ChartSpec) => spec.config.data.datasets as Line[];
const byLabel = (spec: ChartSpec, label: string) => {
  const found = datasets(spec).find((d) => d.label === label);
  if (!found)
    throw new Error(
      `no dataset "${label}" in ${datasets(spec)
        .map((d) => d.label)
        .join(', ')}`,
    );
  return found.data;
};
const options = (spec: ChartSpec) => spec.config.options as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const subtitle = (spec: ChartSpec) => [options(spec).plugins.subtitle.text].flat().join(' | ');

describe('cumulative chart (a)', () => {
  it('sum: 2.2 adds the quarters up against the target profile and last year', async () => {
    const spec = cumulativeChart(await stockton.series('2.2', '2015/16 Q4'));
    expect(spec.config.type).toBe('line');
    expect(spec.config.data.labels).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(byLabel(spec, '2015/16 year to date')).toEqual([336, 700, 1139, 1628]);
    expect(byLabel(spec, 'Target to date')).toEqual([267, 534, 801, 1068]);
    expect(byLabel(spec, '2014/15')).toHaveLength(4);
    expect(options(spec).plugins.title.text).toBe('2.2 Reduce violence without injury');
    expect(subtitle(spec)).toContain('Red: Significant concern');
    expect(options(spec).scales.y.title.text).toBe('Count, year to date');
    expect(options(spec).scales.x.title.text).toBe('Quarter of 2015/16');
  });

  it('sum by month: a month with no return is a gap labelled "no data", not a zero', async () => {
    const spec = cumulativeChart(await shire.series('1.1', '2015-12'));
    const ytd = byLabel(spec, '2015/16 year to date');
    expect(ytd).toHaveLength(12);
    expect(ytd.slice(0, 3)).toEqual([88, 179, 274]);
    expect(ytd[3]).toBeNull();
    expect(ytd.slice(9)).toEqual([null, null, null]);
    expect(spec.config.data.labels?.[3]).toEqual(['Jul', '(no data)']);
    expect(spec.config.data.labels?.[9]).toBe('Jan');
    expect(datasets(spec).every((d) => d.spanGaps === false)).toBe(true);
    expect(byLabel(spec, 'Target to date')[11]).toBe(1200);
    expect(options(spec).scales.x.title.text).toBe('Month of 2015/16');
    expect(subtitle(spec)).toContain('Gaps: no figures came in');
  });

  it('latest: 1.2 draws each quarter’s percentage against the flat target', async () => {
    const spec = cumulativeChart(await stockton.series('1.2', '2015/16 Q4'));
    expect(byLabel(spec, '2015/16')).toEqual([94, 92, 90, 94]);
    expect(byLabel(spec, 'Target')).toEqual([90, 90, 90, 90]);
    expect(options(spec).scales.y.title.text).toBe('Per cent (%), latest figure');
  });

  it('ratio: 1.2 adds numerators and denominators before dividing, to one decimal place', async () => {
    const spec = cumulativeChart(await shire.series('1.2', '2015/16 Q3'));
    // 48/90, (48+52)/(90+94), (48+52+55)/(90+94+93)
    expect(byLabel(spec, '2015/16 year to date')).toEqual([53.3, 54.3, 56, null]);
    expect(byLabel(spec, 'Target')).toEqual([55, 55, 55, 55]);
    expect(options(spec).scales.y.title.text).toBe('Per cent (%), year to date');
  });

  it('rank: 1.3 puts rank 1 at the top', async () => {
    const spec = cumulativeChart(await shire.series('1.3', '2015/16 Q4'));
    expect(byLabel(spec, '2015/16')).toEqual([7, 6, 4, 5]);
    expect(options(spec).scales.y).toMatchObject({ reverse: true, min: 1 });
  });

  it('multi-part: the headline first and bold, each part a line, the target and last year of the headline', async () => {
    const spec = cumulativeChart(await shire.series('1.5', '2015/16 Q4'));
    expect(datasets(spec).map((d) => d.label)).toEqual([
      'Police incidents (headline)',
      'Council reports',
      'Target to date (headline)',
      '2014/15 (headline)',
    ]);
    expect(byLabel(spec, 'Police incidents (headline)')).toEqual([650, 1240, 1810, 2330]);
    expect(byLabel(spec, 'Council reports')).toEqual([200, 415, 595, 755]);
    expect(byLabel(spec, 'Target to date (headline)')).toEqual([600, 1200, 1800, 2400]);
    const [head, part] = datasets(spec);
    expect(head?.borderWidth).toBeGreaterThan(part?.borderWidth as number);
    expect(head?.borderDash).not.toEqual(part?.borderDash);
    expect(spec.height).toBeGreaterThan(400);
  });

  it('monitoring only: 1.1 has no target line and says so', async () => {
    const spec = cumulativeChart(await stockton.series('1.1', '2015/16 Q4'));
    expect(datasets(spec).map((d) => d.label)).toEqual([
      'Repeat callers to the ASB Hotline (headline)',
      'Repeat callers to the Police',
    ]);
    expect(subtitle(spec)).toContain('Monitoring only');
    expect(subtitle(spec)).toContain('No target line');
    expect(subtitle(spec)).toContain('No figures for 2014/15');
  });

  it('missing data: 3.3 Q4 "not available" is a gap in every part, labelled "no data"', async () => {
    const spec = cumulativeChart(await stockton.series('3.3', '2015/16 Q4'));
    expect(spec.config.data.labels?.[3]).toEqual(['Q4', '(no data)']);
    for (const d of datasets(spec).filter((x) => !String(x.label).startsWith('Target')))
      expect(d.data[3]).toBeNull();
    expect(subtitle(spec)).toContain('No data yet');
  });

  it('sensitive counts: nothing under 5 is drawn, nor a later year to date that would give it away', async () => {
    const spec = cumulativeChart(await shire.series('2.1', '2015/16 Q4'));
    // Q1 is 3: every year to date after it would reveal it by subtraction.
    expect(byLabel(spec, '2015/16 year to date')).toEqual([null, null, null, null]);
    expect(subtitle(spec)).toContain('Counts under 5 not shown');
    const bars = inPeriodChart(await shire.series('2.1', '2015/16 Q4'));
    expect(bars.config.data.datasets[0]?.data).toEqual([null, 12, null, 9]);
    expect(bars.config.data.datasets[1]?.data).toEqual([null, 7, 6, null]);
    expect(bars.config.data.labels?.[0]).toEqual(['Q1', '(under 5)']);
  });

  it('annual: 1.4 is three bars, last year, this year and the target', async () => {
    const spec = cumulativeChart(await shire.series('1.4', '2015/16'));
    expect(spec.config.type).toBe('bar');
    expect(spec.config.data.labels).toEqual(['2014/15', '2015/16', 'Target 2015/16']);
    expect(spec.config.data.datasets[0]?.data).toEqual([104, 87, 90]);
  });
});

describe('in-period chart (b)', () => {
  it('puts each quarter of 2.2 beside the same quarter last year', async () => {
    const spec = inPeriodChart(await stockton.series('2.2', '2015/16 Q4'));
    expect(spec.config.type).toBe('bar');
    expect(spec.config.data.datasets.map((d) => d.label)).toEqual(['2015/16', '2014/15']);
    expect(spec.config.data.datasets[0]?.data).toEqual([336, 364, 439, 489]);
    expect(options(spec).scales.y.title.text).toBe('Count, in the quarter');
  });

  it('adds a monthly measure’s months up to quarters, and leaves quarters after the period empty', async () => {
    const spec = inPeriodChart(await shire.series('1.1', '2015-12'));
    expect(spec.config.data.labels).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(spec.config.data.datasets[0]?.data).toEqual([274, 176, 266, null]);
    expect(spec.config.data.datasets[1]?.data).toEqual([296, 311, 305, 286]);
  });
});

describe('RAG distribution (c) and small multiples (d)', () => {
  it('labels each bar with its RAG in words and its count, in the RAG colours', () => {
    const spec = ragDistributionChart({ red: 4, amber: 3, green: 10, none: 5 }, 'Safer Stockton: 2015/16 Q4');
    expect(spec.config.data.labels).toEqual(['Red 4', 'Amber 3', 'Green 10', 'No RAG 5']);
    expect(spec.config.data.datasets[0]?.data).toEqual([4, 3, 10, 5]);
    expect(new Set(spec.config.data.datasets[0]?.backgroundColor as string[]).size).toBe(4);
    expect(options(spec).scales.y.title.text).toBe('Number of measures');
    expect(spec.alt).toContain('Red 4, Amber 3, Green 10, No RAG 5 (22 measures)');
  });

  it('draws a theme as one small chart per measure with figures, with each one’s RAG band', async () => {
    const violence = await Promise.all(['2.1', '2.2', '2.3'].map((r) => stockton.series(r, '2015/16 Q4')));
    const grid = themeSmallMultiples('Violent crime and robbery', '2015/16 Q4', violence);
    expect(grid.cells).toHaveLength(3);
    expect(grid.cells.every((c) => c.width === 420 && c.height === 280)).toBe(true);
    expect(grid.bands).toHaveLength(3);
    expect(grid.title).toBe('Violent crime and robbery: year to date, 2015/16 Q4');
  });
});

describe('every configuration', () => {
  it('is plain JSON that our /chart endpoint accepts, and travels whole in a QuickChart link', async () => {
    const specs: ChartSpec[] = [
      ragDistributionChart({ red: 1, amber: 2, green: 3, none: 0 }, 'RAG'),
      ...(await Promise.all(
        [
          ['2.2', '2015/16 Q4'],
          ['1.1', '2015/16 Q4'],
          ['3.3', '2015/16 Q4'],
          ['6.1', '2015/16 Q4'],
        ].map(async ([r, p]) => cumulativeChart(await stockton.series(r as string, p as string))),
      )),
      ...(await Promise.all(
        [
          ['1.1', '2015-12'],
          ['1.4', '2015/16'],
          ['2.1', '2015/16 Q4'],
        ].map(async ([r, p]) => inPeriodChart(await shire.series(r as string, p as string))),
      )),
    ];
    for (const spec of specs) {
      const json = JSON.parse(JSON.stringify(spec.config)) as unknown;
      const checked = checkChartConfig(json);
      expect(checked.ok ? 'accepted' : checked.error).toBe('accepted');
      const url = new URL(quickChartUrl(spec, 'https://perfbot.example.org/base'));
      expect(`${url.origin}${url.pathname}`).toBe('https://perfbot.example.org/base/chart');
      expect(JSON.parse(url.searchParams.get('c') ?? '')).toEqual(json);
      expect(url.searchParams.get('w')).toBe(String(spec.width));
      expect(url.searchParams.get('f')).toBe('png');
      expect(url.searchParams.get('v')).toBe('4');
    }
  });
});
