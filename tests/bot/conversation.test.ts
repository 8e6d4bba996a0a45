// The conversation end to end over a real database holding the Stockton example: what people ask,
// and what the bot answers (as plain Reply data, before any channel renders it).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply, StatusView } from '../../src/bot/reply.js';
import { edit } from '../helpers/plan-text.js';
import { insertMissing, listOutbox, recordFailed } from '../../src/store/outbox-store.js';
import { botSession, CHART_BASE, only, stocktonPlanText, type BotSession } from '../helpers/bot-session.js';

let s: BotSession;
beforeEach(async () => {
  s = await botSession();
});
afterEach(async () => {
  await s.close();
});

const statusOf = async (text: string, who = 'dan-mercer'): Promise<StatusView> =>
  only(await s.say(who, text), 'status').view;
const textOf = async (text: string, who = 'dan-mercer') => only(await s.say(who, text), 'text');
const figure = (view: { figures: { label: string; value: string }[] }, label: string) =>
  view.figures.find((f) => f.label === label)?.value;

describe('status of a measure', () => {
  it('shows 2.2 at its latest return, 2015/16 Q4, as a significant concern', async () => {
    const view = await statusOf('status of 2.2');

    expect(view).toMatchObject({
      ref: '2.2',
      title: 'Reduce violence without injury',
      period: '2015/16 Q4',
      theme: 'Violent crime and robbery',
      rag: 'red',
      ragLabel: 'Significant concern',
      override: null,
    });
    expect(figure(view, 'In period')).toBe('489');
    expect(figure(view, 'Year to date')).toBe('1,628');
    expect(figure(view, 'Target to date')).toBe('1,068');
    expect(figure(view, 'Variance')).toBe('+560 (+52.4%)');
    expect(view.chartUrl).toBe(`${CHART_BASE}?ref=2.2&period=2015%2F16%20Q4`);
    // Loaded with the plan, which gives no date: not "Insp. Dan Mercer" on the day of the import.
    expect(view.submitted).toBe('Imported from the plan file (no submission date in the file), revision 1');
  });

  it('offers "Submit return" to the owner and a coordinator only', async () => {
    const submitButtons = async (who: string) =>
      (await statusOf('status of 2.2', who)).actions.filter((a) => a.label === 'Submit return');

    expect(await submitButtons('dan-mercer')).toEqual([
      { label: 'Submit return', say: 'submit 2.2 2015/16 Q4' },
    ]);
    expect(await submitButtons('priya-sandhu')).toHaveLength(1);
    expect(await submitButtons('alan-whitfield')).toEqual([]);
    expect(await submitButtons('joanne-lister')).toEqual([]);
  });

  it('shows an earlier quarter of this year when asked: "status 2.2 Q3"', async () => {
    const view = await statusOf('status 2.2 Q3');

    expect(view.period).toBe('2015/16 Q3');
    expect(figure(view, 'In period')).toBe('439');
    expect(figure(view, 'Year to date')).toBe('1,139');
    expect(view.chartUrl).toContain('period=2015%2F16%20Q3');
  });

  it('shows last year when asked: "status 2.2 2014/15 Q4"', async () => {
    const view = await statusOf('status 2.2 2014/15 Q4');

    expect(view.period).toBe('2014/15 Q4');
    expect(figure(view, 'In period')).toBe('315');
    expect(figure(view, 'Year to date')).toBe('1,068');
  });

  it('answers the same to the period written first: "Q3 2015/16 status of 2.2"', async () => {
    expect((await statusOf('Q3 2015/16 status of 2.2')).period).toBe('2015/16 Q3');
  });

  it('names an unknown reference and lists the real ones', async () => {
    const reply = await textOf('status 9.9');

    expect(reply.text).toContain('"9.9"');
    expect(reply.text).toContain('1.1, 1.2, 1.3');
    expect(reply.text).toContain('how is ASB doing');
  });

  it('explains that quarters run from Q1 to Q4 when asked for Q5', async () => {
    const reply = await textOf('status 2.2 2015/16 Q5');

    expect(reply.text).toMatch(/quarters are Q1 to Q4/);
    expect(reply.text).toContain('2015/16 Q2');
  });

  it('explains that 2.2 is quarterly when asked for a month', async () => {
    const reply = await textOf('status 2.2 2015-07');

    expect(reply.text).toContain('2.2 is reported quarterly');
    expect(reply.text).toContain('2015/16 Q2');
  });

  it('shows the override and its reason on 4.1', async () => {
    const view = await statusOf('status of 4.1');

    expect(view.override).toMatchObject({ rag: 'amber', by: 'Priya Sandhu' });
    expect(view.override?.reason).toContain('Below the three-year baseline');
  });

  it('shows one line per part of a multi-part measure', async () => {
    const view = await statusOf('status of 1.1');

    expect(view.components.map((c) => [c.name, c.headline, figure(c, 'In period')])).toEqual([
      ['Repeat callers to the ASB Hotline', true, '12'],
      ['Repeat callers to the Police', false, '10'],
    ]);
  });

  it('says why figures are missing when a return is not available', async () => {
    const view = await statusOf('status of 3.3');

    expect(view.notAvailable).toBe('Q4 data will be available 24th May. (expected 2016-05-24)');
  });

  it('answers a "say" button as if it were typed', async () => {
    const view = only(
      await s.act('dan-mercer', { verb: 'say', data: { say: 'status of 2.2 2015/16 Q3' } }),
      'status',
    ).view;

    expect(view.period).toBe('2015/16 Q3');
  });
});

