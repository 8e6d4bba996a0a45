// A fake Bot Framework connector (the remote service a bot replies through): records what the bot
// posts to /v3/conversations/:id/activities[/:replyTo] and answers with an id. Members are looked up
// from a table the test fills, as Teams' roster would answer; while `holdMembers` is set, those
// look-ups are left unanswered (a slow roster), so a test can kill a bot mid-turn. A conversation in
// `gone` no longer exists: posts to it are kept in `refused` and answered 404 "Conversation not found",
// as Teams answers when the chat was deleted or the bot removed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  path: string;
  conversationId: string;
  authorization: string | undefined;
  activity: Record<string, unknown>;
}

export interface FakeConnector {
  url: string;
  received: Received[];
  /** Posts to conversations in `gone`, answered 404. */
  refused: Received[];
  gone: Set<string>;
  members: Map<string, Record<string, unknown>>;
  holdMembers: boolean;
  /** Member look-ups asked for, answered or held. */
  readonly memberLookups: number;
  /** Waits until `count` activities have arrived (or fails after `ms`). */
  waitFor(count: number, ms?: number): Promise<Received[]>;
  close(): Promise<void>;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;
const MEMBER = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/;

export async function startFakeConnector(): Promise<FakeConnector> {
  const received: Received[] = [];
  const refused: Received[] = [];
  const gone = new Set<string>();
  const members = new Map<string, Record<string, unknown>>();
  const held = { holdMembers: false, memberLookups: 0 };
  let next = 0;
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const member = MEMBER.exec(path);
      if (req.method === 'GET' && member) {
        held.memberLookups += 1;
        if (held.holdMembers) return;
        const found = members.get(decodeURIComponent(member[2] ?? ''));
        return found
          ? json(200, found)
          : json(404, { error: { code: 'MemberNotFound', message: 'no such member' } });
      }
      const m = ACTIVITIES.exec(path);
      if (!m || (req.method !== 'POST' && req.method !== 'PUT'))
        return json(404, { error: { code: 'NotFound' } });
      const post: Received = {
        method: req.method,
        path,
        conversationId: decodeURIComponent(m[1] ?? ''),
        authorization: req.headers.authorization,
        activity: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>,
      };
      if (gone.has(post.conversationId)) {
        refused.push(post);
        return json(404, { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } });
      }
      received.push(post);
      json(200, { id: `sent-${++next}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    refused,
    gone,
    members,
    get holdMembers() {
      return held.holdMembers;
    },
    set holdMembers(on: boolean) {
      held.holdMembers = on;
    },
    get memberLookups() {
      return held.memberLookups;
    },
    waitFor: async (count, ms = 5000) => {
      const until = performance.now() + ms;
      while (received.length < count) {
        if (performance.now() > until)
          throw new Error(`expected ${count} activities, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return received;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
