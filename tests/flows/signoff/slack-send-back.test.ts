// Sending a return back in Slack, through the real /slack/events endpoint: a Slack message has no text
// box, so the review's "Send back" button opens a modal for the comment, and the comment reaches the
// owner. The bot checks the clicker and the comment whatever the modal says.
import { describe, expect, it } from 'vitest';
import { listOutbox } from '../../../src/store/outbox-store.js';
import type { Json } from '../../fakes/slack-api.js';
import * as payloads from '../../fixtures/slack/payloads.js';
import {
  DAN,
  dmChannelOf,
  postsIn,
  PRIYA,
  sendInteraction,
  useSlackHarness,
} from '../../channels/slack/slack-client.js';
import { click, press, submitAsDan } from './slack-sign-off.js';

const h = useSlackHarness();
const SEND_BACK = 'send back 2.2 2015/16 Q4 revision 2';

/** Priya presses Send back in her DM; the modal Slack was asked to open. */
async function openSendBack(): Promise<Json> {
  const before = h.api.ok('views.open').length;
  await press(h, PRIYA, 'D0PRIYA', SEND_BACK);
  await h.api.waitFor(() => h.api.ok('views.open').length > before, 'the send-back modal');
  return h.api.ok('views.open')[before]?.args.view as Json;
}

const sendBack = (view: Json, comment: string, user = PRIYA) =>
  sendInteraction(h.url, payloads.viewSubmission(user, view, { comment }));

const reviews = () => h.t.db.prisma.returnReview.findMany();

describe('sending a return back in Slack', () => {
  it('opens a comment modal for the coordinator and refuses empty or overlong comments', async () => {
    await submitAsDan(h);
    const card = await click(h, PRIYA, 'D0PRIYA', 'review 2.2 2015/16 Q4');
    expect(card).toContain(SEND_BACK);

    const view = await openSendBack();
    expect(view).toMatchObject({ type: 'modal', callback_id: 'send_back', submit: { text: 'Send back' } });
    expect(JSON.stringify(view.blocks)).toContain('Return for 2015/16 Q4, revision 2');
    expect(JSON.parse(String(view.private_metadata))).toMatchObject({
      ref: '2.2',
      period: '2015/16 Q4',
      verb: 'sendBackReturn',
      revision: 2,
    });
    // Nothing was posted: the modal is the answer.
    expect(postsIn(h.api, 'D0PRIYA')).toHaveLength(1);

    const blank = await sendBack(view, '   ');
    expect(blank.json).toEqual({
      response_action: 'errors',
      errors: { comment: expect.stringMatching(/^Say what Insp\. Dan Mercer should change/) },
    });
    const long = await sendBack(view, 'x'.repeat(1001));
    expect(long.json).toEqual({
      response_action: 'errors',
      errors: { comment: 'The comment is 1,001 characters: keep it to 1,000. Nothing was sent back.' },
    });
    expect(await reviews()).toEqual([]);
  });

  it('sends it back with the comment, which reaches the owner, and shows the coordinator the new state', async () => {
    const view = await openSendBack();
    const done = await sendBack(view, 'The March figure looks low: please check it.');
    expect(done.json).toEqual({ response_action: 'clear' });
    expect(await reviews()).toMatchObject([
      {
        revision: 2,
        decision: 'sentBack',
        by: 'priya-sandhu',
        comment: 'The March figure looks low: please check it.',
      },
    ]);
    await h.api.waitFor(() => postsIn(h.api, dmChannelOf(PRIYA)).length > 0, 'the review by DM');
    expect(JSON.stringify(postsIn(h.api, dmChannelOf(PRIYA)).at(-1)?.args)).toContain(
      'Sent back by Priya Sandhu',
    );

    const toDan = (await listOutbox(h.t.db.prisma, null)).filter(
      (r) => r.recipient === 'dan-mercer' && r.kind === 'notice',
    );
    expect(JSON.stringify(toDan.map((r) => r.payload))).toContain(
      'Priya Sandhu sent back 2.2 Reduce violence without injury for 2015/16 Q4: \\"The March figure looks low: please check it.\\" Please change it and submit again.',
    );
  });

  it('refuses the owner: no modal opens, and the answer says who may send it back', async () => {
    const answer = await click(h, DAN, 'D0DANMERCER', SEND_BACK);
    expect(answer).toContain("Only a coordinator or the theme's approver can send back 2.2");
    expect(h.api.ok('views.open')).toEqual([]);
  });

  it('refuses a modal submitted by someone who may not send it back, storing nothing more', async () => {
    const view = await openSendBack();
    const before = await reviews();
    const res = await sendBack(view, 'Not mine to say.', DAN);
    expect(res.json).toEqual({ response_action: 'clear' });
    await h.api.waitFor(() => postsIn(h.api, dmChannelOf(DAN)).length > 0, 'the refusal by DM');
    expect(JSON.stringify(postsIn(h.api, dmChannelOf(DAN))[0]?.args)).toContain(
      "Only a coordinator or the theme's approver can send back 2.2",
    );
    expect(await reviews()).toEqual(before);
  });
});
