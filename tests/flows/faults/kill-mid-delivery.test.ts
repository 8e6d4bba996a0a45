// A bot process killed (SIGKILL) while a reminder is being posted to Slack: once with the message
// already at Slack and the answer not yet back, once with the request held before it reached Slack.
// Restarted on the same database, delivery resumes: the message is looked up in the DM by the outbox
// ids in its metadata, and it arrives exactly once either way.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../../fakes/fault-proxy.js';
import { startFakeSlackDm, type FakeSlackDm } from '../../fakes/slack-dm-api.js';
import { minimalPlanWithSlackIds } from '../../helpers/plan-text.js';
import { jobsHarness, type Harness } from '../../jobs/jobs-harness.js';
import { kill, runChild, startChild, waitUntil } from './child-process.js';

const plan = minimalPlanWithSlackIds;

let slack: FakeSlackDm;
let proxy: FaultProxy;
let h: Harness;

beforeEach(async () => {
  slack = await startFakeSlackDm(() => h.now());
  proxy = await startFaultProxy(new URL(slack.apiUrl).origin, (_m, path) =>
    path.endsWith('/chat.postMessage'),
  );
  h = await jobsHarness({ planText: plan(), reachable: [], senders: () => ({ teams: null, slack: null }) });
  h.at('2016-04-13T09:00');
  await h.tick();
});

afterEach(async () => {
  await h?.close();
  await proxy?.close();
  await slack?.close();
});

const minutes = (n: number) => new Date(h.now().getTime() + n * 60_000).toISOString();
const anas = async () => (await h.outbox()).filter((r) => r.recipient === 'ana-owner');
const posts = () => slack.calls.filter((c) => c.method === 'chat.postMessage');

/** Starts a delivering process, waits until its post is in flight, and kills it. */
async function killMidSend(hang: 'before' | 'after'): Promise<void> {
  proxy.fail({ hang });
  const child = startChild('deliver-process.ts', [h.s.db.url, `${proxy.url}/api/`, minutes(0)]);
  await waitUntil(child, () => proxy.seen.some((s) => s.path.endsWith('/chat.postMessage')), 'the post');
  if (hang === 'after') await waitUntil(child, () => slack.messages.length === 1, 'the message at Slack');
  await kill(child);
  expect((await anas()).map((r) => r.status)).toEqual(['sending', 'sending', 'sending', 'sending']);
}

/** A new process on the same database, after the dead one's claim has expired. */
const restart = () =>
  runChild<{ sent: number; reconciled: number }[]>('deliver-process.ts', [
    h.s.db.url,
    `${proxy.url}/api/`,
    minutes(10),
    minutes(11),
  ]);

describe('a process killed mid-delivery', () => {
  it('with the message at Slack: after a restart it is found in the DM and not posted again', async () => {
    await killMidSend('after');

    const reports = await restart();
    expect(reports.reduce((n, r) => n + r.reconciled, 0)).toBe(4);

    expect(slack.messages).toHaveLength(1);
    expect(posts()).toHaveLength(1);
    const rows = await anas();
    expect(rows.every((r) => r.status === 'sent' && r.providerId === slack.messages[0]?.ts)).toBe(true);
  }, 120_000);

  it('with the request held before Slack: after a restart it is posted, once', async () => {
    await killMidSend('before');
    expect(slack.messages).toHaveLength(0);

    const reports = await restart();
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(4);

    expect(slack.messages).toHaveLength(1);
    expect(slack.messages[0]?.channel).toBe('DU0ANA');
    expect((await anas()).every((r) => r.status === 'sent')).toBe(true);
  }, 120_000);
});
