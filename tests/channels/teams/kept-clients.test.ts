// One connector client per app id, service URL and audience, kept across turns: replies still go to the
// service URL each activity came from, and the clients are the same objects turn after turn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import {
  KEPT_CLIENTS_MAX,
  KeptClientsAuthentication,
} from '../../../src/channels/teams/kept-clients-authentication.js';
import { startFakeConnector, type FakeConnector } from '../../fakes/bot-connector.js';
import { startTestServer, type TestServer } from '../test-server.js';
import { cardOf, postActivity, teamsActivity } from './teams-client.js';

describe('the connector clients a Teams server keeps', () => {
  const activity = (serviceUrl: string) => ({ type: 'message', serviceUrl }) as Activity;

  it('gives the same connector client for the same service URL and audience, another for another', async () => {
    const auth = new KeptClientsAuthentication({});
    const first = await auth.authenticateRequest(activity('http://127.0.0.1:1/'), '');
    const again = await auth.authenticateRequest(activity('http://127.0.0.1:1/'), '');
    const a = await first.connectorFactory?.create('http://127.0.0.1:1/', first.audience);
    expect(await again.connectorFactory?.create('http://127.0.0.1:1/', again.audience)).toBe(a);
    const b = await again.connectorFactory?.create('http://127.0.0.1:2/', again.audience);
    expect(b).not.toBe(a);
    expect(await again.connectorFactory?.create('http://127.0.0.1:1/', 'https://elsewhere')).not.toBe(a);
    const proactive = auth.createConnectorFactory(first.claimsIdentity);
    expect(await proactive.create('http://127.0.0.1:1/', first.audience)).toBe(a);
    expect(await auth.createUserTokenClient(first.claimsIdentity)).toBe(
      await auth.createUserTokenClient(again.claimsIdentity),
    );
  });

  it(`keeps at most ${KEPT_CLIENTS_MAX}, dropping the oldest`, async () => {
    const auth = new KeptClientsAuthentication({});
    const { claimsIdentity, audience } = await auth.authenticateRequest(activity('http://127.0.0.1:1/'), '');
    const factory = auth.createConnectorFactory(claimsIdentity);
    const urls = Array.from({ length: KEPT_CLIENTS_MAX + 1 }, (_, i) => `http://127.0.0.1:${1000 + i}/`);
    const clients = [];
    for (const url of urls) clients.push(await factory.create(url, audience));
    expect(await factory.create(urls[KEPT_CLIENTS_MAX] as string, audience)).toBe(clients[KEPT_CLIENTS_MAX]);
    expect(await factory.create(urls[0] as string, audience)).not.toBe(clients[0]);
  });
});

describe('replies through kept connector clients', () => {
  let t: TestServer;
  let one: FakeConnector;
  let two: FakeConnector;
  beforeAll(async () => {
    [one, two] = await Promise.all([startFakeConnector(), startFakeConnector()]);
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([one.close(), two.close()]);
  });

  it('reach the connector each activity came from, turn after turn', async () => {
    const ask = (c: FakeConnector) =>
      postActivity(t.server.url, teamsActivity('personal-message', c, { text: 'status of 2.2' }));
    for (const c of [one, two, one, two, one]) expect((await ask(c)).status).toBe(200);
    const fromOne = await one.waitFor(3);
    const fromTwo = await two.waitFor(2);
    expect(fromOne).toHaveLength(3);
    expect(fromTwo).toHaveLength(2);
    for (const sent of [...fromOne, ...fromTwo])
      expect(JSON.stringify(cardOf(sent.activity))).toContain('1,628');
  });
});
