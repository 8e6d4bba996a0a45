// Chart images where the platform cannot fetch our URL. Slack: the answer is posted without the image
// and the chart follows as a file (files upload v2: files.getUploadURLExternal, the bytes to the upload
// URL, files.completeUploadExternal), tested against the fake Slack Web API. Teams: the chart travels
// inline in the message as a data URI image attachment. CHART_DELIVERY=auto picks upload unless the
// platform can reach a public https address.
import { createCanvas } from '@napi-rs/canvas';
import type { ConversationReference } from 'botbuilder';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/bot/reply.js';
import { chartDelivery } from '../../src/charts/chart-delivery.js';
import { createAdapter } from '../../src/channels/teams/create-adapter.js';
import {
  inlineChartImages,
  inlineChartsMiddleware,
  MAX_INLINE_CHART_BYTES,
  replyActivity,
} from '../../src/channels/teams/reply-activity.js';
import { loadConfig } from '../../src/config.js';
import { startFakeConnector, type FakeConnector } from '../fakes/bot-connector.js';
import { startFakeSlackApi, type FakeSlackApi, type Json } from '../fakes/slack-api.js';
import * as payloads from '../fixtures/slack/payloads.js';
import {
  DAN,
  sendCommand,
  sendEvent,
  slackEnv,
  startSlackTestServer,
} from '../channels/slack/slack-client.js';
import type { TestServer } from '../channels/test-server.js';
import { statusView } from '../render/reply-fixtures.js';
import { isPng, pngSize } from './png.js';

describe('CHART_DELIVERY=auto', () => {
  const auto = (env: Record<string, string>) => ({ CHART_DELIVERY: 'auto' as const, ...env });
  it.each([
    ['slack', {}, false, 'upload'],
    ['slack', { PUBLIC_BASE_URL: 'https://perfbot.example.org' }, false, 'url'],
    ['slack', { PUBLIC_BASE_URL: 'https://perfbot.example.org', SLACK_APP_TOKEN: 'xapp-1' }, false, 'upload'],
    ['slack', { PUBLIC_BASE_URL: 'http://perfbot.example.org' }, false, 'upload'],
    ['slack', { PUBLIC_BASE_URL: 'https://10.1.2.3:3978' }, false, 'upload'],
    ['teams', { PUBLIC_BASE_URL: 'https://perfbot.example.org' }, false, 'url'],
    ['teams', { PUBLIC_BASE_URL: 'https://localhost:3978' }, false, 'upload'],
    ['teams', {}, true, 'url'],
  ] as const)('%s with %j (local mode %s) delivers by %s', (platform, env, local, want) => {
    expect(chartDelivery(platform, auto(env), local)).toBe(want);
  });

  it('does as told when set, except that the local chat always fetches', () => {
    expect(chartDelivery('slack', { CHART_DELIVERY: 'url' }, false)).toBe('url');
    expect(
      chartDelivery('teams', { CHART_DELIVERY: 'upload', PUBLIC_BASE_URL: 'https://x.org' }, false),
    ).toBe('upload');
    expect(chartDelivery('teams', { CHART_DELIVERY: 'upload' }, true)).toBe('url');
  });
});

describe('Slack, where Slack cannot fetch our charts', () => {
  let api: FakeSlackApi;
  let t: TestServer;
  beforeAll(async () => {
    api = await startFakeSlackApi();
    // No PUBLIC_BASE_URL: auto means upload.
    t = await startSlackTestServer(slackEnv(api));
  });
  afterAll(async () => {
    await t?.close();
    await api?.close();
  });

  it('posts the status without the image, then uploads the chart PNG to the same DM', async () => {
    await sendEvent(t.server.url, payloads.directMessage(DAN, 'status of 2.2'));
    await api.waitFor(() => api.ok('files.completeUploadExternal').length === 1, 'the upload', 15_000);
    const methods = api.calls
      .map((c) => c.method)
      .filter((m) => m.startsWith('chat.') || m.startsWith('files.'));
    expect(methods).toEqual([
      'chat.postMessage',
      'files.getUploadURLExternal',
      'files.completeUploadExternal',
    ]);
    const [post] = api.ok('chat.postMessage');
    const blocks = post?.args.blocks as Json[];
    expect(blocks.some((b) => b.type === 'image')).toBe(false);
    expect(JSON.stringify(blocks)).toContain('1,628');

    const [announced] = api.ok('files.getUploadURLExternal');
    expect(announced?.args).toMatchObject({ filename: 'chart.png' });
    expect(String(announced?.args.alt_text)).toMatch(/^Chart of 2\.2 Reduce violence without injury/);
    const upload = api.uploads.get(String(announced?.answer.file_id));
    const bytes = upload?.bytes ?? Buffer.alloc(0);
    expect(isPng(bytes)).toBe(true);
    expect(pngSize(bytes)).toEqual({ width: 720, height: 400 });
    expect(Number(announced?.args.length)).toBe(bytes.length);

    const [completed] = api.ok('files.completeUploadExternal');
    expect(completed?.args.channel_id).toBe('D0DANMERCER');
    expect(completed?.args.files).toEqual([
      { id: upload?.fileId, title: expect.stringMatching(/^Chart of 2\.2/) },
    ]);
    await api.quiet();
    api.reset();
  });

  it('leaves the chart out of an answer only the asker sees (a /perf reply cannot take a file)', async () => {
    await sendCommand(t.server.url, payloads.slashCommand(DAN, 'status 2.2', api.responseUrl('perf')));
    await api.waitFor(() => api.responded.length === 1, 'the /perf answer');
    await api.quiet();
    const blocks = api.responded[0]?.body.blocks as Json[];
    expect(JSON.stringify(blocks)).toContain('1,628');
    expect(blocks.some((b) => b.type === 'image')).toBe(false);
    expect(api.calls.filter((c) => c.method.startsWith('files.'))).toEqual([]);
    api.reset();
  });

  it('still answers when Slack refuses the upload (no files:write scope)', async () => {
    api.failNext('files.getUploadURLExternal', 'missing_scope');
    await sendEvent(t.server.url, payloads.directMessage(DAN, 'status of 2.2'));
    await api.waitFor(
      () => api.calls.some((c) => c.method === 'files.getUploadURLExternal'),
      'the upload try',
      15_000,
    );
    expect(api.ok('chat.postMessage')).toHaveLength(1);
    expect(api.calls.some((c) => c.method === 'files.completeUploadExternal')).toBe(false);
    await api.quiet();
    api.reset();
  });
});

