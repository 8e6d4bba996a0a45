// "my returns" also lists what waits for the speaker's approval, with Review buttons, as "approvals"
// does; owners who approve nothing, and approvers with nothing waiting, see their list as before.
import { afterEach, describe, expect, it } from 'vitest';
import type { ListSection, Reply } from '../../../src/bot/reply.js';
import { botSession, only, type BotSession } from '../../helpers/bot-session.js';
import { planWith, submit22 } from './sign-off-helpers.js';

let s: BotSession;
afterEach(async () => {
  await s.close();
});

const awaiting = (r: Reply): ListSection | undefined =>
  r.kind === 'list' ? r.sections.find((x) => x.heading === 'Awaiting your approval') : undefined;

const myReturns = async (who: string): Promise<Reply> => {
  const replies = await s.say(who, 'my returns');
  expect(replies).toHaveLength(1);
  return replies[0] as Reply;
};

const review22 = {
  text: '2.2 Reduce violence without injury — 2015/16 Q4',
  detail: 'revision 2, awaiting approval',
  rag: null,
  button: { label: 'Review', say: 'review 2.2 2015/16 Q4' },
};

describe('"my returns" for an approver', () => {
  it('lists the returns awaiting the coordinator, who owns no measures, as "approvals" does', async () => {
    s = await botSession();
    expect(only(await s.say('priya-sandhu', 'my returns'), 'text').text).toBe(
      'You own no measures in Safer Stockton Partnership, so you owe no returns.',
    );
    await submit22(s);

    const list = only(await s.say('priya-sandhu', 'my returns'), 'list');
    expect(list.title).toBe('1 return awaiting your approval');
    expect(list.intro).toBe('You own no measures in Safer Stockton Partnership, so you owe no returns.');
    expect(list.sections).toEqual([{ heading: 'Awaiting your approval', items: [review22] }]);
    const approvals = only(await s.say('priya-sandhu', 'approvals'), 'list');
    expect(approvals.sections[0]?.items).toEqual([review22]);
  });

  it("adds them to a theme approver's own returns, and drops them once decided", async () => {
    s = await botSession({ planText: await planWith({ approver: ['violence', 'joanne-lister'] }) });
    await submit22(s);

    const joanne = await myReturns('joanne-lister');
    expect(awaiting(joanne)?.items).toEqual([review22]);
    if (joanne.kind !== 'list') throw new Error('expected a list');
    expect(joanne.intro).toMatch(/^Your measures: .*\. 1 return await your approval\.$/);
    expect(joanne.sections.length).toBeGreaterThan(1);
    // The owner, who approves nothing, sees only their own returns.
    expect(awaiting(await myReturns('dan-mercer'))).toBeUndefined();

    await s.say('joanne-lister', 'approve 2.2 2015/16 Q4 revision 2');
    const after = await myReturns('joanne-lister');
    expect(awaiting(after)).toBeUndefined();
    if (after.kind !== 'list') throw new Error('expected a list');
    expect(after.intro).not.toContain('approval');
  });
});
