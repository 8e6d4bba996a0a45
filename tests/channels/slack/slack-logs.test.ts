// Nothing secret or sensitive reaches the logs on the Slack path: no tokens, no signing secret, no
// return figures or commentary, even at the most verbose level and when a send fails.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi, type Json } from '../../fakes/slack-api.js';
import * as payloads from '../../fixtures/slack/payloads.js';
import {
  BOT_TOKEN,
  DAN,
  sendCommand,
  sendEvent,
  sendInteraction,
  SIGNING_SECRET,
  slackEnv,
  startSlackTestServer,
  STRANGER,
} from './slack-client.js';
import type { TestServer } from '../test-server.js';

const lines: string[] = [];
let api: FakeSlackApi;
let t: TestServer;

beforeAll(async () => {
  api = await startFakeSlackApi();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  t = await startSlackTestServer(slackEnv(api), pino({ level: 'trace' }, sink));
});

afterAll(async () => {
  await t?.close();
  await api?.close();
});

it('logs no token, secret, figure or commentary while answering, refusing and failing', async () => {
  const url = t.server.url;
  await sendEvent(url, payloads.directMessage(DAN, 'status of 2.2'));
  await sendEvent(url, payloads.directMessage(STRANGER, 'status of 2.2'));
  await sendCommand(url, payloads.slashCommand(DAN, 'status 2.2', api.responseUrl('c')));
  await sendEvent(url, payloads.directMessage(DAN, 'status of 2.2'), { secret: 'wrong' });
  const open = { action_id: 'open_return', value: 'submit 2.2' };
  await sendInteraction(url, payloads.buttonClick(DAN, open, api.responseUrl('o')));
  await api.waitFor(() => api.ok('views.open').length === 1, 'the modal');
  const view = api.ok('views.open')[0]?.args.view as Json;
  const narrative = 'Commentary that must stay out of the logs';
  api.failNext('chat.postMessage', 'internal_error');
  const answers = { 'figure.value': '98765', narrative, correctiveAction: 'Patrols' };
  const first = await sendInteraction(url, payloads.viewSubmission(DAN, view, answers));
  await sendInteraction(url, payloads.viewSubmission(DAN, first.json?.view as Json, {}));
  await api.quiet(300);

  const log = lines.join('');
  expect(log).toMatch(/stranger refused/);
  expect(log).toMatch(/slack listener failed/);
  for (const secret of [BOT_TOKEN, 'xox', 'eyJ', SIGNING_SECRET, '1,628', '98765', '98,765', narrative]) {
    expect(log).not.toContain(secret);
  }
});
