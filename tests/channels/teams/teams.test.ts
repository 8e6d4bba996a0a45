// The Teams channel end to end: real activities posted over HTTP to the real server, replies caught by a
// fake Bot Framework connector.
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../test-server.js';
import {
  cardOf,
  fromUser,
  invoke,
  postActivity,
  STRANGER_AAD,
  teamsActivity,
  useTeamsHarness,
  type Json,
} from './teams-client.js';

// The conversation only: without the scheduler, no reminder or summary reaches the connector between a
// message and the reply a test waits for.
const h = useTeamsHarness({ REMINDERS: 'off' });

const say = (text: string, changes: Json = {}) =>
  postActivity(h.t.server.url, teamsActivity('personal-message', h.connector, { text, ...changes }));

describe('Teams messages', () => {
  it('answers "status of 2.2" in a personal chat with the status card', async () => {
    const res = await say('status of 2.2');
    expect(res.status).toBe(200);
    const [sent] = await h.connector.waitFor(1);
    const card = JSON.stringify(cardOf(sent?.activity ?? {}));
    expect(card).toContain('2.2');
    expect(card).toContain('1,628');
    expect(sent?.conversationId).toMatch(/^a:1Hd8/);
  });

  it('answers in a channel when mentioned, reading the text without the mention', async () => {
    const res = await postActivity(h.t.server.url, teamsActivity('channel-mention', h.connector));
    expect(res.status).toBe(200);
    const [sent] = await h.connector.waitFor(1);
    expect(JSON.stringify(cardOf(sent?.activity ?? {}))).toContain('1,628');
    expect(sent?.conversationId).toContain('@thread.tacv2');
  });

  it('stays quiet in a channel when not mentioned', async () => {
    const res = await postActivity(
      h.t.server.url,
      teamsActivity('channel-mention', h.connector, { text: 'status of 2.2', entities: [] }),
    );
    expect(res.status).toBe(200);
    expect(h.connector.received).toEqual([]);
  });

  it('refuses a stranger politely, showing no figures', async () => {
    const res = await say('status of 2.2', fromUser(STRANGER_AAD));
    expect(res.status).toBe(200);
    const [sent] = await h.connector.waitFor(1);
    const text = JSON.stringify(sent?.activity);
    expect(text).toMatch(/don't recognise your account/);
    expect(text).not.toMatch(/1,628|Stockton|2\.2|Mercer/);
  });

  it('knows a person without a Teams id by the email the Teams roster gives', async () => {
    const stranger = fromUser(STRANGER_AAD, '29:joanne');
    h.connector.members.set('29:joanne', { id: '29:joanne', email: 'Joanne.Lister@example.org' });
    await say('my returns', stranger);
    const [sent] = await h.connector.waitFor(1);
    expect(JSON.stringify(sent?.activity)).not.toMatch(/don't recognise/);
  });

  it('refuses everyone from a tenant not allowed', async () => {
    const other = await startTestServer({ ALLOWED_TENANTS: '11111111-2222-3333-4444-555555555555' });
    try {
      await postActivity(other.server.url, teamsActivity('personal-message', h.connector));
      const [sent] = await h.connector.waitFor(1);
      expect(JSON.stringify(sent?.activity)).toMatch(/don't recognise/);
    } finally {
      await other.close();
    }
  });

  it('answers an activity delivered twice only once', async () => {
    const activity = teamsActivity('personal-message', h.connector, { text: 'status of 2.2' });
    const first = await postActivity(h.t.server.url, activity);
    const second = await postActivity(h.t.server.url, activity);
    expect([first.status, second.status]).toEqual([200, 200]);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.connector.received).toHaveLength(1);
    expect(
      await h.t.db.prisma.inboundActivity.count({ where: { key: { contains: String(activity.id) } } }),
    ).toBe(1);
  });

  it('remembers the conversation and sends to the person proactively', async () => {
    await say('help');
    await h.connector.waitFor(1);
    const p = await h.t.db.prisma.partnership.findFirstOrThrow();
    const out = await h.t.server.proactive.sendToPerson(p.id, 'dan-mercer', {
      kind: 'text',
      text: 'Your 2.2 return is due',
    });
    expect(out.ok).toBe(true);
    const sent = await h.connector.waitFor(2);
    expect(sent[1]?.activity.text).toBe('Your 2.2 return is due');
    expect(sent[1]?.conversationId).toMatch(/^a:1Hd8/);
  });

  it('posts to the channel it was mentioned in, as a new thread', async () => {
    await postActivity(h.t.server.url, teamsActivity('channel-mention', h.connector));
    await h.connector.waitFor(1);
    const p = await h.t.db.prisma.partnership.findFirstOrThrow();
    const out = await h.t.server.proactive.sendToChannel(p.id, { kind: 'text', text: 'Weekly summary' });
    expect(out.ok).toBe(true);
    const sent = await h.connector.waitFor(2);
    expect(sent[1]?.conversationId).toBe('19:5c1f7b2e9a4d4f0c8e6b3a2d1c0f9e8d@thread.tacv2');
  });

  it('refuses in local mode to reply to a connector that is not on this machine', async () => {
    const res = await say('status of 2.2', { serviceUrl: 'https://smba.trafficmanager.net/uk/' });
    expect(res.status).toBe(403);
    expect(h.connector.received).toEqual([]);
  });

  it('answers a stranger pressing a card button with a refusal, not a card', async () => {
    const res = await postActivity(
      h.t.server.url,
      invoke(h.connector, 'say', { say: 'status of 2.2' }, fromUser(STRANGER_AAD)),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(JSON.stringify(res.body)).not.toContain('1,628');
  });
});

describe('a Teams conversation that no longer exists', () => {
  it('is not sent an apology when the reply to it is refused (404 "Conversation not found")', async () => {
    const conversation = String((teamsActivity('personal-message', h.connector).conversation as Json).id);
    h.connector.gone.add(conversation);

    const res = await say('status of 2.2');

    expect(res.status).toBe(200);
    // The reply was tried once; nothing more went into the dead conversation.
    expect(h.connector.refused.map((r) => r.conversationId)).toEqual([conversation]);
    expect(JSON.stringify(h.connector.refused[0]?.activity)).toContain('1,628');
    expect(h.connector.received).toEqual([]);
  });
});

describe('Teams card actions', () => {
  it('answers an action it does not know with a Teams error response', async () => {
    const res = await postActivity(h.t.server.url, invoke(h.connector, 'refreshEverything', {}));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
  });
});

describe('Teams authentication', () => {
  it('refuses an unauthenticated request when MicrosoftAppId is set', async () => {
    const secured = await startTestServer({
      MicrosoftAppId: '00000000-0000-0000-0000-00000000b07b',
      MicrosoftAppPassword: 'not-a-real-secret',
    });
    try {
      const res = await postActivity(secured.server.url, teamsActivity('personal-message', h.connector));
      expect(res.status).toBe(401);
      expect(h.connector.received).toEqual([]);
    } finally {
      await secured.close();
    }
  });

  it('refuses a request whose bearer token is not a token', async () => {
    const secured = await startTestServer({
      MicrosoftAppId: '00000000-0000-0000-0000-00000000b07b',
      MicrosoftAppPassword: 'not-a-real-secret',
    });
    try {
      const res = await postActivity(secured.server.url, teamsActivity('personal-message', h.connector), {
        authorization: 'Bearer not-a-jwt',
      });
      expect(res.status).toBe(401);
      expect(h.connector.received).toEqual([]);
    } finally {
      await secured.close();
    }
  });
});
