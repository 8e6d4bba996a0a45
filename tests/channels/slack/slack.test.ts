// The Slack channel end to end: signed events, commands and button clicks posted over HTTP to the real
// server and the real bolt App; the Web API calls caught by a fake Slack on 127.0.0.1.
import { describe, expect, it } from 'vitest';
import * as payloads from '../../fixtures/slack/payloads.js';
import {
  DAN,
  JOANNE,
  PRIYA,
  sendCommand,
  sendEvent,
  sendInteraction,
  STRANGER,
  useSlackHarness,
} from './slack-client.js';

// Charts as image URLs, as with a public PUBLIC_BASE_URL (tests/charts/chart-delivery.test.ts uploads them).
const h = useSlackHarness({ CHART_DELIVERY: 'url' });

const posted = () => h.api.ok('chat.postMessage');
const waitForPosts = (n: number) => h.api.waitFor(() => posted().length >= n, `${n} chat.postMessage`);
const waitForResponses = (n: number) => h.api.waitFor(() => h.api.responded.length >= n, `${n} responses`);
/** Long enough for a request the bot would answer to have been answered. */
const settle = () => new Promise((r) => setTimeout(r, 300));
const say = (text: string, user = DAN) => sendEvent(h.url, payloads.directMessage(user, text));

describe('Slack messages', () => {
  it('answers "status of 2.2" in a DM with the status as blocks and a fallback text', async () => {
    const res = await say('status of 2.2');
    expect(res.status).toBe(200);
    await waitForPosts(1);
    const [post] = posted();
    expect(post?.token).toBe('xoxb-test-bot-token');
    expect(post?.args.channel).toBe('D0DANMERCER');
    expect(post?.args.thread_ts).toBeUndefined();
    const blocks = JSON.stringify(post?.args.blocks);
    expect(blocks).toContain('2.2');
    expect(blocks).toContain('1,628');
    expect(post?.args.text).toMatch(/^2\.2 Reduce violence without injury, 2015\/16 Q4: RED/);
    expect(post?.args).not.toHaveProperty('link_names');
    expect(post?.args).not.toHaveProperty('parse');
  });

  it('sends the status without its chart when Slack cannot download the chart image', async () => {
    await say('status of 2.2');
    await waitForPosts(1);
    const tries = h.api.calls.filter((c) => c.method === 'chat.postMessage');
    expect(tries[0]?.answer).toMatchObject({ ok: false, error: 'invalid_blocks' });
    const blocks = posted()[0]?.args.blocks as { type: string }[];
    expect(blocks.some((b) => b.type === 'image')).toBe(false);
    expect(JSON.stringify(blocks)).toContain('1,628');
  });

  it('answers a mention in a channel in a thread under the message', async () => {
    const event = payloads.mention(DAN, 'status of 2.2');
    await sendEvent(h.url, event);
    await waitForPosts(1);
    const [post] = posted();
    expect(post?.args.channel).toBe('C0SAFERSTOCK');
    expect(post?.args.thread_ts).toBe((event.event as { ts: string }).ts);
    expect(JSON.stringify(post?.args.blocks)).toContain('1,628');
  });

  it('answers a mention inside a thread in that thread', async () => {
    await sendEvent(h.url, payloads.mention(DAN, 'help', { thread_ts: '1462180000.000001' }));
    await waitForPosts(1);
    expect(posted()[0]?.args.thread_ts).toBe('1462180000.000001');
  });

  it('ignores bot messages, edits and messages outside DMs', async () => {
    await sendEvent(h.url, payloads.directMessage(DAN, 'status of 2.2', { bot_id: 'B0OTHER' }));
    await sendEvent(h.url, payloads.directMessage(DAN, 'status of 2.2', { subtype: 'message_changed' }));
    await sendEvent(h.url, payloads.directMessage(DAN, 'status of 2.2', { channel_type: 'channel' }));
    await settle();
    expect(h.api.calls.filter((c) => c.method === 'chat.postMessage')).toEqual([]);
  });

  it('knows a person without a Slack id in the plan by the email Slack holds for them', async () => {
    h.api.users.set(JOANNE, { email: 'Joanne.Lister@example.org' });
    await say('my returns', JOANNE);
    await waitForPosts(1);
    const blocks = JSON.stringify(posted()[0]?.args.blocks);
    expect(blocks).toContain('6.3');
    expect(blocks).toMatch(/overdue/);
    expect(h.api.calls.find((c) => c.method === 'users.info')?.args.user).toBe(JOANNE);
  });

  it('refuses a stranger politely, showing no partnership data', async () => {
    await say('status of 2.2', STRANGER);
    await waitForPosts(1);
    const post = JSON.stringify(posted());
    expect(post).toMatch(/don't recognise your Slack account/);
    expect(post).not.toMatch(/1,628|Stockton|2\.2|Mercer/);
  });
});

describe('the /perf command', () => {
  const command = (text: string, user = DAN) =>
    sendCommand(h.url, payloads.slashCommand(user, text, h.api.responseUrl('cmd')));

  it('acknowledges at once and answers "/perf status 2.2" ephemerally through the response_url', async () => {
    const res = await command('status 2.2');
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    await waitForResponses(1);
    const [answer] = h.api.responded;
    expect(answer?.path).toBe('/respond/cmd');
    expect(answer?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(answer?.body.blocks)).toContain('1,628');
    expect(posted()).toEqual([]);
  });

  it('answers "/perf help", and an empty /perf with help too', async () => {
    await command('help');
    await command('');
    await waitForResponses(2);
    for (const { body } of h.api.responded) expect(String(body.text)).toMatch(/Here is what I can do/);
  });

  it('answers "/perf exceptions" and "/perf my returns"', async () => {
    await command('exceptions');
    await waitForResponses(1);
    expect(String(h.api.responded[0]?.body.text)).toMatch(/Exceptions: \d+ red/);
    await command('my returns');
    await waitForResponses(2);
    expect(JSON.stringify(h.api.responded[1]?.body.blocks)).toContain('2.2 Reduce violence without injury');
  });

  it('opens the return modal straight away for "/perf submit 2.2"', async () => {
    const fields = payloads.slashCommand(DAN, 'submit 2.2', h.api.responseUrl('cmd'));
    await sendCommand(h.url, fields);
    await h.api.waitFor(() => h.api.ok('views.open').length === 1, 'views.open');
    expect(h.api.ok('views.open')[0]?.args.trigger_id).toBe(fields.trigger_id);
  });

  it('refuses a stranger', async () => {
    await command('status 2.2', STRANGER);
    await waitForResponses(1);
    const answer = JSON.stringify(h.api.responded[0]?.body);
    expect(answer).toMatch(/don't recognise/);
    expect(answer).not.toMatch(/1,628|2\.2/);
  });
});

describe('Slack buttons', () => {
  it('answers a say button in a DM with a message in that DM', async () => {
    const click = payloads.buttonClick(
      DAN,
      { action_id: 'say:0', value: 'status of 2.2' },
      h.api.responseUrl('b'),
    );
    const res = await sendInteraction(h.url, click);
    expect(res.status).toBe(200);
    await waitForPosts(1);
    expect(posted()[0]?.args.channel).toBe('D0DANMERCER');
    expect(JSON.stringify(posted()[0]?.args.blocks)).toContain('1,628');
  });

  it('answers a button on an ephemeral message through its response_url', async () => {
    const container = { type: 'message', message_ts: '1.2', channel_id: 'C0SAFERSTOCK', is_ephemeral: true };
    const click = payloads.buttonClick(
      DAN,
      { action_id: 'say:1', value: 'exceptions' },
      h.api.responseUrl('eph'),
      { container },
    );
    await sendInteraction(h.url, click);
    await waitForResponses(1);
    expect(h.api.responded[0]?.body).toMatchObject({ response_type: 'ephemeral' });
    expect(posted()).toEqual([]);
  });

  it('answers a button in a channel in a thread under its message', async () => {
    const container = { type: 'message', message_ts: '1462181500.000900', channel_id: 'C0SAFERSTOCK' };
    const click = payloads.buttonClick(DAN, { action_id: 'say:0', value: 'help' }, h.api.responseUrl('c'), {
      container,
      message: { type: 'message', ts: '1462181500.000900', text: '' },
    });
    await sendInteraction(h.url, click);
    await waitForPosts(1);
    expect(posted()[0]?.args).toMatchObject({ channel: 'C0SAFERSTOCK', thread_ts: '1462181500.000900' });
  });

  it('acknowledges a link button (Slack opens its URL) at once, and answers nothing', async () => {
    const click = payloads.buttonClick(
      PRIYA,
      { action_id: 'link:0', value: '', url: 'https://perf.example/reports/stockton/2015-16-Q4.docx' },
      h.api.responseUrl('l'),
    );
    const started = Date.now();
    const res = await sendInteraction(h.url, click);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
    await settle();
    expect(posted()).toEqual([]);
    expect(h.api.responded).toEqual([]);
  });

  it('refuses a stranger pressing a button', async () => {
    const click = payloads.buttonClick(
      STRANGER,
      { action_id: 'say:0', value: 'status of 2.2' },
      h.api.responseUrl('s'),
    );
    await sendInteraction(h.url, click);
    await waitForPosts(1);
    expect(JSON.stringify(posted())).not.toMatch(/1,628/);
    expect(JSON.stringify(posted())).toMatch(/don't recognise/);
  });
});
