// The chart endpoints on the real server. GET/POST /chart draws QuickChart requests as PNG (checked by
// signature, size and pixels) and refuses anything it should not draw with a 400 and the reason; the
// status card's chart is a signed /chart/status.png link, drawn from the database, that still works
// after a restart and draws nothing when tampered with. Every chart kind is saved under
// test-output/charts/ to be looked at.
import { mkdirSync, writeFileSync } from 'node:fs';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartSigningKey } from '../../src/charts/chart-key.js';
import { createChartLinks } from '../../src/charts/chart-link.js';
import type { ChartSpec } from '../../src/charts/chart-spec.js';
import { RAG_COLOURS, SERIES } from '../../src/charts/chart-style.js';
import { cumulativeChart } from '../../src/charts/cumulative-chart.js';
import { inPeriodChart } from '../../src/charts/in-period-chart.js';
import { messageChart } from '../../src/charts/message-chart.js';
import { quickChartUrl } from '../../src/charts/quickchart-url.js';
import { ragDistributionChart } from '../../src/charts/rag-distribution.js';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/server/start-server.js';
import { startFakeConnector, type FakeConnector } from '../fakes/bot-connector.js';
import { chartPlan, chartPlanYaml, type ChartPlan } from '../charts/chart-plan.js';
import { isPng, pixelsOf, pngSize } from '../charts/png.js';
import { tamperedSignature } from '../helpers/tamper.js';
import { cardOf, nodesOf, postActivity, teamsActivity } from '../channels/teams/teams-client.js';
import { FIXED_NOW, startTestServer, type TestServer } from '../channels/test-server.js';

const OUT = 'test-output/charts';
let connector: FakeConnector;
let t: TestServer;
let chartUrl: string;
let stockton: ChartPlan;
let shire: ChartPlan;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  connector = await startFakeConnector();
  t = await startTestServer();
  [stockton, shire] = await Promise.all([chartPlan(), chartPlan(chartPlanYaml())]);
  await postActivity(t.server.url, teamsActivity('personal-message', connector, { text: 'status of 2.2' }));
  const [sent] = await connector.waitFor(1);
  const image = nodesOf(cardOf(sent?.activity ?? {})).find((n) => n.type === 'Image');
  chartUrl = String(image?.url);
});
afterAll(async () => {
  await t?.close();
  await connector?.close();
  await Promise.all([stockton?.close(), shire?.close()]);
});

async function png(url: string | URL, init?: RequestInit): Promise<Buffer> {
  const res = await fetch(url, init);
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`${res.status}: ${body.toString('utf8')}`);
  expect(res.headers.get('content-type')).toBe('image/png');
  expect(isPng(body)).toBe(true);
  return body;
}