describe('finding measures by words', () => {
  it('lists the ASB measures, each with a button asking for its status', async () => {
    const list = only(await s.say('dan-mercer', 'how is ASB doing'), 'list');
    const items = list.sections.flatMap((sec) => sec.items);

    expect(items.map((i) => i.button?.say)).toEqual([
      'status of 1.1',
      'status of 1.2',
      'status of 1.3',
      'status of 1.4',
    ]);
    expect(list.title).toContain('4 measures');
  });

  it('keeps the period asked on the buttons: "status ASB Q3"', async () => {
    const list = only(await s.say('dan-mercer', 'status ASB Q3'), 'list');

    expect(list.sections[0]?.items[0]?.button?.say).toMatch(/^status of 1\.1 q3$/i);
  });

  it('goes straight to the status when only one measure matches', async () => {
    const view = await statusOf('how is satisfaction doing');

    expect(view.ref).toBe('1.2');
    expect(view.period).toBe('2015/16 Q4');
  });

  it('suggests references and the themes when nothing matches', async () => {
    const reply = await textOf('how is banana doing');

    expect(reply.text).toContain('"banana"');
    expect(reply.text).toContain('status of 2.2');
    expect(reply.text).toContain('Anti-social behaviour');
    expect(reply.text).toContain('Domestic abuse');
  });
});

