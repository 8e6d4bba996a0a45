// The whole sign-off path through the conversation: the owner submits, the approver is told and
// approves, the approved return is locked, the coordinator reopens it, the owner resubmits, and a
// send-back with a comment reaches the owner. Whoever else presses the buttons changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAudit } from '../../../src/store/audit-store.js';
import { botSession, only, type BotSession } from '../../helpers/bot-session.js';
import { good, noticesFor, openForm, planWith, press, submit22, textOf } from './sign-off-helpers.js';

let s: BotSession;
afterEach(async () => {
  await s.close();
});

const reviews = () => s.db.prisma.returnReview.findMany();

describe('sign-off by the coordinator (no theme approver)', () => {
  beforeEach(async () => {
    s = await botSession();
  });

  it('runs from submission to approval, lock, reopening, resubmission and send-back', async () => {
    // The owner submits: the return awaits approval and the coordinator gets a notice with the figures.
    const stored = only(await submit22(s), 'returnStored');
    // The revision is said once: the sign-off words do not repeat it.
    expect(stored.message).toBe(
      'Stored as revision 2; revision 1 is kept in the history. Thank you. Awaiting approval by Priya Sandhu.',
    );
    const [notice] = await noticesFor(s, 'priya-sandhu');
    expect(notice?.key).toBe('notice:review:2.2:2015/16 Q4:r2:priya-sandhu');
    const payload = notice?.payload;
    if (payload?.kind !== 'notice') throw new Error('expected a notice');
    expect(payload.text).toContain('Insp. Dan Mercer submitted 2.2');
    expect(payload.text).toContain('Figure: 500');
    expect(payload.buttons).toEqual([
      { label: 'Approve', say: 'approve 2.2 2015/16 Q4 revision 2' },
      { label: 'Send back', say: 'review 2.2 2015/16 Q4' },
    ]);

    // Someone who may not approve presses the same button: refused, nothing recorded.
    const refused = await s.act('joanne-lister', { verb: 'say', data: { say: payload.buttons[0]?.say } });
    expect(textOf(refused)).toContain("Only a coordinator or the theme's approver can approve 2.2");
    const owner = await s.act('dan-mercer', {
      verb: 'approveReturn',
      data: { ref: '2.2', period: '2015/16 Q4', revision: 2 },
    });
    expect(textOf(owner)).toContain('Only a coordinator');
    expect(await reviews()).toEqual([]);

    // The coordinator approves: the card says so and offers no more buttons.
    const approved = only(await s.say('priya-sandhu', 'approve 2.2 2015/16 Q4 revision 2'), 'review');
    expect(approved.view.state).toBe('Approved by Priya Sandhu on Monday 2 May 2016 (revision 2): locked.');
    expect(approved.view.canDecide).toBe(false);

    // The owner can no longer change it, neither from a new card nor from one opened before.
    const locked = only(await s.say('dan-mercer', 'submit 2.2'), 'text');
    expect(locked.text).toBe(
      '2.2 2015/16 Q4 was approved by Priya Sandhu on Monday 2 May 2016; ask the coordinator (Priya Sandhu) to reopen it ("reopen 2.2 2015/16 Q4 because …").',
    );
    expect(await s.revisions('2.2', '2015/16 Q4')).toHaveLength(2);

    // Only the coordinator reopens, and only with a reason.
    expect(textOf(await s.say('dan-mercer', 'reopen 2.2 Q4 because I typed it wrong'))).toContain(
      'Only a coordinator can reopen',
    );
    expect(textOf(await s.say('priya-sandhu', 'reopen 2.2 Q4'))).toContain('Say why');
    const reopened = only(
      await s.say('priya-sandhu', 'reopen 2.2 Q4 because Police revised the March figure'),
      'review',
    );
    expect(reopened.view.state).toContain(
      'Reopened by Priya Sandhu on Monday 2 May 2016: "Police revised the March figure"',
    );
    const told = await noticesFor(s, 'dan-mercer');
    expect(told.map((n) => (n.payload.kind === 'notice' ? n.payload.text : ''))).toEqual([
      'Priya Sandhu approved 2.2 Reduce violence without injury for 2015/16 Q4: it is now locked.',
      'Priya Sandhu reopened 2.2 Reduce violence without injury for 2015/16 Q4: "Police revised the March figure". You can change it now.',
    ]);

    // The owner resubmits: revision 3 awaits approval again.
    const again = only(await submit22(s, 'dan-mercer', { ...good, 'figure.value': '510' }), 'returnStored');
    expect(again.message).toContain('Stored as revision 3');
    expect(again.message).toContain('Awaiting approval');

    // Send back without a comment asks for one; with one, it reaches the owner.
    const ask = only(
      await s.act('priya-sandhu', {
        verb: 'sendBackReturn',
        data: { ref: '2.2', period: '2015/16 Q4', revision: 3, comment: '  ' },
      }),
      'review',
    );
    expect(ask.view.commentError).toContain('Say what Insp. Dan Mercer should change');
    // The card's box holds 1,000 characters; a crafted card with more is refused, not stored.
    const long = only(
      await s.act('priya-sandhu', {
        verb: 'sendBackReturn',
        data: { ref: '2.2', period: '2015/16 Q4', revision: 3, comment: 'x'.repeat(5000) },
      }),
      'review',
    );
    expect(long.view.commentError).toBe(
      'The comment is 5,000 characters: keep it to 1,000. Nothing was sent back.',
    );
    expect(long.view.state).toContain('Awaiting approval');
    const sent = only(
      await s.act('priya-sandhu', {
        verb: 'sendBackReturn',
        data: { ref: '2.2', period: '2015/16 Q4', revision: 3, comment: 'The March figure is missing.' },
      }),
      'review',
    );
    expect(sent.view.state).toContain(
      'Sent back by Priya Sandhu on Monday 2 May 2016: "The March figure is missing". Waiting for Insp. Dan Mercer to change it.',
    );
    const last = (await noticesFor(s, 'dan-mercer')).at(-1);
    expect(last?.payload).toEqual({
      kind: 'notice',
      text: 'Priya Sandhu sent back 2.2 Reduce violence without injury for 2015/16 Q4: "The March figure is missing." Please change it and submit again.',
      buttons: [{ label: 'Change the return', say: 'submit 2.2 2015/16 Q4' }],
    });
    // ...and the owner may resubmit after a send-back.
    expect(
      only(await submit22(s, 'dan-mercer', { ...good, 'figure.value': '520' }), 'returnStored').message,
    ).toContain('revision 4');

    const actions = (await readAudit(s.db.prisma, { partnershipId: s.partnership.id, ref: '2.2' }))
      .filter((e) => e.action.startsWith('return.'))
      .map((e) => `${e.action} ${e.actor} ${e.channel}`);
    expect(actions).toEqual([
      'return.submit dan-mercer local',
      'return.sendBack priya-sandhu local',
      'return.submit dan-mercer local',
      'return.reopen priya-sandhu local',
      'return.approve priya-sandhu local',
      'return.submit dan-mercer local',
    ]);
  });

  it('refuses a card opened before the approval and stores nothing', async () => {
    await submit22(s);
    const form = await openForm(s, 'dan-mercer');
    await s.say('priya-sandhu', 'approve 2.2');
    const replies = await s.act('dan-mercer', press(form, { ...good, 'figure.value': '505' }));
    expect(textOf(replies)).toContain('2.2 2015/16 Q4 was approved by Priya Sandhu');
    expect(await s.revisions('2.2', '2015/16 Q4')).toHaveLength(2);
  });

  it('refuses an approval of a revision that has been replaced, and shows the current one', async () => {
    await submit22(s);
    await submit22(s, 'dan-mercer', { ...good, 'figure.value': '501' });
    const replies = await s.say('priya-sandhu', 'approve 2.2 2015/16 Q4 revision 2');
    expect(textOf(replies)).toContain('revision 3 is current. Nothing was decided');
    expect(only(replies.slice(1), 'review').view.revision).toBe(3);
    expect(await reviews()).toEqual([]);
  });

  it('names the deciders (by person) for the channels to refresh their view of the card', async () => {
    await submit22(s);
    const view = only(await s.say('priya-sandhu', 'review 2.2'), 'review').view;
    // Teams turns these into ids for refresh.userIds: tests/channels/teams/refresh-ids.test.ts.
    expect(view.deciders).toEqual(['priya-sandhu']);
  });

  it('lists what awaits approval, for approvers only', async () => {
    await submit22(s);
    const list = only(await s.say('priya-sandhu', 'approvals'), 'list');
    expect(list.sections[0]?.items.map((i) => i.button?.say)).toEqual(['review 2.2 2015/16 Q4']);
    expect(textOf(await s.say('dan-mercer', 'approvals'))).toBe(
      'You approve no returns in this partnership.',
    );
  });
});

