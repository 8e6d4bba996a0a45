// The minimal status chart: the image link in a status card draws the measure's year to date against
// target and last year as SVG; a link the bot did not sign draws nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeConnector, type FakeConnector } from '../fakes/bot-connector.js';
import { startTestServer, type TestServer } from './test-server.js';
import { cardOf, nodesOf, postActivity, teamsActivity } from './teams-client.js';

let connector: FakeConnector;
let t: TestServer;
let chartUrl: string;

beforeAll(async () => {
  connector = await startFakeConnector();
  t = await startTestServer();
  await postActivity(t.server.url, teamsActivity('personal-message', connector, { text: 'status of 2.2' }));
  const [sent] = await connector.waitFor(1);
  const image = nodesOf(cardOf(sent?.activity ?? {})).find((n) => n.type === 'Image');
  chartUrl = String(image?.url);
});
afterAll(async () => {
  await t.close();
  await connector.close();
});

describe('status chart', () => {
  it('is linked from the status card, on this server, for 2.2 in 2015/16 Q4', () => {
    const url = new URL(chartUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${t.server.url}/chart/status.svg`);
    expect(url.searchParams.get('ref')).toBe('2.2');
    expect(url.searchParams.get('period')).toBe('2015/16 Q4');
  });

  it('draws the year to date, the target and last year as lines over the four quarters', async () => {
    const res = await fetch(chartUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const svg = await res.text();
    expect(svg).toMatch(/^<svg [^>]*width="640" height="320"/);
    expect(svg).toContain('2.2 Reduce violence without injury');
    for (const label of ['Q1', 'Q2', 'Q3', 'Q4', 'Year to date', 'Target to date', 'Last year']) {
      expect(svg).toContain(`>${label}<`);
    }
    expect(svg.match(/<polyline /g)).toHaveLength(3);
    expect(svg).toContain('>2,000<');
  });

  it('draws nothing for a link the bot did not sign', async () => {
    const forged = new URL(chartUrl);
    forged.searchParams.set('ref', '2.1');
    expect((await fetch(forged)).status).toBe(403);
    forged.searchParams.delete('sig');
    expect((await fetch(forged)).status).toBe(403);
  });
});
