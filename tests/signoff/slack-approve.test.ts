// Sign-off in Slack through the real /slack/events endpoint: the approver's "Approve" button works for
// the approver only; the bot checks the clicker whatever the button says.
import { describe, expect, it } from 'vitest';
import * as payloads from '../fixtures/slack/payloads.js';
import type { Json } from '../fakes/slack-api.js';
import {
  DAN,
  dmChannelOf,
  postsIn,
  PRIYA,
  sendInteraction,
  useSlackHarness,
} from '../channels/slack-client.js';

const h = useSlackHarness();

/** Opens Dan's return modal for 2.2 Q4 from a button and submits it. */
async function submitAsDan(): Promise<void> {
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

/** Clicks a say button in the person's DM and waits for the answer posted there. */
async function click(user: string, channel: string, value: string): Promise<string> {
  const before = postsIn(h.api, channel).length;
  const payload = payloads.buttonClick(user, { action_id: 'say:0', value }, h.api.responseUrl('c'), {
    container: { type: 'message', message_ts: '1462181400.000101', channel_id: channel, is_ephemeral: false },
    channel: { id: channel, name: 'directmessage' },
  });
  const res = await sendInteraction(h.url, payload);
  expect(res.status).toBe(200);
  await h.api.waitFor(() => postsIn(h.api, channel).length > before, 'the answer');
  return JSON.stringify(postsIn(h.api, channel)[before]?.args);
}

describe('approving a return in Slack', () => {
  it('refuses the owner pressing Approve and accepts the coordinator', async () => {
    await submitAsDan();
    expect(JSON.stringify(postsIn(h.api, dmChannelOf(DAN))[0]?.args)).toContain(
      'Awaiting approval by Priya Sandhu',
    );

    const approve = 'approve 2.2 2015/16 Q4 revision 2';
    expect(await click(DAN, 'D0DANMERCER', approve)).toContain(
      "Only a coordinator or the theme's approver can approve 2.2",
    );
    expect(await h.t.db.prisma.returnReview.count()).toBe(0);

    // The coordinator's review card has the buttons; pressing Approve locks the return.
    const card = await click(PRIYA, 'D0PRIYA', 'review 2.2 2015/16 Q4');
    expect(card).toContain(approve);
    const done = await click(PRIYA, 'D0PRIYA', approve);
    expect(done).toContain('Approved by Priya Sandhu');
    expect(done).not.toContain(approve);
    expect(await h.t.db.prisma.returnReview.findMany()).toMatchObject([
      { revision: 2, decision: 'approved', by: 'priya-sandhu' },
    ]);
  });
});