describe('a theme with a named approver', () => {
  beforeEach(async () => {
    s = await botSession({ planText: await planWith({ approver: ['violence', 'ruth-okafor'] }) });
  });

  it('notifies the named approver, who sees the buttons; others see the card without them', async () => {
    await submit22(s);
    expect((await noticesFor(s, 'ruth-okafor')).map((n) => n.key)).toEqual([
      'notice:review:2.2:2015/16 Q4:r2:ruth-okafor',
    ]);
    expect(await noticesFor(s, 'priya-sandhu')).toEqual([]);

    const refresh = { verb: 'refreshReview' as const, data: { ref: '2.2', period: '2015/16 Q4' } };
    expect(only(await s.act('ruth-okafor', refresh), 'review').view).toMatchObject({
      canDecide: true,
      state: 'Awaiting approval by Dr Ruth Okafor (revision 2).',
    });
    expect(only(await s.act('joanne-lister', refresh), 'review').view.canDecide).toBe(false);
    expect(await reviews()).toEqual([]);

    // The theme's approver approves through the card; the coordinator could have too.
    const done = only(
      await s.act('ruth-okafor', {
        verb: 'approveReturn',
        data: { ref: '2.2', period: '2015/16 Q4', revision: '2' },
      }),
      'review',
    );
    expect(done.view.state).toContain('Approved by Dr Ruth Okafor');
    // An approver of another theme may not approve this one.
    expect(textOf(await s.say('ruth-okafor', 'approve 1.1'))).toContain('Only a coordinator');
  });
});
