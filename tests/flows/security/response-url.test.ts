// A slash command's or button's response_url is only ever fetched on Slack's own hosts (or, in tests,
// the host of SLACK_API_URL): a signed request whose response_url points elsewhere is acknowledged,
// logged as a warning and answered nowhere, so the bot cannot be made to post to other machines.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { responseUrlAllowed } from '../../../src/channels/slack/response-url-guard.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../fakes/slack-api.js';
import * as payloads from '../../fixtures/slack/payloads.js';
import { captureLog } from '../../helpers/captured-log.js';
import { snapshot } from '../../helpers/temp-db.js';
import {
  DAN,
  sendCommand,
  sendInteraction,
  slackEnv,
  startSlackTestServer,
} from '../../channels/slack/slack-client.js';
import type { TestServer } from '../../channels/test-server.js';

const { log, lines } = captureLog();
let api: FakeSlackApi;
let t: TestServer;
/** Another machine, as far as the bot knows: it must never be posted to. */
let elsewhere: Server;
let elsewhereUrl: string;
const reached: string[] = [];

beforeAll(async () => {
  api = await startFakeSlackApi();
  elsewhere = createServer((req, res) => {
    reached.push(`${req.method} ${req.url}`);
    res.writeHead(200).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
  t = await startSlackTestServer({ ...slackEnv(api), REMINDERS: 'off' }, log);
});

afterAll(async () => {
  await t?.close();
  await api?.close();
  elsewhere?.closeAllConnections();
  await new Promise((resolve) => elsewhere?.close(resolve));
});

afterEach(async () => {
  await api.quiet(100);
  api.reset();
  reached.length = 0;
});

const settle = () => new Promise((r) => setTimeout(r, 400));
const warnings = () =>
  lines
    .map((l) => JSON.parse(l) as { level: number; msg: string; host?: string })
    .filter((l) => l.level === 40 && /response_url/.test(l.msg));

describe('a response_url off Slack is not fetched', () => {
  it('a signed /perf command whose response_url is another machine: acknowledged, nothing sent there', async () => {
    const before = await snapshot(t.db.prisma);
    const res = await sendCommand(
      t.server.url,
      payloads.slashCommand(DAN, 'help', `${elsewhereUrl}/respond`),
    );
    expect(res.status).toBe(200);
    await settle();
    expect(reached).toEqual([]);
    expect(api.responded).toEqual([]);
    expect(warnings().at(-1)).toMatchObject({ host: elsewhereUrl.replace('http://', '') });
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it('a signed /perf command whose response_url is http://192.0.2.1/respond: acknowledged and warned', async () => {
    const from = warnings().length;
    const res = await sendCommand(
      t.server.url,
      payloads.slashCommand(DAN, 'help', 'http://192.0.2.1/respond'),
    );
    expect(res.status).toBe(200);
    await settle();
    expect(warnings().slice(from)).toEqual([expect.objectContaining({ host: '192.0.2.1' })]);
  });

  it('a button on an ephemeral message whose response_url is another machine: nothing sent there', async () => {
    const click = payloads.buttonClick(
      DAN,
      { action_id: 'say:0', value: 'help' },
      `${elsewhereUrl}/respond`,
      {
        container: { type: 'message', channel_id: 'D0DANMERCER', is_ephemeral: true },
      },
    );
    const res = await sendInteraction(t.server.url, click);
    expect(res.status).toBe(200);
    await settle();
    expect(reached).toEqual([]);
    expect(api.responded).toEqual([]);
  });

  it("a response_url on the Web API's host is still answered", async () => {
    await sendCommand(t.server.url, payloads.slashCommand(DAN, 'help', api.responseUrl('ok')));
    await api.waitFor(() => api.responded.length > 0, 'the ephemeral answer');
  });
});

describe("Slack's hosts", () => {
  const allowed = (url: string) => responseUrlAllowed(url, undefined);
  it.each([
    'https://hooks.slack.com/commands/T0PARTNER/1000000001/abc',
    'https://hooks.slack.com/actions/T0PARTNER/1000000003/abc',
    'https://slack.com/api/response',
  ])('allows %s', (url) => {
    expect(allowed(url)).toBe(true);
  });

  it.each([
    'http://hooks.slack.com/commands/T0/1/abc',
    'https://hooks.slack.com.example.org/commands',
    'https://evilslack.com/commands',
    'https://hooks.slack.com@192.0.2.1/respond',
    'https://hooks.slack.com:8443/commands',
    'http://192.0.2.1/respond',
    'http://169.254.169.254/latest/meta-data',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(allowed(url)).toBe(false);
  });

  it("allows SLACK_API_URL's host and port, and only those", () => {
    expect(responseUrlAllowed('http://127.0.0.1:4000/respond/x', 'http://127.0.0.1:4000/api/')).toBe(true);
    expect(responseUrlAllowed('http://127.0.0.1:4001/respond/x', 'http://127.0.0.1:4000/api/')).toBe(false);
    expect(responseUrlAllowed('https://127.0.0.1:4000/respond/x', 'http://127.0.0.1:4000/api/')).toBe(false);
  });
});
