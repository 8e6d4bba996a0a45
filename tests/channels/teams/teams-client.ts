// Talks to the bot as Teams does: fixture activities posted to /api/messages with the fake connector
// as their serviceUrl, and helpers to read the cards the bot sends back.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startFakeConnector, type FakeConnector } from '../../fakes/bot-connector.js';
import { startTestServer, type TestServer } from '../test-server.js';

export type Json = Record<string, unknown>;

export const DAN_AAD = '9c41d0a2-5be3-4f17-8e2d-6a0b3c7f1d95';
export const STRANGER_AAD = '00000000-dead-beef-0000-000000000000';

let counter = 0;

/** A fixture from tests/fixtures/teams with a fresh activity id, the fake connector and changes applied. */
export function teamsActivity(name: string, connector: FakeConnector, changes: Json = {}): Json {
  const base = JSON.parse(readFileSync(`tests/fixtures/teams/${name}.json`, 'utf8')) as Json;
  return { ...base, id: `test-${++counter}`, serviceUrl: connector.url, ...changes };
}

export function fromUser(aadObjectId: string, id = `29:user-${aadObjectId.slice(0, 8)}`): Json {
  return { from: { id, name: 'Someone', aadObjectId } };
}

export async function postActivity(baseUrl: string, activity: Json, headers: Record<string, string> = {}) {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  const json = /json/.test(res.headers.get('content-type') ?? '') && text !== '';
  return { status: res.status, body: json ? (JSON.parse(text) as Json) : null, text };
}

export function invoke(connector: FakeConnector, verb: string, data: Json, changes: Json = {}): Json {
  return teamsActivity('card-action-invoke', connector, {
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    ...changes,
  });
}

/** The Adaptive Card of a sent activity, or null. */
export function cardOf(activity: Json): Json | null {
  const attachments = (activity.attachments ?? []) as { contentType: string; content: Json }[];
  return (
    attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content ?? null
  );
}

/** Every object in a card, depth first. */
export function nodesOf(value: unknown): Json[] {
  if (Array.isArray(value)) return value.flatMap(nodesOf);
  if (!value || typeof value !== 'object') return [];
  return [value as Json, ...Object.values(value).flatMap(nodesOf)];
}

/** The data of the card's Action.Execute with this verb (ref, period, token...). */
export function actionData(card: Json, verb: string): Json {
  const action = nodesOf(card).find((n) => n.type === 'Action.Execute' && n.verb === verb);
  if (!action) throw new Error(`no ${verb} action in ${JSON.stringify(card).slice(0, 300)}`);
  return action.data as Json;
}

/** The ids of the card's inputs. */
export function inputIds(card: Json): string[] {
  return nodesOf(card)
    .filter((n) => typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string')
    .map((n) => n.id as string);
}

export interface TeamsHarness {
  t: TestServer;
  connector: FakeConnector;
}

/** Starts the server and a fake connector for the file's tests; forgets what was sent after each. */
export function useTeamsHarness(env: Record<string, string> = {}): TeamsHarness {
  const h = {} as TeamsHarness;
  beforeAll(async () => {
    h.connector = await startFakeConnector();
    h.t = await startTestServer(env);
  });
  afterAll(async () => {
    await h.t?.close();
    await h.connector?.close();
  });
  afterEach(() => {
    h.connector.received.length = 0;
    h.connector.refused.length = 0;
    h.connector.gone.clear();
    h.connector.members.clear();
  });
  return h;
}