describe('lists', () => {
  it('lists red and amber measures by theme, with 2.2 red and 4.1 amber by override', async () => {
    const list = only(await s.say('dan-mercer', 'exceptions'), 'list');
    const items = list.sections.flatMap((sec) => sec.items.map((i) => ({ ...i, heading: sec.heading })));
    const item = (ref: string) => items.find((i) => i.text.startsWith(`${ref} `));

    expect(list.sections.map((sec) => sec.heading)).toEqual([
      'Violent crime and robbery',
      'Criminal damage',
      'Domestic abuse',
    ]);
    expect(item('2.2')).toMatchObject({ rag: 'red', heading: 'Violent crime and robbery' });
    expect(item('2.2')?.detail).toContain('YTD 1,628');
    expect(item('4.1')).toMatchObject({ rag: 'amber', heading: 'Criminal damage' });
    expect(item('4.1')?.detail).toContain('override: Below the three-year baseline (-4.9%)');
    expect(items.every((i) => i.rag === 'red' || i.rag === 'amber')).toBe(true);
    expect(item('1.2')).toBeUndefined();
    expect(list.title).toBe('Exceptions: 4 red, 1 amber');
  });

  it('lists the exceptions of an earlier quarter: "exceptions Q3"', async () => {
    const list = only(await s.say('dan-mercer', 'exceptions Q3'), 'list');
    const texts = list.sections.flatMap((sec) => sec.items.map((i) => i.text));

    expect(list.intro).toContain('2015/16 Q3');
    expect(texts).toContain('2.2 Reduce violence without injury (2015/16 Q3)');
    expect(texts.some((t) => t.startsWith('4.1 '))).toBe(false);
  });

  it('lists missing returns by owner: 5.2 for Martin Kell, 6.3 for Joanne Lister', async () => {
    const list = only(await s.say('alan-whitfield', 'overdue'), 'list');
    const byOwner = Object.fromEntries(
      list.sections.map((sec) => [sec.heading, sec.items.map((i) => i.text)]),
    );

    expect(byOwner).toEqual({
      'Martin Kell': ['5.2 2015/16 Q3', '5.2 2015/16 Q4'],
      'Joanne Lister': ['6.3 2015/16 Q4'],
    });
    expect(list.sections[0]?.items[0]?.detail).toBe('overdue since 2016-01-15');
    expect(list.title).toContain('3 overdue');
  });

  it('answers "who is missing" the same as "overdue"', async () => {
    expect(await s.say('dan-mercer', 'who is missing')).toEqual(await s.say('dan-mercer', 'overdue'));
  });

  it("lists an owner's returns with a Submit button for each one owed", async () => {
    const list = only(await s.say('joanne-lister', 'my returns'), 'list');
    const toSubmit = list.sections.find((sec) => sec.heading === 'To submit');

    expect(list.title).toBe('You owe 1 return');
    expect(list.intro).toBe('Your measures: 1.1, 1.2, 1.4, 6.3.');
    expect(toSubmit?.items).toEqual([
      {
        text: '6.3 Reduce repeat victims of domestic abuse not open to MARAC — 2015/16 Q4',
        detail: 'overdue since 2016-04-14',
        rag: null,
        button: { label: 'Submit', say: 'submit 6.3 2015/16 Q4' },
      },
    ]);
  });

  it('tells an owner who is up to date that nothing is owed', async () => {
    const list = only(await s.say('dan-mercer', 'what do I owe'), 'list');

    expect(list.title).toBe('You are up to date: nothing owed');
    expect(list.sections.map((sec) => sec.heading)).toEqual(['Received']);
    expect(list.sections[0]?.items.find((i) => i.text.startsWith('2.2 '))?.button).toEqual({
      label: 'Status',
      say: 'status of 2.2 2015/16 Q4',
    });
  });

  it('tells someone who owns nothing that they owe nothing', async () => {
    const reply = await textOf('my returns', 'alan-whitfield');

    expect(reply.text).toBe('You own no measures in Safer Stockton Partnership, so you owe no returns.');
  });
});

describe('help and anything else', () => {
  const examples = (r: Reply) => (r.kind === 'text' ? (r.buttons ?? []).map((b) => b.say) : []);

  it('explains what it can do, with example buttons', async () => {
    const reply = await textOf('help');

    expect(reply.text).toContain('status of 2.2');
    expect(reply.text).toContain('submit 2.2');
    expect(examples(reply)).toEqual(['status of 2.2', 'exceptions', 'my returns', 'overdue']);
  });

  it('greets by name', async () => {
    const reply = await textOf('hi', 'alan-whitfield');

    expect(reply.text).toMatch(/^Hello Cllr Alan Whitfield\. /);
    expect(reply.text).not.toContain('..');
  });

  it.each(['banana', "what's the weather", '!!!', '2015/16 Q3'])(
    'answers %j with the examples, never with silence',
    async (text) => {
      const replies = await s.say('dan-mercer', text);

      expect(replies).toHaveLength(1);
      expect(examples(replies[0] as Reply)).toContain('status of 2.2');
    },
  );
});

