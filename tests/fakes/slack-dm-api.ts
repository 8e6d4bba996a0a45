// A fake Slack Web API on 127.0.0.1 for direct messages: conversations.open, chat.postMessage (keeping
// each message with its metadata) and conversations.history (giving the metadata back when asked), as
// the outbox needs them to send and to reconcile. Answers can be scripted to fail.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type Json = Record<string, unknown>;

export interface DmMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown;
  metadata: { event_type: string; event_payload: Json } | null;
}

export interface SlackFailure {
  /** A Slack error code answered with ok: false (HTTP 200). */
  error: string;
  /** Keep the message anyway (the operation happened, the answer says otherwise). */
  store?: boolean;
}

export interface FakeSlackDm {
  apiUrl: string;
  messages: DmMessage[];
  calls: { method: string; args: Json }[];
  /** Users conversations.open refuses with user_not_found. */
  unknownUsers: Set<string>;
  failNext(method: string, failure: SlackFailure): void;
  posted(): DmMessage[];
  close(): Promise<void>;
}

function decode(raw: string, contentType: string): Json {
  if (/json/.test(contentType)) return raw ? (JSON.parse(raw) as Json) : {};
  const args: Json = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = ['blocks', 'metadata'].includes(key) ? JSON.parse(value) : value;
  }
  return args;
}

/** `clock` stamps messages (ts), as the test's time moves. */
export async function startFakeSlackDm(clock: () => Date): Promise<FakeSlackDm> {
  const failures = new Map<string, SlackFailure[]>();
  let n = 0;
  const fake: FakeSlackDm = {
    apiUrl: '',
    messages: [],
    calls: [],
    unknownUsers: new Set(),
    failNext: (method, failure) => failures.set(method, [...(failures.get(method) ?? []), failure]),
    posted: () => fake.messages,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const store = (args: Json): DmMessage => {
    const message = {
      channel: String(args.channel),
      ts: `${Math.floor(clock().getTime() / 1000)}.${String(++n).padStart(6, '0')}`,
      text: String(args.text ?? ''),
      blocks: args.blocks,
      metadata: (args.metadata as DmMessage['metadata']) ?? null,
    };
    fake.messages.push(message);
    return message;
  };
  const answer = (method: string, args: Json): Json => {
    const failure = failures.get(method)?.shift();
    if (failure) {
      if (failure.store && method === 'chat.postMessage') store(args);
      return { ok: false, error: failure.error };
    }
    switch (method) {
      case 'conversations.open': {
        const user = String(args.users);
        return fake.unknownUsers.has(user)
          ? { ok: false, error: 'user_not_found' }
          : { ok: true, channel: { id: `D${user}` } };
      }
      case 'chat.postMessage': {
        const m = store(args);
        return { ok: true, channel: m.channel, ts: m.ts };
      }
      case 'conversations.history': {
        const all = [...fake.messages].filter(
          (m) => m.channel === args.channel && Number(m.ts) >= Number(args.oldest ?? 0),
        );
        const withMeta = args.include_all_metadata === true || args.include_all_metadata === 'true';
        const messages = all.reverse().map(({ ts, text, metadata }) => ({
          type: 'message',
          ts,
          text,
          ...(withMeta && metadata ? { metadata } : {}),
        }));
        return { ok: true, messages, has_more: false };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/api\//, '');
      const args = decode(Buffer.concat(chunks).toString('utf8'), req.headers['content-type'] ?? '');
      fake.calls.push({ method, args });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer(method, args)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.apiUrl = `http://127.0.0.1:${port}/api/`;
  return fake;
}
