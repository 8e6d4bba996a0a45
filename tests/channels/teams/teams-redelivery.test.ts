// A Teams redelivery that finds its activity claimed and not handled: taken over at once when the
// claimant is gone (its instance row removed, or last seen long ago), after a few seconds of silence
// from a claimant on another host, and never from a claimant that keeps beating; answered as soon as a
// live claimant finishes. And the server's own instance row: beating while it runs, gone once it stops.
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { FIXED_NOW, startTestServer } from '../test-server.js';
import {
  actionData,
  cardOf,
  invoke,
  postActivity,
  teamsActivity,
  useTeamsHarness,
  type Json,
} from './teams-client.js';

const h = useTeamsHarness();

/** Dan's confirm-return invoke for 2.2, from a fresh card. */
async function submission(): Promise<Json> {
  const before = h.connector.received.length;
  await postActivity(h.t.server.url, teamsActivity('personal-message', h.connector, { text: 'submit 2.2' }));
  const card = cardOf((await h.connector.waitFor(before + 1))[before]?.activity ?? {});
  if (!card) throw new Error('no card');
  return invoke(h.connector, 'confirmReturn', {
    ...actionData(card, 'submitReturn'),
    'figure.value': '500',
    narrative: 'Night-time economy.',
    correctiveAction: 'Extra patrols.',
  });
}

const keyOf = (a: Json) => `${String(a.channelId)}|${String((a.conversation as Json).id)}|${String(a.id)}`;

/** The activity claimed, not handled, by `by`. */
const claimedBy = (a: Json, by: string) =>
  h.t.db.prisma.inboundActivity.create({ data: { key: keyOf(a), receivedAt: FIXED_NOW, claimedBy: by } });

/** Another process's row: on another host unless `host` is given. */
const instance = (id: string, o: { host?: string; pid?: number; seenAt?: Date } = {}) =>
  h.t.db.prisma.botInstance.create({
    data: {
      id,
      host: o.host ?? 'another-host',
      pid: o.pid ?? 4242,
      startedAt: FIXED_NOW,
      seenAt: o.seenAt ?? FIXED_NOW,
    },
  });

/** Keeps an instance's heartbeat going, as a live process would. */
function beating(id: string): () => void {
  const timer = setInterval(() => {
    // Prisma queries run only when awaited (then), so a bare `void` would send nothing.
    h.t.db.prisma.botInstance.update({ where: { id }, data: { beats: { increment: 1 } } }).catch(() => {});
  }, 500);
  return () => clearInterval(timer);
}

async function redeliver(a: Json): Promise<{ said: string; ms: number }> {
  const started = performance.now();
  const res = await postActivity(h.t.server.url, a);
  expect(res.status).toBe(200);
  const body = JSON.stringify(res.body);
  const said = /Stored as revision/.test(body) ? 'stored' : /Already received/.test(body) ? 'already' : body;
  return { said, ms: performance.now() - started };
}

const stored = async (a: Json) => {
  const data = (a.value as { action: { data: Json } }).action.data;
  return h.t.db.prisma.return.count({ where: { requestKey: { contains: String(data.token) } } });
};

describe('a Teams redelivery of an activity claimed and not handled', () => {
  it('is handled at once when the claimant stopped (its instance row is gone)', async () => {
    const a = await submission();
    await claimedBy(a, 'stopped-instance');

    const { said, ms } = await redeliver(a);

    expect(said).toBe('stored');
    expect(ms).toBeLessThan(2_000);
    expect(await stored(a)).toBe(1);
  });

  it('is handled at once when the claimant on this host is no longer running', async () => {
    const a = await submission();
    // A pid no process has: the highest Linux allows is 4194304.
    await instance('killed-here', { host: hostname(), pid: 4_194_305 });
    await claimedBy(a, 'killed-here');

    const { said, ms } = await redeliver(a);

    expect(said).toBe('stored');
    expect(ms).toBeLessThan(2_000);
  });

  it('is handled at once when the claimant was last seen more than 30 s ago', async () => {
    const a = await submission();
    await instance('long-silent', { seenAt: new Date(FIXED_NOW.getTime() - 31_000) });
    await claimedBy(a, 'long-silent');

    expect((await redeliver(a)).said).toBe('stored');
  });

  it('is handled within Teams’ 5 s when a claimant on another host stops beating', async () => {
    const a = await submission();
    await instance('went-quiet');
    await claimedBy(a, 'went-quiet');

    const { said, ms } = await redeliver(a);

    expect(said).toBe('stored');
    expect(ms).toBeGreaterThan(2_500);
    expect(ms).toBeLessThan(5_000);
    expect(await stored(a)).toBe(1);
  });

  it('is only acknowledged while the claimant keeps beating, after waiting a few seconds for it', async () => {
    const a = await submission();
    await instance('still-working');
    await claimedBy(a, 'still-working');
    const stop = beating('still-working');
    try {
      const { said, ms } = await redeliver(a);

      expect(said).toBe('already');
      expect(ms).toBeGreaterThan(3_000);
      expect(ms).toBeLessThan(5_000);
      expect(await stored(a)).toBe(0);
    } finally {
      stop();
    }
  });

  it('is acknowledged as soon as the live claimant finishes', async () => {
    const a = await submission();
    await instance('finishing');
    await claimedBy(a, 'finishing');
    const stop = beating('finishing');
    const done = setTimeout(() => {
      h.t.db.prisma.inboundActivity
        .update({ where: { key: keyOf(a) }, data: { handledAt: FIXED_NOW } })
        .catch(() => {});
    }, 1_000);
    try {
      const { said, ms } = await redeliver(a);

      expect(said).toBe('already');
      expect(ms).toBeLessThan(2_500);
    } finally {
      clearTimeout(done);
      stop();
    }
  });
});

describe("the server's instance row", () => {
  it('beats while the server runs', async () => {
    const [row] = await h.t.db.prisma.botInstance.findMany({ where: { pid: process.pid } });
    expect(row).toMatchObject({ pid: process.pid });
    await new Promise((resolve) => setTimeout(resolve, 2_200));
    const later = await h.t.db.prisma.botInstance.findUniqueOrThrow({ where: { id: row!.id } });
    expect(later.beats).toBeGreaterThanOrEqual(row!.beats + 2);
  });

  it('is removed when the server stops', async () => {
    const t = await startTestServer();
    try {
      expect(await t.db.prisma.botInstance.count()).toBe(1);
      await t.server.close();
      expect(await t.db.prisma.botInstance.count()).toBe(0);
    } finally {
      await t.db.close();
    }
  });
});
