// Closed periods through the conversation: after its board date a quarter takes no returns, with a
// refusal that names the date and who can reopen it; the coordinator reopens (with a reason) and closes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAudit } from '../../../src/store/audit-store.js';
import { botSession, only, type BotSession } from '../../helpers/bot-session.js';
import { openForm, planWith, press, good, submit22, textOf } from './sign-off-helpers.js';

let s: BotSession;
beforeEach(async () => {
  // Today in the session is Monday 2 May 2016: the Q4 board met the Thursday before.
  s = await botSession({ planText: await planWith({ boardDates: { '2015/16 Q4': '2016-04-28' } }) });
});
afterEach(async () => {
  await s.close();
});

const refusal =
  '2015/16 Q4 is closed: the board met on Thursday 28 April 2016, so its returns can no longer change. Only the coordinator (Priya Sandhu) can reopen it, by saying "reopen 2015/16 Q4 because …".';

describe('a quarter after its board date', () => {
  it('refuses to open a return card for it, naming the board date and who can reopen it', async () => {
    expect(only(await s.say('dan-mercer', 'submit 2.2 Q4'), 'text').text).toBe(refusal);
  });

  it('is open on the board date itself', async () => {
    const form = only(await s.say('dan-mercer', 'submit 2.2 Q4', { today: '2016-04-28' }), 'returnForm');
    expect(form.form.period).toBe('2015/16 Q4');
  });

  it('refuses a card opened before the board date and submitted after it, storing nothing', async () => {
    const form = only(await s.say('dan-mercer', 'submit 2.2 Q4', { today: '2016-04-28' }), 'returnForm').form;
    const replies = await s.act('dan-mercer', press(form, good));
    expect(textOf(replies)).toBe(refusal);
    expect(await s.revisions('2.2', '2015/16 Q4')).toHaveLength(1);
  });

  it('leaves a quarter with no board date open', async () => {
    expect(textOf(await s.say('dan-mercer', 'submit 2.2 2015/16 Q3'))).not.toContain('is closed');
  });

  it('is reopened by the coordinator only, with a reason, and closed again', async () => {
    expect(textOf(await s.say('dan-mercer', 'reopen 2015/16 Q4 because I need to fix 2.2'))).toBe(
      'Only a coordinator can reopen a closed period.',
    );
    expect(textOf(await s.say('priya-sandhu', 'reopen 2015/16 Q4'))).toBe(
      'Say why, for the audit trail: "reopen 2015/16 Q4 because …".',
    );
    expect(
      textOf(await s.say('priya-sandhu', 'reopen 2015/16 Q4 because Police revised violence figures')),
    ).toBe(
      '2015/16 Q4 is open again for returns ("Police revised violence figures"). Say "close 2015/16 Q4" when the changes are in.',
    );
    expect(only(await submit22(s), 'returnStored').message).toContain('revision 2');

    expect(textOf(await s.say('priya-sandhu', 'close 2015/16 Q4'))).toBe(
      '2015/16 Q4 is closed: its returns can no longer change unless a coordinator reopens it.',
    );
    expect(textOf(await s.say('dan-mercer', 'submit 2.2 Q4'))).toContain(
      '2015/16 Q4 was closed by Priya Sandhu on Monday 2 May 2016',
    );
    const events = await readAudit(s.db.prisma, { partnershipId: s.partnership.id, period: '2015/16 Q4' });
    expect(
      events.filter((e) => e.action.startsWith('period.')).map((e) => [e.action, e.actor, e.reason]),
    ).toEqual([
      ['period.close', 'priya-sandhu', 'closed by the coordinator'],
      ['period.reopen', 'priya-sandhu', 'Police revised violence figures'],
    ]);
  });

  it('says a period is open already when there is nothing to reopen', async () => {
    expect(textOf(await s.say('priya-sandhu', 'reopen 2015/16 Q3 because why not'))).toBe(
      '2015/16 Q3 is open already: returns for it can be submitted.',
    );
    await openForm(s, 'dan-mercer', 'submit 2.2 Q3');
  });
});
