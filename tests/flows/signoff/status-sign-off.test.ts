// The status card says where a return stands in its sign-off, in the words of the submission's
// confirmation, on Teams, Slack and in text; imported figures need no sign-off and show none. Those who
// may approve an awaiting return get a Review button on its card, and on the card's per-viewer refresh.
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply, StatusView } from '../../../src/bot/reply.js';
import { renderAdaptiveCard } from '../../../src/render/adaptive-card/index.js';
import { renderMessages } from '../../../src/render/block-kit/index.js';
import { replyText } from '../../../src/render/reply-text.js';
import { botSession, only, type BotSession } from '../../helpers/bot-session.js';
import { planWith, submit22 } from './sign-off-helpers.js';

let s: BotSession;
afterEach(async () => {
  await s.close();
});

const status = async (who: string, text = 'status of 2.2'): Promise<StatusView> =>
  only(await s.say(who, text), 'status').view;

const refresh = async (who: string): Promise<StatusView> =>
  only(await s.act(who, { verb: 'refreshStatus', data: { ref: '2.2', period: '2015/16 Q4' } }), 'status')
    .view;

const reviewButtons = (v: StatusView) => v.actions.filter((a) => a.label === 'Review');

/** Every way the status reply is drawn, as text to search. */
const drawn = (view: StatusView) => {
  const reply: Reply = { kind: 'status', view };
  return {
    teams: JSON.stringify(renderAdaptiveCard(reply)),
    slack: JSON.stringify(renderMessages(reply)),
    text: replyText(reply),
  };
};

describe('the sign-off on the status card', () => {
  it('shows nothing for figures imported with the plan', async () => {
    s = await botSession();
    const view = await status('priya-sandhu', 'status of 2.2 2015/16 Q3');

    expect(view.signOff).toBeNull();
    expect(reviewButtons(view)).toEqual([]);
    for (const text of Object.values(drawn(view))) {
      expect(text).not.toContain('Sign-off');
      expect(text).not.toContain('approv');
    }
  });

  it('says who it awaits, and offers the coordinator (not the chair or owner) a Review button', async () => {
    s = await botSession();
    await submit22(s);

    const chair = await status('alan-whitfield');
    expect(chair.period).toBe('2015/16 Q4');
    expect(chair.signOff).toBe('Awaiting approval by Priya Sandhu (revision 2).');
    expect(reviewButtons(chair)).toEqual([]);
    expect(reviewButtons(await status('dan-mercer'))).toEqual([]);
    const coordinator = await status('priya-sandhu');
    expect(reviewButtons(coordinator)).toEqual([{ label: 'Review', say: 'review 2.2 2015/16 Q4' }]);

    const { teams, slack, text } = drawn(chair);
    expect(teams).toContain('"text":"Sign-off"');
    expect(teams).toContain('Awaiting approval by Priya Sandhu (revision 2).');
    expect(slack).toContain('*Sign-off:* Awaiting approval by Priya Sandhu (revision 2).');
    expect(text).toContain('Awaiting approval by Priya Sandhu (revision 2).');
    expect(JSON.stringify(renderAdaptiveCard({ kind: 'status', view: coordinator }))).toContain(
      'review 2.2 2015/16 Q4',
    );
  });

  it("offers the theme's approver the Review button, also when the card refreshes for them", async () => {
    s = await botSession({ planText: await planWith({ approver: ['violence', 'joanne-lister'] }) });
    await submit22(s);

    expect((await status('alan-whitfield')).signOff).toBe('Awaiting approval by Joanne Lister (revision 2).');
    expect(reviewButtons(await refresh('joanne-lister'))).toEqual([
      { label: 'Review', say: 'review 2.2 2015/16 Q4' },
    ]);
    expect(reviewButtons(await refresh('alan-whitfield'))).toEqual([]);
    expect(reviewButtons(await refresh('dan-mercer'))).toEqual([]);
  });

  it('says who approved it and when, with no Review button left', async () => {
    s = await botSession();
    await submit22(s);
    await s.say('priya-sandhu', 'approve 2.2 2015/16 Q4 revision 2');

    const view = await status('priya-sandhu');
    expect(view.signOff).toBe('Approved by Priya Sandhu on Monday 2 May 2016 (revision 2): locked.');
    expect(reviewButtons(view)).toEqual([]);
    expect(drawn(view).slack).toContain('Approved by Priya Sandhu on Monday 2 May 2016');
  });

  it('says who sent it back, with their comment', async () => {
    s = await botSession();
    await submit22(s);
    await s.say('priya-sandhu', 'send back 2.2 2015/16 Q4: The March figure is missing');

    const view = await refresh('alan-whitfield');
    expect(view.signOff).toBe(
      'Sent back by Priya Sandhu on Monday 2 May 2016: "The March figure is missing". Waiting for Insp. Dan Mercer to change it.',
    );
    expect(reviewButtons(await status('priya-sandhu'))).toEqual([]);
    expect(drawn(view).teams).toContain('The March figure is missing');
  });
});