describe('the status chart link', () => {
  it('is a signed PNG link on this server for 2.2 in 2015/16 Q4', () => {
    const url = new URL(chartUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${t.server.url}/chart/status.png`);
    expect(url.searchParams.get('ref')).toBe('2.2');
    expect(url.searchParams.get('period')).toBe('2015/16 Q4');
    expect(url.searchParams.get('sig')).toMatch(/^[\w-]{32}$/);
    expect(url.searchParams.has('c')).toBe(false);
  });

  it('draws the year to date, the target and last year from the database', async () => {
    const bytes = await png(chartUrl);
    writeFileSync(`${OUT}/status-2.2.png`, bytes);
    expect(pngSize(bytes)).toEqual({ width: 720, height: 400 });
    const px = await pixelsOf(bytes);
    expect(px.at(2, 2)).toEqual([255, 255, 255, 255]);
    expect(px.count(SERIES.actual.colour)).toBeGreaterThan(1000);
    expect(px.count(SERIES.target.colour, 8)).toBeGreaterThan(150);
    expect(px.count(SERIES.lastYear.colour)).toBeGreaterThan(150);
  });

  it('draws the quarters as bars when asked for view=quarters', async () => {
    const url = new URL(chartUrl);
    url.searchParams.set('view', 'quarters');
    const bytes = await png(url);
    writeFileSync(`${OUT}/status-2.2-quarters.png`, bytes);
    expect((await pixelsOf(bytes)).count(SERIES.actual.colour)).toBeGreaterThan(10_000);
  });

  it('draws nothing for a link the bot did not sign', async () => {
    const forged = new URL(chartUrl);
    forged.searchParams.set('ref', '2.1');
    const res = await fetch(forged);
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/not valid: ask the bot for the status again/);
    forged.searchParams.set('ref', '2.2');
    forged.searchParams.set('sig', tamperedSignature(forged.searchParams.get('sig')));
    expect((await fetch(forged)).status).toBe(403);
    forged.searchParams.delete('sig');
    expect((await fetch(forged)).status).toBe(403);
  });

  it('carries an expiry 30 days on, covered by the signature', async () => {
    const url = new URL(chartUrl);
    expect(Number(url.searchParams.get('e')) * 1000).toBe(FIXED_NOW.getTime() + 30 * 86_400_000);
    url.searchParams.set('e', String(Number(url.searchParams.get('e')) + 86_400));
    const res = await fetch(url);
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/not valid: ask the bot for the status again/);
  });

  it('stops drawing once expired, and says so', async () => {
    const key = await chartSigningKey(t.db.prisma, undefined, FIXED_NOW);
    const links = createChartLinks({ baseUrl: () => t.server.url, quickChartBase: null, key, days: 30 });
    const made = (daysAgo: number) =>
      links.statusUrl('2.2', '2015/16 Q4', new Date(FIXED_NOW.getTime() - daysAgo * 86_400_000), 'stockton');
    await png(made(29));
    const res = await fetch(made(31));
    expect(res.status).toBe(403);
    expect((await res.text()).trim()).toBe(
      'This chart link expired on Sunday 1 May 2016: ask the bot for the status again.',
    );
  });

  it('still draws after a restart: the key is kept in the database', async () => {
    const { pathname, search } = new URL(chartUrl);
    const config = { ...loadConfig({ HOST: '127.0.0.1', REMINDERS: 'off' }), PORT: 0 };
    const again = await startServer({
      config,
      db: t.db.prisma,
      clock: () => FIXED_NOW,
      log: pino({ level: 'silent' }),
    });
    try {
      await png(`${again.url}${pathname}${search}`);
    } finally {
      await again.close();
    }
  });

  it('is signed with CHART_SIGNING_KEY when set, so servers sharing the key accept each other’s links', async () => {
    const key = 'k'.repeat(40);
    const servers: RunningServer[] = [];
    try {
      for (const db of [stockton.db, t.db]) {
        const config = {
          ...loadConfig({ HOST: '127.0.0.1', REMINDERS: 'off', CHART_SIGNING_KEY: key }),
          PORT: 0,
        };
        servers.push(
          await startServer({
            config,
            db: db.prisma,
            clock: () => FIXED_NOW,
            log: pino({ level: 'silent' }),
          }),
        );
      }
      const [a, b] = servers as [RunningServer, RunningServer];
      const links = createChartLinks({
        baseUrl: () => a.url,
        quickChartBase: null,
        key: await chartSigningKey(t.db.prisma, key, FIXED_NOW),
        days: 30,
      });
      const path = new URL(links.statusUrl('2.3', '2015/16 Q3', FIXED_NOW));
      await png(`${b.url}${path.pathname}${path.search}`);
      expect((await fetch(new URL(`${path.pathname}${path.search}`, t.server.url))).status).toBe(403);
    } finally {
      for (const s of servers) await s.close();
    }
  });

  it('draws a theme’s measures as small multiples', async () => {
    const key = await chartSigningKey(t.db.prisma, undefined, FIXED_NOW);
    const links = createChartLinks({ baseUrl: () => t.server.url, quickChartBase: null, key, days: 30 });
    const bytes = await png(links.themeUrl('violence', '2015/16 Q4', FIXED_NOW));
    writeFileSync(`${OUT}/theme-violence.png`, bytes);
    const { width, height } = pngSize(bytes);
    expect(width).toBeGreaterThan(800);
    expect(height).toBeGreaterThan(600);
    const px = await pixelsOf(bytes);
    expect(px.count(RAG_COLOURS.red, 6)).toBeGreaterThan(3 * 6 * 200);
  });
});

interface Kind {
  name: string;
  spec: () => Promise<ChartSpec>;
  /** Colours that must be drawn, with at least this many pixels. */
  colours: [string, number][];
}

const KINDS: Kind[] = [
  {
    name: 'rag-distribution',
    spec: async () =>
      ragDistributionChart(
        { red: 4, amber: 3, green: 10, none: 5 },
        'Safer Stockton Partnership: 2015/16 Q4',
      ),
    colours: [
      [RAG_COLOURS.red, 4000],
      [RAG_COLOURS.amber, 3000],
      [RAG_COLOURS.green, 10_000],
      [RAG_COLOURS.none, 4000],
    ],
  },
  {
    name: 'sum-2.2',
    spec: async () => cumulativeChart(await stockton.series('2.2', '2015/16 Q4')),
    colours: [
      [SERIES.actual.colour, 1000],
      [SERIES.lastYear.colour, 150],
    ],
  },
  {
    name: 'sum-monthly-gap-1.1',
    spec: async () => cumulativeChart(await shire.series('1.1', '2015-12')),
    colours: [[SERIES.actual.colour, 800]],
  },
  {
    name: 'latest-1.2',
    spec: async () => cumulativeChart(await stockton.series('1.2', '2015/16 Q4')),
    colours: [[SERIES.actual.colour, 800]],
  },
  {
    name: 'ratio-1.2',
    spec: async () => cumulativeChart(await shire.series('1.2', '2015/16 Q3')),
    colours: [
      [SERIES.actual.colour, 500],
      [SERIES.lastYear.colour, 150],
    ],
  },
  {
    name: 'multi-part-1.5',
    spec: async () => cumulativeChart(await shire.series('1.5', '2015/16 Q4')),
    colours: [
      [SERIES.actual.colour, 800],
      ['#0f766e', 300],
    ],
  },
  {
    name: 'monitoring-1.1',
    spec: async () => cumulativeChart(await stockton.series('1.1', '2015/16 Q4')),
    colours: [
      [SERIES.actual.colour, 800],
      ['#0f766e', 300],
    ],
  },
  {
    name: 'missing-3.3',
    spec: async () => cumulativeChart(await stockton.series('3.3', '2015/16 Q4')),
    colours: [[SERIES.actual.colour, 300]],
  },
  {
    name: 'rank-1.3',
    spec: async () => cumulativeChart(await shire.series('1.3', '2015/16 Q4')),
    colours: [[SERIES.actual.colour, 800]],
  },
  {
    name: 'annual-1.4',
    spec: async () => cumulativeChart(await shire.series('1.4', '2015/16')),
    colours: [[SERIES.actual.colour, 10_000]],
  },
  {
    name: 'in-period-2.2',
    spec: async () => inPeriodChart(await stockton.series('2.2', '2015/16 Q4')),
    colours: [[SERIES.actual.colour, 10_000]],
  },
  {
    name: 'in-period-sensitive-2.1',
    spec: async () => inPeriodChart(await shire.series('2.1', '2015/16 Q4')),
    colours: [[SERIES.actual.colour, 3000]],
  },
  {
    name: 'narrative-only',
    spec: async () => messageChart('2.2 Partnership narrative', 'Narrative only: no figures to chart'),
    colours: [],
  },
];

describe('GET /chart (QuickChart-compatible)', () => {
  it.each(KINDS)(
    'draws $name as a PNG of the asked size with its colours',
    async ({ name, spec, colours }) => {
      const s = await spec();
      const bytes = await png(quickChartUrl(s, t.server.url));
      writeFileSync(`${OUT}/${name}.png`, bytes);
      expect(pngSize(bytes)).toEqual({ width: s.width, height: s.height });
      const px = await pixelsOf(bytes);
      expect(px.at(1, 1)).toEqual([255, 255, 255, 255]);
      expect(px.count('#1f2937', 40)).toBeGreaterThan(100); // the title's ink
      for (const [colour, least] of colours) expect(px.count(colour)).toBeGreaterThan(least);
    },
  );

  it('leaves out the small counts of a sensitive measure', async () => {
    const hidden = await png(
      quickChartUrl(cumulativeChart(await shire.series('2.1', '2015/16 Q4')), t.server.url),
    );
    writeFileSync(`${OUT}/sensitive-2.1.png`, hidden);
    // Only the legend's marker is this year's blue: every point is under 5 or would give one away.
    expect((await pixelsOf(hidden)).count(SERIES.actual.colour)).toBeLessThan(200);
  });

  it('takes w, h, bkg and devicePixelRatio as QuickChart does', async () => {
    const q = new URLSearchParams({
      c: JSON.stringify({
        type: 'pie',
        data: { labels: ['A', 'B'], datasets: [{ data: [1, 3], backgroundColor: ['#ff0000', '#0000ff'] }] },
      }),
      w: '300',
      h: '200',
      bkg: 'transparent',
      devicePixelRatio: '2',
    });
    const bytes = await png(`${t.server.url}/chart?${q.toString()}`);
    expect(pngSize(bytes)).toEqual({ width: 600, height: 400 });
    const px = await pixelsOf(bytes);
    expect(px.at(0, 0)[3]).toBe(0);
    expect(px.count('#0000ff')).toBeGreaterThan(3 * px.count('#ff0000') - 4000);
    expect(px.count('#ff0000')).toBeGreaterThan(5000);
  });
});

describe('POST /chart', () => {
  it('draws QuickChart’s JSON body, with the chart as an object or a string', async () => {
    const chart = {
      type: 'doughnut',
      data: { labels: ['x'], datasets: [{ data: [5], backgroundColor: ['#2e7d32'] }] },
    };
    for (const c of [chart, JSON.stringify(chart)]) {
      const bytes = await png(`${t.server.url}/chart`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ chart: c, width: 400, height: 250, format: 'png', backgroundColor: 'white' }),
      });
      expect(pngSize(bytes)).toEqual({ width: 400, height: 250 });
      expect((await pixelsOf(bytes)).count('#2e7d32')).toBeGreaterThan(5000);
    }
  });
});

const bar = (extra: Record<string, unknown> = {}) => ({
  type: 'bar',
  data: { labels: ['a'], datasets: [{ label: 'x', data: [1] }] },
  ...extra,
});
const many = (datasets: number, points: number) => ({
  type: 'line',
  data: {
    datasets: Array.from({ length: datasets }, () => ({ data: Array.from({ length: points }, () => 1) })),
  },
});

const REFUSED: [string, Record<string, string>, RegExp][] = [
  ['bad JSON', { c: '{"type": "bar", ' }, /not valid JSON/],
  ['a JavaScript literal (quickchart-js’s own form)', { c: "{type:'bar',data:{}}" }, /not valid JSON/],
  [
    'a function in a string',
    {
      c: JSON.stringify(
        bar({
          options: { plugins: { tooltip: { callbacks: { label: 'function(c) { return process.env }' } } } },
        }),
      ),
    },
    /looks like a JavaScript function/,
  ],
  ['an arrow function', { c: JSON.stringify(bar({ options: { onClick: '(e) => fetch(1)' } })) }, /function/],
  [
    'a URL (an image)',
    {
      c: JSON.stringify(
        bar({ data: { labels: ['a'], datasets: [{ data: [1], pointStyle: 'https://evil.example/x.png' }] } }),
      ),
    },
    /contains a URL/,
  ],
  [
    'a data: URL',
    { c: JSON.stringify(bar({ options: { plugins: { title: { text: 'data:image/png;base64,AAAA' } } } })) },
    /URL/,
  ],
  ['inline plugins', { c: JSON.stringify(bar({ plugins: [{ id: 'x' }] })) }, /plugins cannot be loaded/],
  ['f=svg', { c: JSON.stringify(bar()), f: 'svg' }, /f=svg is not drawn here: only png/],
  [
    'w too wide',
    { c: JSON.stringify(bar()), w: '5000' },
    /w must be a whole number of pixels from 1 to 2000/,
  ],
  ['h not a number', { c: JSON.stringify(bar()), h: 'tall' }, /h must be a whole number/],
  [
    'a chart type not drawn',
    { c: JSON.stringify({ ...bar(), type: 'radar' }) },
    /"radar" is not drawn here: use bar, line, doughnut, pie/,
  ],
  ['too many datasets', { c: JSON.stringify(many(51, 1)) }, /51 datasets: at most 50/],
  ['too many points', { c: JSON.stringify(many(2, 251)) }, /over 500 data points/],
  [
    'an oversized configuration',
    { c: JSON.stringify(bar({ options: { x: 'y'.repeat(1500) } })).padEnd(101 * 1024, ' ') },
    /larger than 100 KB/,
  ],
  [
    'a bad background',
    { c: JSON.stringify(bar()), bkg: 'url(https://x.example/a.png)' },
    /bkg must be a colour/,
  ],
  ['no configuration', {}, /c is missing/],
  [
    'a time axis (no date adapter here)',
    { c: JSON.stringify(bar({ options: { scales: { x: { type: 'time' } } } })) },
    /could not be drawn/,
  ],
  [
    '__proto__',
    { c: '{"type":"bar","data":{"datasets":[]},"options":{"__proto__":{"x":1}}}' },
    /__proto__ is not allowed/,
  ],
];

describe('refusals', () => {
  it.each(REFUSED)('refuses %s with a 400 and the reason', async (_what, params, reason) => {
    const body = new URLSearchParams(params).toString();
    // An oversized c does not fit in a URL: it goes in a POST, as QuickChart's clients send large charts.
    const res =
      body.length > 60_000
        ? await fetch(`${t.server.url}/chart`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ chart: params.c }),
          })
        : await fetch(`${t.server.url}/chart?${body}`);
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(text).toMatch(reason);
    expect(res.headers.get('x-quickchart-error')).toBeTruthy();
  });

  it('refuses a POST that is not JSON, or over 100 KB, with the reason', async () => {
    const form = await fetch(`${t.server.url}/chart`, { method: 'POST', body: 'c=1' });
    expect(form.status).toBe(400);
    expect(await form.text()).toMatch(/application\/json/);
    const big = await fetch(`${t.server.url}/chart`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chart: bar(), padding: 'x'.repeat(110 * 1024) }),
    });
    expect(big.status).toBe(400);
    expect(await big.text()).toMatch(/larger than 100 KB/);
  });
});
