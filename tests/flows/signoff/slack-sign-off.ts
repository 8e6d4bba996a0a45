// Steps of the Slack sign-off tests, through the real /slack/events endpoint: Dan submitting 2.2 Q4 from
// the return modal, and a say button pressed in someone's DM.
import { expect } from 'vitest';
import type { Json } from '../../fakes/slack-api.js';
import * as payloads from '../../fixtures/slack/payloads.js';
import {
  DAN,
  dmChannelOf,
  postsIn,
  sendInteraction,
  type SlackHarness,
} from '../../channels/slack/slack-client.js';

/** Opens Dan's return modal for 2.2 Q4 from a button and submits it. */
export async function submitAsDan(h: SlackHarness): Promise<void> {
  const click = payloads.buttonClick(
    DAN,
    { action_id: 'open_return', value: 'submit 2.2 2015/16 Q4' },
    h.api.responseUrl('o'),
  );
  await sendInteraction(h.url, click);
  await h.api.waitFor(() => h.api.ok('views.open').length > 0, 'views.open');
  const view = h.api.ok('views.open')[0]?.args.view as Json;
  const res = await sendInteraction(
    h.url,
    payloads.viewSubmission(DAN, view, {
      'figure.value': '500',
      narrative: 'Night-time economy again.',
      correctiveAction: 'Extra patrols in the town centre.',
    }),
  );
  expect(res.status).toBe(200);
  await h.api.waitFor(() => postsIn(h.api, dmChannelOf(DAN)).length > 0, 'the confirmation DM');
}

/** Presses a say button in a DM; the request is acknowledged (what it leads to is the caller's to wait for). */
export async function press(h: SlackHarness, user: string, channel: string, value: string): Promise<void> {
  const payload = payloads.buttonClick(user, { action_id: 'say:0', value }, h.api.responseUrl('c'), {
    container: { type: 'message', message_ts: '1462181400.000101', channel_id: channel, is_ephemeral: false },
    channel: { id: channel, name: 'directmessage' },
  });
  const res = await sendInteraction(h.url, payload);
  expect(res.status).toBe(200);
}

/** Presses a say button in the person's DM and waits for the answer posted there. */
export async function click(h: SlackHarness, user: string, channel: string, value: string): Promise<string> {
  const before = postsIn(h.api, channel).length;
  await press(h, user, channel, value);
  await h.api.waitFor(() => postsIn(h.api, channel).length > before, 'the answer');
  return JSON.stringify(postsIn(h.api, channel)[before]?.args);
}