describe('Teams, where Teams cannot fetch our charts', () => {
  const CHART = 'http://10.0.0.5:3978/chart/status.png?ref=2.2&period=2015%2F16%20Q4&sig=x';
  const png = createCanvas(40, 20).toBuffer('image/png');
  const images = {
    delivery: 'upload' as const,
    owns: (url: string) => url.startsWith('http://10.0.0.5:3978/chart'),
    imageFor: async (url: string) => (url === CHART ? png : null),
  };
  const status: Reply = { kind: 'status', view: statusView({ chartUrl: CHART }) };
  let connector: FakeConnector;
  beforeAll(async () => {
    connector = await startFakeConnector();
  });
  afterAll(async () => {
    await connector?.close();
  });

  it('sends the chart inline, as a data URI image after the card, through the adapter', async () => {
    const log = pino({ level: 'silent' });
    const adapter = createAdapter(loadConfig({}), log);
    adapter.use(inlineChartsMiddleware(images, log));
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id: 'conv-dan', conversationType: 'personal', isGroup: false, name: 'Dan' },
      bot: { id: 'perfbot', name: 'perfbot' },
      user: { id: 'user-dan', name: 'Dan' },
    };
    await adapter.continueConversationAsync('', reference, async (context) => {
      await context.sendActivity(replyActivity(status));
    });
    const [sent] = await connector.waitFor(1);
    const attachments = sent?.activity.attachments as Json[];
    expect(attachments.map((a) => a.contentType)).toEqual([
      'application/vnd.microsoft.card.adaptive',
      'image/png',
    ]);
    expect(JSON.stringify(attachments[0])).not.toContain('"type":"Image"');
    expect(JSON.stringify(attachments[0])).toContain('2.2');
    const uri = String(attachments[1]?.contentUrl);
    expect(uri.startsWith('data:image/png;base64,')).toBe(true);
    expect(Buffer.from(uri.slice('data:image/png;base64,'.length), 'base64').equals(png)).toBe(true);
    expect(String(attachments[1]?.name)).toMatch(/^Chart of 2\.2/);
  });

  it('leaves the chart out of a card that replaces another (an invoke response), and out of a too-large message', async () => {
    const invoke = {
      type: 'invokeResponse',
      value: {
        status: 200,
        body: { statusCode: 200, value: { type: 'AdaptiveCard', body: [{ type: 'Image', url: CHART }] } },
      },
    };
    await inlineChartImages(invoke, images, () => {});
    expect(JSON.stringify(invoke)).not.toContain(CHART);

    const big = Buffer.alloc(MAX_INLINE_CHART_BYTES + 1);
    const sizes: number[] = [];
    const activity = replyActivity(status);
    await inlineChartImages(activity, { ...images, imageFor: async () => big }, (bytes) => sizes.push(bytes));
    expect(activity.attachments).toHaveLength(1);
    expect(sizes).toEqual([big.length]);
  });

  it('keeps images that are not ours', async () => {
    const activity = replyActivity({
      kind: 'status',
      view: statusView({ chartUrl: 'https://elsewhere.example/c.png' }),
    });
    await inlineChartImages(activity, images, () => {});
    expect(JSON.stringify(activity)).toContain('https://elsewhere.example/c.png');
    expect(activity.attachments).toHaveLength(1);
  });
});
