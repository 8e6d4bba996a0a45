// A fake Slack Web API on 127.0.0.1, given to the bot as SLACK_API_URL: records every call (method from
// the path, form or JSON body decoded, JSON-valued fields such as `blocks` and `view` parsed) and answers
// as Slack does. It also takes response_url posts (under /respond/), recorded apart. Like Slack, it
// refuses a message whose image it cannot download (anything not https) with `invalid_blocks`. File uploads
// (files upload v2) are kept: the bytes posted to the upload URL, by file id.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Json = Record<string, unknown>;

export interface ApiCall {
  method: string;
  token: string | undefined;
  args: Json;
  /** What the fake answered. */
  answer: Json;
}

export interface Responded {
  path: string;
  body: Json;
}

/** A file uploaded by files upload v2: announced, its bytes posted to the upload URL, then completed. */
export interface Upload {
  fileId: string;
  filename: string;
  length: number;
  altText: string | undefined;
  /** The bytes posted to the upload URL (null until they arrive). */
  bytes: Buffer | null;
}

export interface FakeSlackApi {
  /** The Web API base URL, ending with "/". */
  apiUrl: string;
  /** A response_url for a payload. */
  responseUrl(id: string): string;
  calls: ApiCall[];
  responded: Responded[];
  /** Files announced with files.getUploadURLExternal, by file id. */
  uploads: Map<string, Upload>;
  /** Slack users by id, as users.info answers them. */
  users: Map<string, { email?: string; is_bot?: boolean; team?: string }>;
  /** The next call of `method` fails with this Slack error (or HTTP status). */
  failNext(method: string, error: string | number): void;
  /** Successful calls of a method, in order. */
  ok(method: string): ApiCall[];
  waitFor(check: () => boolean, what: string, ms?: number): Promise<void>;
  /** Waits until nothing has been called for `ms`, so a test's late calls do not spill into the next. */
  quiet(ms?: number): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}

const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'metadata', 'files']);

function decode(raw: string, contentType: string): Json {
  if (/json/.test(contentType)) return raw ? (JSON.parse(raw) as Json) : {};
  const args: Json = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  }
  return args;
}

function unreachableImage(args: Json): string | null {
  const blocks = Array.isArray(args.blocks) ? (args.blocks as Json[]) : [];
  const i = blocks.findIndex((b) => b.type === 'image' && !String(b.image_url).startsWith('https://'));
  return i < 0 ? null : `downloading image failed [json-pointer:/blocks/${i}/image_url]`;
}

function answerFor(method: string, args: Json, fake: FakeSlackApi, n: number): Json {
  switch (method) {
    case 'auth.test':
      return { ok: true, user_id: 'U0PERFBOT', bot_id: 'B0PERFBOT', team_id: 'T0PARTNER', team: 'Safer' };
    case 'chat.postMessage':
    case 'chat.postEphemeral': {
      const refused = unreachableImage(args);
      if (refused) return { ok: false, error: 'invalid_blocks', errors: [refused] };
      return { ok: true, channel: args.channel, ts: `1462181400.${String(n).padStart(6, '0')}` };
    }
    case 'views.open':
    case 'views.publish':
    case 'views.update':
      return { ok: true, view: { id: `V0VIEW${n}`, ...(args.view as Json) } };
    case 'users.info': {
      const user = fake.users.get(String(args.user));
      return user
        ? {
            ok: true,
            user: {
              id: args.user,
              is_bot: user.is_bot ?? false,
              profile: { email: user.email },
              ...(user.team ? { team_id: user.team } : {}),
            },
          }
        : { ok: false, error: 'user_not_found' };
    }
    case 'apps.connections.open':
      // No WebSocket here: Socket Mode is refused as a revoked app token would be.
      return { ok: false, error: 'invalid_auth' };
    case 'conversations.open':
      return { ok: true, channel: { id: `D0${String(args.users).slice(1)}` } };
    case 'files.getUploadURLExternal': {
      const fileId = `F0CHART${n}`;
      fake.uploads.set(fileId, {
        fileId,
        filename: String(args.filename),
        length: Number(args.length),
        altText: args.alt_text === undefined ? undefined : String(args.alt_text),
        bytes: null,
      });
      return {
        ok: true,
        file_id: fileId,
        upload_url: `${fake.apiUrl.replace(/api\/$/, '')}upload/${fileId}`,
      };
    }
    case 'files.completeUploadExternal': {
      const files = Array.isArray(args.files) ? (args.files as Json[]) : [];
      const complete = files.every((f) => fake.uploads.get(String(f.id))?.bytes);
      return complete
        ? { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) }
        : { ok: false, error: 'file_uploads_not_found' };
    }
    default:
      return { ok: false, error: 'unknown_method' };
  }
}

/** The file's bytes from the upload URL's body: multipart form data (as the web client sends it) or raw. */
async function receiveUpload(body: Buffer, contentType: string): Promise<Buffer> {
  if (!/multipart\/form-data/.test(contentType)) return body;
  const form = await new Request('http://x', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: new Uint8Array(body),
  }).formData();
  const file = [...form.values()].find((v): v is File => typeof v !== 'string');
  return file ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
}

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const failures = new Map<string, (string | number)[]>();
  let n = 0;
  const fake: FakeSlackApi = {
    apiUrl: '',
    responseUrl: () => '',
    calls: [],
    responded: [],
    users: new Map(),
    uploads: new Map(),
    failNext: (method, error) => failures.set(method, [...(failures.get(method) ?? []), error]),
    ok: (method) => fake.calls.filter((c) => c.method === method && c.answer.ok === true),
    waitFor: async (check, what, ms = 5000) => {
      const until = performance.now() + ms;
      while (!check()) {
        if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    quiet: async (ms = 150) => {
      for (;;) {
        const seen = fake.calls.length + fake.responded.length;
        await new Promise((r) => setTimeout(r, ms));
        if (fake.calls.length + fake.responded.length === seen) return;
      }
    },
    reset: () => {
      fake.calls.length = 0;
      fake.responded.length = 0;
      fake.users.clear();
      fake.uploads.clear();
      failures.clear();
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path.startsWith('/upload/')) {
        const upload = fake.uploads.get(path.slice('/upload/'.length));
        void receiveUpload(Buffer.concat(chunks), req.headers['content-type'] ?? '').then((bytes) => {
          if (upload) upload.bytes = bytes;
          res.writeHead(upload ? 200 : 404).end(upload ? `OK - ${bytes.length}` : 'no such upload');
        });
        return;
      }
      const args = decode(Buffer.concat(chunks).toString('utf8'), req.headers['content-type'] ?? '');
      const json = (status: number, body: Json) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (path.startsWith('/respond/')) {
        fake.responded.push({ path, body: args });
        return json(200, { ok: true });
      }
      const method = path.replace(/^\/api\//, '');
      const failure = failures.get(method)?.shift();
      const answer =
        failure === undefined
          ? answerFor(method, args, fake, ++n)
          : { ok: false, error: typeof failure === 'number' ? `http_${failure}` : failure };
      const token = req.headers.authorization?.replace(/^Bearer /, '');
      fake.calls.push({ method, token, args, answer });
      if (typeof failure === 'number') return res.writeHead(failure).end();
      json(200, answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.apiUrl = `http://127.0.0.1:${port}/api/`;
  fake.responseUrl = (id) => `http://127.0.0.1:${port}/respond/${id}`;
  return fake;
}
