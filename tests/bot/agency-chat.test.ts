// "Overdue by agency" in chat, over the Stockton example on 2 May 2016: the quarter's returns counted by
// the agency each owner works for, the owners under each with what they still owe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botSession, only, type BotSession } from '../helpers/bot-session.js';

let s: BotSession;
beforeAll(async () => {
  s = await botSession();
});
afterAll(async () => {
  await s.close();
});

const byAgency = async (text: string, who = 'alan-whitfield') => only(await s.say(who, text), 'list');

describe('overdue by agency', () => {
  it('counts 2015/16 Q4 by agency, least complete first, with the owners and what is missing', async () => {
    const list = await byAgency('overdue by agency');

    expect(list.title).toBe('Returns by agency, 2015/16 Q4: 11 of 18 received (2 overdue, 5 awaiting data)');
    expect(list.sections.map((sec) => sec.heading)).toEqual([
      'Durham Tees Valley CRC 0 of 4 received (1 overdue, 3 awaiting data)',
      'SBC Public Health 0 of 2 received (2 awaiting data)',
      'SBC Community Safety 3 of 4 received (1 overdue)',
      'Cleveland Police 6 of 6 received',
      'Harbour 2 of 2 received',
    ]);
    expect(list.sections[2]?.items).toEqual([
      {
        text: 'Joanne Lister 3 of 4 received (1 overdue)',
        detail: '6.3 2015/16 Q4: overdue since 2016-04-14',
        rag: null,
        button: null,
      },
    ]);
    expect(list.sections[3]?.items.map((i) => [i.text, i.detail])).toEqual([
      ['Insp. Dan Mercer 6 of 6 received', 'all in'],
    ]);
  });

  it('names the returns still missing from earlier quarters', async () => {
    const list = await byAgency('completeness by agency');

    expect(list.intro).toContain('Still missing from earlier: 5.2 2015/16 Q3 (Martin Kell).');
  });

  it('answers for an earlier quarter when asked: "returns by agency Q3"', async () => {
    const list = await byAgency('returns by agency Q3');

    expect(list.title).toMatch(/^Returns by agency, 2015\/16 Q3: /);
    expect(list.sections.find((sec) => sec.heading.startsWith('Durham'))?.heading).toBe(
      'Durham Tees Valley CRC 3 of 4 received (1 overdue)',
    );
  });

  it('reads "who is late by agency?" and a typo the same way', async () => {
    const asked = await byAgency('overdue by agency', 'priya-sandhu');

    expect(await byAgency('Who is late by agency?', 'priya-sandhu')).toEqual(asked);
    expect(await byAgency('overdue by agnecy', 'priya-sandhu')).toEqual(asked);
  });

  it('counts an approved return as received and approved', async () => {
    const before = await byAgency('overdue by agency');
    await s.say('priya-sandhu', 'approve 2.2 2015/16 Q4');
    const after = await byAgency('overdue by agency');

    expect(before.sections[3]?.heading).toBe('Cleveland Police 6 of 6 received');
    expect(after.sections[3]?.heading).toBe('Cleveland Police 6 of 6 received (1 approved)');
  });

  it('refuses a period outside the plan, saying which years it covers', async () => {
    const reply = only(await s.say('alan-whitfield', 'returns by agency 2019/20 Q1'), 'text');

    expect(reply.text).toContain("outside the plan's years (2014/15 to 2016/17)");
  });
});
