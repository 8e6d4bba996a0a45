// Sign-off in Slack through the real /slack/events endpoint: the approver's "Approve" button works for
// the approver only; the bot checks the clicker whatever the button says.
import { describe, expect, it } from 'vitest';
import { DAN, dmChannelOf, postsIn, PRIYA, useSlackHarness } from '../../channels/slack/slack-client.js';
import { click, submitAsDan } from './slack-sign-off.js';

const h = useSlackHarness();

describe('approving a return in Slack', () => {
  it('refuses the owner pressing Approve and accepts the coordinator', async () => {
    await submitAsDan(h);
    expect(JSON.stringify(postsIn(h.api, dmChannelOf(DAN))[0]?.args)).toContain(
      'Awaiting approval by Priya Sandhu',
    );

    const approve = 'approve 2.2 2015/16 Q4 revision 2';
    expect(await click(h, DAN, 'D0DANMERCER', approve)).toContain(
      "Only a coordinator or the theme's approver can approve 2.2",
    );
    expect(await h.t.db.prisma.returnReview.count()).toBe(0);

    // The coordinator's review card has the buttons; pressing Approve locks the return.
    const card = await click(h, PRIYA, 'D0PRIYA', 'review 2.2 2015/16 Q4');
    expect(card).toContain(approve);
    const done = await click(h, PRIYA, 'D0PRIYA', approve);
    expect(done).toContain('Approved by Priya Sandhu');
    expect(done).not.toContain(approve);
    expect(await h.t.db.prisma.returnReview.findMany()).toMatchObject([
      { revision: 2, decision: 'approved', by: 'priya-sandhu' },
    ]);
  });
});
