// The /chart endpoint under a flood of anonymous drawings: the bot's own charts (signed status and theme
// links, and the summaries' signed QuickChart links) keep drawing, anonymous clients are limited per
// client with a 429 that says when to try again, and chart.js's own console warnings stay out of the
// process's output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeConnector, type FakeConnector } from '../fakes/bot-connector.js';
import { cardOf, nodesOf, postActivity, teamsActivity } from '../channels/teams/teams-client.js';
import { startTestServer, type TestServer } from '../channels/test-server.js';

let connector: FakeConnector;
let t: TestServer;
let statusChart: string;

/** The heaviest drawing the endpoint allows: 50 lines of 10 points on 2000 × 2000 pixels. */
const heavy = (n: number) =>
  JSON.stringify({
    type: 'line',
    data: {
      labels: Array.from({ length: 10 }, (_, i) => `L${i}`),
      datasets: Array.from({ length: 50 }, (_, d) => ({
        label: `series ${d} ${n}`,
        data: Array.from({ length: 10 }, (_, i) => ((i * 37 + d * 11 + n) % 97) + 1),
        borderWidth: 8,
      })),
    },
  });
const heavyUrl = (base: string, n: number) => `${base}/chart?w=2000&h=2000&c=${encodeURIComponent(heavy(n))}`;

beforeAll(async () => {
  connector = await startFakeConnector();
  t = await startTestServer({ CHART_RATE_PER_MINUTE: '1000' });
  await postActivity(t.server.url, teamsActivity('personal-message', connector, { text: 'status of 2.2' }));
  const [sent] = await connector.waitFor(1);
  statusChart = String(nodesOf(cardOf(sent?.activity ?? {})).find((n) => n.type === 'Image')?.url);
}, 30_000);

afterAll(async () => {
  await t?.close();
  await connector?.close();
});

describe('a flood of anonymous drawings', () => {
  it("does not keep the bot's signed status chart from drawing", async () => {
    const flood = Array.from({ length: 24 }, (_, i) => fetch(heavyUrl(t.server.url, i)));
    // Let the flood fill the queue first.
    await new Promise((r) => setTimeout(r, 100));
    const started = performance.now();
    const own = await fetch(statusChart);
    const waited = performance.now() - started;
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/png');
    const answers = await Promise.all(flood);
    const statuses = answers.map((r) => r.status);
    // Some of the flood is drawn, the rest told the queue is full; none takes the server down.
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(statuses).toContain(503);
    await Promise.all(answers.map((r) => r.arrayBuffer()));
    // Jumping the queue: at most the drawing in progress and a few of ours are ahead of it.
    expect(waited).toBeLessThan(5000);
  }, 60_000);
});

describe('anonymous /chart requests are limited per client', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({ CHART_RATE_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    await limited?.close();
  });

  const small = (base: string) =>
    `${base}/chart?c=${encodeURIComponent(JSON.stringify({ type: 'bar', data: { labels: ['a'], datasets: [{ data: [1] }] } }))}`;

  it('answers 429 with Retry-After once a client has used its share', async () => {
    const base = limited.server.url;
    const first = await Promise.all([0, 1, 2].map(() => fetch(small(base))));
    expect(first.map((r) => r.status)).toEqual([200, 200, 200]);
    const over = await fetch(small(base));
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await over.text()).toMatch(/Too many chart requests from your address: try again in \d+ s/);
    await Promise.all(first.map((r) => r.arrayBuffer()));
  });

  it("never limits the bot's own signed charts", async () => {
    const from = connector.received.length;
    await postActivity(
      limited.server.url,
      teamsActivity('personal-message', connector, { text: 'status of 2.2' }),
    );
    const sent = (await connector.waitFor(from + 1))[from];
    const ours = String(nodesOf(cardOf(sent?.activity ?? {})).find((n) => n.type === 'Image')?.url);
    expect(ours).toContain(`${limited.server.url}/chart/status.png`);
    const answers = await Promise.all([0, 1, 2, 3, 4].map(() => fetch(ours)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    await Promise.all(answers.map((r) => r.arrayBuffer()));
  });
});

describe("the summaries' chart links", () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({ CHART_RATE_PER_MINUTE: '2' });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('are signed, drawn without counting against the limit, and count once edited', async () => {
    const from = connector.received.length;
    await postActivity(limited.server.url, teamsActivity('personal-message', connector, { text: 'summary' }));
    const sent = (await connector.waitFor(from + 1))[from];
    const link = nodesOf(cardOf(sent?.activity ?? {}))
      .map((n) => String(n.url ?? ''))
      .find((u) => u.startsWith(`${limited.server.url}/chart?`));
    expect(link).toBeDefined();
    const own = new URL(String(link));
    expect(own.searchParams.get('sig')).toMatch(/^[\w-]{32}$/);
    const answers = await Promise.all([0, 1, 2, 3].map(() => fetch(own)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    await Promise.all(answers.map((r) => r.arrayBuffer()));
    // The same figures with one changed: no longer ours, so anonymous and limited.
    const edited = new URL(own);
    edited.searchParams.set('w', String(Number(own.searchParams.get('w')) - 1));
    const tries = await Promise.all([0, 1, 2].map(() => fetch(edited)));
    expect(tries.map((r) => r.status)).toEqual([200, 200, 429]);
    await Promise.all(tries.map((r) => r.arrayBuffer()));
  });
});

describe("chart.js's console warnings", () => {
  it('stay out of the process output', async () => {
    const written: string[] = [];
    const streams = [process.stdout, process.stderr];
    const originals = streams.map((s) => s.write.bind(s));
    streams.forEach((s, i) => {
      s.write = ((chunk: unknown, ...rest: never[]) => {
        written.push(String(chunk));
        return (originals[i] as (c: unknown, ...r: never[]) => boolean)(chunk, ...rest);
      }) as typeof s.write;
    });
    try {
      // A step of 0.001 on a scale up to 1,000: chart.js warns that it would make a million ticks.
      const config = {
        type: 'bar',
        data: { labels: ['a'], datasets: [{ data: [1000] }] },
        options: { scales: { y: { ticks: { stepSize: 0.001 } } } },
      };
      const res = await fetch(`${t.server.url}/chart?c=${encodeURIComponent(JSON.stringify(config))}`);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      streams.forEach((s, i) => {
        s.write = originals[i] as typeof s.write;
      });
    }
    expect(written.join('')).not.toMatch(/stepSize|ticks/);
  });
});