describe('sensitive measures', () => {
  it('shows the percentages of sensitive 6.1 as they are: only counts are suppressed', async () => {
    const form = only(await s.say('ruth-okafor', 'submit 6.1'), 'returnForm').form;
    await s.act('ruth-okafor', {
      verb: 'submitReturn',
      data: {
        ref: '6.1',
        period: form.period,
        token: form.token,
        'figure.known-engaging': '3',
        'figure.known-completed': '0',
        'figure.unknown-engaging': '5',
        'figure.unknown-completed': '40',
        narrative: 'A small cohort this quarter.',
      },
    });

    const view = await statusOf('status of 6.1', 'alan-whitfield');

    expect(view.period).toBe('2015/16 Q4');
    expect(view.components.map((c) => figure(c, 'In period'))).toEqual(['3%', '0%', '5%', '40%']);
    expect(figure(view, 'In period')).toBe('3%');
  });

  it('shows small counts of a measure marked sensitive as "<5", and other measures as they are', async () => {
    await s.close();
    const text = edit(
      await stocktonPlanText(),
      '    # The measure text says "breaches"',
      '    sensitive: true\n    # The measure text says "breaches"',
    );
    s = await botSession({ planText: text });

    const atr = await statusOf('status of 5.1 Q3');
    const drr = await statusOf('status of 3.1 Q1');

    // ATR Q3: 10 commencements, 5 completions, 3 revoked.
    expect(atr.components.map((c) => figure(c, 'In period'))).toEqual(['10', '5', '<5']);
    // DRR Q1 (not sensitive): 18, 2 and 5.
    expect(drr.components.map((c) => figure(c, 'In period'))).toEqual(['18', '2', '5']);
  });
});

describe('status card refresh', () => {
  const refresh = async (who: string) =>
    only(await s.act(who, { verb: 'refreshStatus', data: { ref: '2.2', period: '2015/16 Q3' } }), 'status')
      .view;

  it('shows the owner a "Submit return" button when the card refreshes for them', async () => {
    const view = await refresh('dan-mercer');
    expect(view.period).toBe('2015/16 Q3');
    expect(view.actions.map((a) => a.label)).toContain('Submit return');
  });

  it('shows the chair the same figures without the button, and stores nothing', async () => {
    const view = await refresh('alan-whitfield');
    expect(figure(view, 'Year to date')).toBe('1,139');
    expect(view.actions.map((a) => a.label)).not.toContain('Submit return');
    expect(await s.revisions('2.2', '2015/16 Q3')).toHaveLength(1);
  });
});

describe('undelivered reminders', () => {
  it('shows the coordinator, not the chair, the reminders the outbox gave up on', async () => {
    const db = s.db.prisma;
    const now = new Date('2016-04-15T10:00:00Z');
    const key = 'remind:6.3:2015/16 Q4:chase1:joanne-lister';
    await db.$transaction((tx) =>
      insertMissing(
        tx,
        [
          {
            key,
            partnershipId: s.partnership.id,
            kind: 'notice',
            recipient: 'joanne-lister',
            ref: '6.3',
            period: '2015/16 Q4',
            stage: 'chase',
            payload: { kind: 'notice', text: 'Your 6.3 return is overdue.', buttons: [] },
          },
        ],
        now,
      ),
    );
    const [row] = await listOutbox(db, 'pending', 10, s.partnership.id);
    await recordFailed(db, [row?.id ?? -1], 'user_not_found', now);

    const coordinator = only(await s.say('priya-sandhu', 'overdue'), 'list');
    const section = coordinator.sections.find((x) => x.heading === 'Reminders that could not be delivered');
    expect(section?.items).toEqual([
      { text: 'Joanne Lister: 6.3 2015/16 Q4', detail: 'user_not_found', rag: null, button: null },
    ]);
    const chair = only(await s.say('alan-whitfield', 'overdue'), 'list');
    expect(chair.sections.map((x) => x.heading)).not.toContain('Reminders that could not be delivered');
  });
});
