// Failures at the edges of the server, through the real HTTP server with the process's own logger: a Bot
// Framework connector that cannot be reached, a client that goes away mid-request, a chunked body far
// over the limit, and the shape of the log lines themselves.
import { connect } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeConnector, type FakeConnector } from '../../fakes/bot-connector.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../fakes/slack-api.js';
import * as payloads from '../../fixtures/slack/payloads.js';
import { DAN, sendEvent, slackEnv, startSlackTestServer } from '../../channels/slack/slack-client.js';
import { DAN_AAD, fromUser, postActivity, teamsActivity } from '../../channels/teams/teams-client.js';
import type { TestServer } from '../../channels/test-server.js';
import { captureLog } from '../../helpers/captured-log.js';

interface Line {
  level: number;
  msg: string;
  reqId?: string;
  [key: string]: unknown;
}

const { log, lines } = captureLog();
let api: FakeSlackApi;
let connector: FakeConnector;
let t: TestServer;

beforeAll(async () => {
  api = await startFakeSlackApi();
  connector = await startFakeConnector();
  t = await startSlackTestServer({ ...slackEnv(api), REMINDERS: 'off', RATE_LIMIT_PER_MINUTE: '0' }, log);
});

afterAll(async () => {
  await t?.close();
  await api?.close();
  await connector?.close();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const parsed = () => lines.map((l) => JSON.parse(l) as Line);
const linesOf = (reqId: string) => parsed().filter((l) => l.reqId === reqId);
const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

describe('a Bot Framework connector that cannot be reached', () => {
  it('is answered 500 with a plain apology, its detail logged and scrubbed, nothing printed to the console', async () => {
    const printed = [
      vi.spyOn(console, 'error').mockImplementation(() => {}),
      vi.spyOn(console, 'warn').mockImplementation(() => {}),
      vi.spyOn(console, 'log').mockImplementation(() => {}),
    ];
    // Nothing listens on port 1: every send to this serviceUrl is refused.
    const activity = teamsActivity('personal-message', connector, {
      text: 'status of 2.2',
      serviceUrl: 'http://127.0.0.1:1/',
      ...fromUser(DAN_AAD),
    });
    const res = await postActivity(t.server.url, activity, { 'x-request-id': 'connector-down' });
    expect(res.status).toBe(500);
    expect(res.text).toMatch(/went wrong on our side/);
    expect(res.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|Error/);
    await settle();
    for (const spy of printed) expect(spy).not.toHaveBeenCalled();
    const logged = linesOf('connector-down');
    expect(logged.filter((l) => l.level >= 50).map((l) => JSON.stringify(l))).toEqual(
      expect.arrayContaining([expect.stringMatching(/ECONNREFUSED/)]),
    );
    // The connector client retries a refused connection with back-off before giving up.
  }, 60_000);
  it('an activity with an empty type is refused 400 with the reason, nothing printed to the console', async () => {
    const printed = [
      vi.spyOn(console, 'error').mockImplementation(() => {}),
      vi.spyOn(console, 'warn').mockImplementation(() => {}),
    ];
    const res = await postActivity(
      t.server.url,
      teamsActivity('personal-message', connector, { type: '', ...fromUser(DAN_AAD) }),
    );
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/type/);
    for (const spy of printed) expect(spy).not.toHaveBeenCalled();
  });
});

describe('a client that goes away mid-request', () => {
  /** Sends the headers and part of a body, then drops the connection. */
  async function abandon(path: string, reqId: string): Promise<void> {
    const socket = connect(Number(new URL(t.server.url).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\n` +
        `content-length: 1000\r\nx-request-id: ${reqId}\r\n\r\n{"type":"mess`,
    );
    await settle(100);
    socket.destroy();
    await settle();
  }

  it.each([
    ['/api/messages', 'gone-teams'],
    ['/slack/events', 'gone-slack'],
  ])('on %s is logged below error level, as aborted', async (path, reqId) => {
    await abandon(path, reqId);
    const logged = linesOf(reqId);
    expect(logged.filter((l) => l.level >= 50)).toEqual([]);
    expect(logged).toEqual([expect.objectContaining({ level: 30, msg: 'request aborted' })]);
  });
});

describe('a body far over the limit', () => {
  /**
   * Sends `total` bytes on a bare socket, chunked (no content-length) or with their length declared, all
   * of them before reading the answer; a send that fails (reset, broken pipe) fails, as it does for curl.
   */
  function sendBig(path: string, total: number, chunked: boolean): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const socket = connect(Number(new URL(t.server.url).port), '127.0.0.1');
      let received = '';
      let sentAll = false;
      /** The answer once it is all in: its status, and its body (still framed, when chunked). */
      const answer = () => {
        const split = received.indexOf('\r\n\r\n');
        if (split < 0) return null;
        const head = received.slice(0, split);
        const body = received.slice(split + 4);
        const length = /content-length: (\d+)/i.exec(head)?.[1];
        const complete = length ? Buffer.byteLength(body) >= Number(length) : body.endsWith('0\r\n\r\n');
        return complete ? { status: Number(head.split(' ')[1]), text: body } : null;
      };
      const done = () => {
        const got = answer();
        if (got && sentAll) {
          socket.destroy();
          resolve(got);
        }
      };
      socket.on('data', (c: Buffer) => {
        received += c.toString('utf8');
        done();
      });
      socket.on('error', reject);
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\n` +
          (chunked ? 'transfer-encoding: chunked\r\n\r\n' : `content-length: ${total}\r\n\r\n`),
      );
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const framed = chunked
        ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')])
        : chunk;
      let sent = 0;
      const pump = () => {
        while (sent < total) {
          sent += chunk.length;
          if (!socket.write(framed)) return void socket.once('drain', pump);
        }
        socket.write(chunked ? '0\r\n\r\n' : '', () => {
          sentAll = true;
          done();
        });
      };
      pump();
    });
  }

  it.each([
    ['chunked', '/api/messages', /larger than 256 KB/],
    ['chunked', '/slack/events', /larger than 512 KB/],
    ['declared', '/api/messages', /larger than 256 KB/],
    ['declared', '/slack/events', /larger than 512 KB/],
  ])('of 10 MB (%s) to %s is answered 413, not reset', async (how, path, limit) => {
    const res = await sendBig(path, 10 * 1024 * 1024, how === 'chunked');
    expect(res.status).toBe(413);
    expect(res.text).toMatch(limit);
  });

  it('leaves the server answering', async () => {
    const res = await fetch(`${t.server.url}/healthz`);
    expect(res.status).toBe(200);
  });
});

/** The keys of a JSON line's top-level object in order, duplicates kept (JSON.parse drops them). */
function topLevelKeys(line: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') {
      let j = i + 1;
      while (line[j] !== '"') j += line[j] === '\\' ? 2 : 1;
      if (depth === 1 && line[j + 1] === ':') keys.push(JSON.parse(line.slice(i, j + 1)) as string);
      i = j;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return keys;
}

describe('log lines', () => {
  it('carry each key once, on Slack and on Teams requests', async () => {
    await sendEvent(t.server.url, payloads.directMessage(DAN, 'status of 2.2'), {
      headers: { 'x-request-id': 'keys-slack' },
    });
    await api.waitFor(() => api.ok('chat.postMessage').length > 0, 'the Slack answer');
    await postActivity(
      t.server.url,
      teamsActivity('personal-message', connector, { text: 'status of 2.2', ...fromUser(DAN_AAD) }),
      { 'x-request-id': 'keys-teams' },
    );
    await connector.waitFor(1);
    await settle();
    const mine = lines.filter((l) => /"reqId":"keys-(slack|teams)"/.test(l));
    expect(mine.length).toBeGreaterThan(3);
    const duplicated = mine
      .map((l) => {
        const keys = topLevelKeys(l);
        return keys.filter((k, i) => keys.indexOf(k) !== i);
      })
      .filter((d) => d.length > 0);
    expect(duplicated).toEqual([]);
  });

  it('the key finder sees a repeated key', () => {
    expect(topLevelKeys('{"a":1,"b":{"a":2},"c":"x\\"a\\":","a":3}')).toEqual(['a', 'b', 'c', 'a']);
  });
});
