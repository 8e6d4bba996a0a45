// Correctly signed junk to /slack/events: bodies that are not Slack's shapes (null, arrays, scalars, an
// event with no event, a click with no action, a text/plain body) are answered at once with a 4xx and a
// short reason, nothing stored changes, nothing is logged at error level and the process lives on. Junk
// with a bad signature is a plain 401, so an unsigned caller learns nothing about what was wrong.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../../fakes/slack-api.js';
import * as payloads from '../../fixtures/slack/payloads.js';
import { captureLog } from '../../helpers/captured-log.js';
import { snapshot } from '../../helpers/temp-db.js';
import {
  DAN,
  postSigned,
  sendEvent,
  sendInteraction,
  slackEnv,
  startSlackTestServer,
  type Answer,
} from '../../channels/slack/slack-client.js';
import type { TestServer } from '../../channels/test-server.js';

const JSON_TYPE = 'application/json';
const FORM = 'application/x-www-form-urlencoded';

const { log, lines } = captureLog();
let api: FakeSlackApi;
let t: TestServer;

beforeAll(async () => {
  api = await startFakeSlackApi();
  t = await startSlackTestServer({ ...slackEnv(api), REMINDERS: 'off' }, log);
});

afterAll(async () => {
  await t?.close();
  await api?.close();
});

afterEach(async () => {
  await api.quiet(100);
  api.reset();
});

const errorLines = () => lines.filter((l) => (JSON.parse(l) as { level: number }).level >= 50);

/** Sends, and checks the answer came within a second and that nothing stored changed. */
async function promptly(send: () => Promise<Answer>): Promise<Answer> {
  const before = await snapshot(t.db.prisma);
  const started = performance.now();
  const res = await send();
  expect(performance.now() - started).toBeLessThan(1000);
  await api.quiet(100);
  expect(await snapshot(t.db.prisma)).toEqual(before);
  return res;
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const clickWith = (changes: Record<string, unknown>) =>
  JSON.stringify({ ...payloads.buttonClick(DAN, { action_id: 'say:0', value: 'help' }, ''), ...changes });

describe('signed junk gets a prompt 400 with the reason', () => {
  const cases: [string, string, string, RegExp][] = [
    ['JSON null', 'null', JSON_TYPE, /JSON object/],
    ['a JSON array', '[1,2,3]', JSON_TYPE, /JSON object/],
    ['JSON true', 'true', JSON_TYPE, /JSON object/],
    ['JSON 0', '0', JSON_TYPE, /JSON object/],
    ['a JSON string', '"x"', JSON_TYPE, /JSON object/],
    ['an empty object', '{}', JSON_TYPE, /type/],
    ['an event_callback with no event', '{"type":"event_callback","event_id":"Ev1"}', JSON_TYPE, /event/],
    [
      'an event_callback whose event is a string',
      '{"type":"event_callback","event":"x"}',
      JSON_TYPE,
      /event/,
    ],
    ['a form payload of null', form({ payload: 'null' }), FORM, /payload/],
    ['a form payload that is an array', form({ payload: '[1]' }), FORM, /payload/],
    [
      'a form body with neither payload nor command',
      form({ text: 'status of 2.2' }),
      FORM,
      /payload|command/,
    ],
    ['a command that is not one', form({ command: 'perf', text: 'help' }), FORM, /command/],
    ['block_actions with no actions', form({ payload: clickWith({ actions: undefined }) }), FORM, /action/],
    [
      'block_actions with an empty actions list',
      form({ payload: clickWith({ actions: [] }) }),
      FORM,
      /action/,
    ],
  ];
  it.each(cases)('%s', async (_what, body, contentType, reason) => {
    const res = await promptly(() => postSigned(t.server.url, body, contentType));
    expect(res.status).toBe(400);
    expect(res.text).toMatch(reason);
    expect(res.text.length).toBeLessThan(200);
    expect(api.calls).toEqual([]);
  });

  it('a signed text/plain body is refused with 415, not answered as a message', async () => {
    const dm = JSON.stringify(payloads.directMessage(DAN, 'status of 2.2'));
    const res = await promptly(() => postSigned(t.server.url, dm, 'text/plain'));
    expect(res.status).toBe(415);
    expect(res.text).toMatch(/application\/json|x-www-form-urlencoded/);
    expect(api.calls).toEqual([]);
  });

  it('logs none of them at error level, and the server still answers a real message', async () => {
    expect(errorLines()).toEqual([]);
    const res = await sendEvent(t.server.url, payloads.directMessage(DAN, 'status of 2.2'));
    expect(res.status).toBe(200);
    await api.waitFor(() => api.ok('chat.postMessage').length > 0, 'the answer');
  });
});

describe('junk with a bad signature says nothing about the junk', () => {
  const cases: [string, string, string][] = [
    ['JSON null', 'null', JSON_TYPE],
    ['a form payload of null', form({ payload: 'null' }), FORM],
    ['a text/plain body', '{"type":"event_callback"}', 'text/plain'],
    ['an empty object', '{}', JSON_TYPE],
  ];
  it.each(cases)('%s: 401 with no body', async (_what, body, contentType) => {
    const res = await promptly(() => postSigned(t.server.url, body, contentType, { secret: 'wrong' }));
    expect(res.status).toBe(401);
    expect(res.text).toBe('');
  });

  it('with no signature at all: 401', async () => {
    const res = await fetch(`${t.server.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': JSON_TYPE },
      body: 'null',
    });
    expect(res.status).toBe(401);
    expect(await res.text()).toBe('');
  });
});

describe("Slack's own checks still pass", () => {
  it('app_rate_limited is acknowledged at once', async () => {
    const res = await promptly(() =>
      sendEvent(t.server.url, { type: 'app_rate_limited', team_id: 'T0PARTNER', minute_rate_limited: 1 }),
    );
    expect(res.status).toBe(200);
  });

  it('url_verification is answered with the challenge', async () => {
    const res = await sendEvent(t.server.url, { type: 'url_verification', challenge: 'c-123', token: 'x' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ challenge: 'c-123' });
  });

  it('an unsigned ssl_check is answered 200', async () => {
    const res = await fetch(`${t.server.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': FORM },
      body: 'ssl_check=1&token=x',
    });
    expect(res.status).toBe(200);
  });

  it('a button click with its action is still handled', async () => {
    const click = payloads.buttonClick(DAN, { action_id: 'say:0', value: 'help' }, api.responseUrl('b'));
    const res = await sendInteraction(t.server.url, click);
    expect(res.status).toBe(200);
    await api.waitFor(() => api.ok('chat.postMessage').length > 0, 'the answer');
  });
});
