// A small Bot Framework connector for the local chat page: the bot posts its replies here (the page's
// activities name it as their serviceUrl), they are kept in memory and streamed to the page as
// server-sent events. Only served in local mode.
import type { ServerResponse } from 'node:http';
import type { Route } from '../../http/route.js';
import { readJsonObject } from '../../http/read-body.js';

const KEEP_PER_CONVERSATION = 200;
const KEEP_CONVERSATIONS = 100;

interface LocalEvent {
  seq: number;
  kind: 'activity' | 'update';
  activity: Record<string, unknown>;
}

interface LocalConversation {
  events: LocalEvent[];
  listeners: Set<ServerResponse>;
}

export interface LocalConnector {
  routes: Record<string, Route>;
  /** Everything the bot sent to a conversation (for tests and debugging). */
  activitiesOf(conversationId: string): Record<string, unknown>[];
}

export function createLocalConnector(): LocalConnector {
  const conversations = new Map<string, LocalConversation>();
  let seq = 0;
  const conversation = (id: string): LocalConversation => {
    let c = conversations.get(id);
    if (!c) {
      c = { events: [], listeners: new Set() };
      conversations.set(id, c);
      if (conversations.size > KEEP_CONVERSATIONS) {
        const oldest = [...conversations].find(([, v]) => v.listeners.size === 0);
        if (oldest) conversations.delete(oldest[0]);
      }
    }
    return c;
  };
  const publish = (id: string, kind: LocalEvent['kind'], activity: Record<string, unknown>) => {
    const c = conversation(id);
    const event = { seq: ++seq, kind, activity };
    c.events.push(event);
    if (c.events.length > KEEP_PER_CONVERSATION) c.events.shift();
    for (const res of c.listeners) writeEvent(res, event);
  };
  const receive =
    (kind: LocalEvent['kind']): Route =>
    async (req, res, params) => {
      const body = await readJsonObject(req);
      if (!body.ok) return void res.writeHead(body.status).end();
      const id = kind === 'update' ? (params.activityId ?? '') : `bot-${seq + 1}`;
      publish(params.id ?? '', kind, { ...body.value, id });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
    };
  const events: Route = async (req, res, params) => {
    const c = conversation(params.id ?? '');
    const after = Number(
      req.headers['last-event-id'] ?? new URL(req.url ?? '/', 'http://x').searchParams.get('after') ?? 0,
    );
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write('retry: 1000\n\n');
    for (const e of c.events.filter((x) => x.seq > after)) writeEvent(res, e);
    c.listeners.add(res);
    req.on('close', () => c.listeners.delete(res));
  };
  const base = '/local/connector/v3/conversations/:id/activities';
  return {
    routes: {
      [`POST ${base}`]: receive('activity'),
      [`POST ${base}/:activityId`]: receive('activity'),
      [`PUT ${base}/:activityId`]: receive('update'),
      'GET /local/conversations/:id/events': events,
    },
    activitiesOf: (id) => conversations.get(id)?.events.map((e) => e.activity) ?? [],
  };
}

function writeEvent(res: ServerResponse, e: LocalEvent): void {
  res.write(`id: ${e.seq}\nevent: ${e.kind}\ndata: ${JSON.stringify(e.activity)}\n\n`);
}
