// The weekly summary through the outbox to the partnership's Teams channel (a fake connector): posted
// on Monday at 09:00 (London) exactly once per ISO week, across later ticks, a restart and a missed
// tick; a week that is over is not posted late; a channel nobody added the bot to waits, and the
// coordinators hear of it; an outcome the platform never confirmed is not posted twice.
import { afterEach, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/domain/summary-payload.js';
import { startFakeConnector, type FakeConnector } from '../fakes/bot-connector.js';
import { startFaultProxy, type FaultProxy } from '../fakes/fault-proxy.js';
import type { HarnessOptions } from './jobs-harness.js';
import { CHANNEL, planWithSummary, summaryHarness, type SummaryHarness } from './summary-jobs-harness.js';

let connector: FakeConnector;
let proxy: FaultProxy | undefined;
let h: SummaryHarness;

async function setUp(o: HarnessOptions = {}, channel = true): Promise<void> {
  connector = await startFakeConnector();
  h = await summaryHarness({ serviceUrl: `${connector.url}/`, ...o });
  if (channel) await h.addToChannel(`${connector.url}/`);
}

afterEach(async () => {
  await h?.close();
  await proxy?.close();
  proxy = undefined;
  await connector?.close();
});

const posts = () => connector.received.filter((r) => r.conversationId === CHANNEL);
const summaryRows = async () => (await h.outbox()).filter((r) => r.kind === 'summary');
const summaryOf = async (key: string): Promise<Summary> => {
  const row = (await h.outbox()).find((r) => r.key === key);
  if (row?.payload.kind !== 'summary') throw new Error(`no summary ${key}`);
  return row.payload.summary;
};
const cardText = (activity: Record<string, unknown>) => JSON.stringify(activity.attachments ?? []);

describe('the weekly summary job', () => {
  it("writes nothing before Monday 09:00, then posts the week's summary to the channel", async () => {
    await setUp();
    h.at('2016-04-11T08:59');
    expect(await h.summaries()).toEqual([]);

    h.at('2016-04-11T09:00');
    expect(await h.summaries()).toEqual(['summary:stockton:2016-W15']);
    expect(await h.deliver()).toMatchObject({ sent: 1, failed: 0 });

    expect(posts()).toHaveLength(1);
    expect(cardText(posts()[0]!.activity)).toContain(
      'Weekly summary: Safer Stockton Partnership, week to Monday 11 April 2016',
    );
    expect(cardText(posts()[0]!.activity)).toContain('https://charts.example/chart?red=');
    expect((await summaryRows()).map((r) => [r.status, r.channel, r.recipient])).toEqual([
      ['sent', 'teams', '#channel'],
    ]);
  });

  it('posts once per week however many ticks follow, then again the next Monday', async () => {
    await setUp();
    for (const time of ['2016-04-11T09:00', '2016-04-11T09:05', '2016-04-11T12:00', '2016-04-14T10:00']) {
      h.at(time);
      await h.summaries();
      await h.deliver();
    }
    expect(posts()).toHaveLength(1);

    h.at('2016-04-18T09:00');
    expect(await h.summaries()).toEqual(['summary:stockton:2016-W16']);
    await h.deliver();
    expect(posts()).toHaveLength(2);
  });

  it('posts once across a restart between writing and sending, and after it', async () => {
    await setUp();
    h.at('2016-04-11T09:00');
    await h.summaries();
    h.restart();
    h.at('2016-04-11T09:01');
    expect(await h.summaries()).toEqual([]);
    expect(await h.deliver()).toMatchObject({ sent: 1 });
    h.restart();
    h.at('2016-04-11T09:05');
    expect(await h.summaries()).toEqual([]);
    expect(await h.deliver()).toMatchObject({ sent: 0 });

    expect(posts()).toHaveLength(1);
  });

  it('catches up on a missed Monday later the same week, covering the days since the Monday before', async () => {
    await setUp();
    h.at('2016-04-13T15:00');
    expect(await h.summaries()).toEqual(['summary:stockton:2016-W15']);
    await h.deliver();

    const summary = await summaryOf('summary:stockton:2016-W15');
    expect([summary.from, summary.to]).toEqual(['2016-04-04', '2016-04-13']);
    expect(posts()).toHaveLength(1);
  });

  it('does not post a week that passed with no tick at all', async () => {
    await setUp();
    h.at('2016-04-18T08:30');
    expect(await h.summaries()).toEqual([]);
    h.at('2016-04-18T09:00');
    expect(await h.summaries()).toEqual(['summary:stockton:2016-W16']);
  });

  it("follows the plan's schedule, and writes nothing when the plan turns summaries off", async () => {
    await setUp({ planText: await planWithSummary({ cron: '30 16 * * 5' }) });
    h.at('2016-04-11T09:00');
    expect(await h.summaries()).toEqual([]);
    h.at('2016-04-15T16:30');
    expect(await h.summaries()).toEqual(['summary:stockton:2016-W15']);
    await h.close();
    await connector.close();

    await setUp({ planText: await planWithSummary({ enabled: false }) });
    h.at('2016-04-11T09:00');
    expect(await h.summaries()).toEqual([]);
  });

  it("reports what came in that week: Dan Mercer's 2.2 return on Wednesday", async () => {
    await setUp();
    h.at('2016-04-13T11:00');
    await h.submit('dan-mercer', '2.2');
    h.at('2016-04-18T09:00');
    await h.summaries();

    const summary = await summaryOf('summary:stockton:2016-W16');
    expect(summary.received.map((r) => [r.ref, r.periods, r.by, r.on])).toEqual([
      ['2.2', ['2015/16 Q4'], 'Insp. Dan Mercer', '2016-04-13'],
    ]);
    expect(summary.outstanding.map((o) => o.owner)).toContain('Insp. Dan Mercer');
  });
});

describe('a partnership channel the bot cannot reach', () => {
  it('holds the summary, tells the coordinators once, and posts it once the bot is added', async () => {
    await setUp({}, false);
    h.at('2016-04-11T09:00');
    await h.summaries();
    expect(await h.deliver()).toMatchObject({ sent: 0, waiting: 1 });

    const notices = (await h.outbox()).filter((r) => r.kind === 'notice');
    expect(notices.map((r) => r.recipient)).toEqual(['priya-sandhu']);
    const notice = notices[0]?.payload;
    expect(notice?.kind === 'notice' && notice.text).toBe(
      "I cannot post the weekly summary yet: no partnership channel is known yet: add the bot to the partnership's Teams channel (or mention it there). It will be posted as soon as that changes.",
    );

    await h.addToChannel(`${connector.url}/`);
    h.at('2016-04-11T09:05');
    await h.deliver();
    expect(posts()).toHaveLength(1);
    expect((await h.outbox()).filter((r) => r.kind === 'notice')).toHaveLength(1);
  });

  it('drops a weekly summary still waiting when its week is over', async () => {
    await setUp({}, false);
    h.at('2016-04-11T09:00');
    await h.summaries();
    await h.deliver();
    await h.addToChannel(`${connector.url}/`);
    h.at('2016-04-18T08:00');
    await h.deliver();

    expect(posts()).toHaveLength(0);
    expect((await summaryRows()).map((r) => [r.status, r.lastError])).toEqual([
      ['cancelled', 'week 2016-W15 is over'],
    ]);
  });

  it('never posts twice when the platform took the message but the answer was lost', async () => {
    connector = await startFakeConnector();
    proxy = await startFaultProxy(connector.url, (_m, path) => path.includes(encodeURIComponent(CHANNEL)));
    h = await summaryHarness({ serviceUrl: `${connector.url}/`, timeoutMs: 300 });
    await h.addToChannel(`${proxy.url}/`);
    proxy.fail({ hang: 'after' });
    h.at('2016-04-11T09:00');
    await h.summaries();
    expect(await h.deliver()).toMatchObject({ unknown: 1 });
    h.at('2016-04-11T10:00');
    await h.summaries();
    await h.deliver();

    expect(posts()).toHaveLength(1);
    expect((await summaryRows()).map((r) => r.status)).toEqual(['unknown']);
    const notice = (await h.outbox()).find((r) => r.kind === 'notice')?.payload;
    expect(notice?.kind === 'notice' && notice.text).toMatch(
      /^I may not have posted the weekly summary to the partnership channel \(.+\)\. I will not post it twice: if it is not there, say "post summary"\.$/,
    );
  });
});
