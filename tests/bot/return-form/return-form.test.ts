// The owner's path from "submit 2.2" to a stored return: the card, bad input sent back beside its field
// with nothing stored, plausibility questions, repeated and conflicting submissions, and who may submit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CardAction, ReturnFormView } from '../../../src/bot/reply.js';
import { minimalPlanYaml } from '../../helpers/plan-text.js';
import { botSession, only, type BotSession } from '../../helpers/bot-session.js';

let s: BotSession;
beforeEach(async () => {
  s = await botSession();
});
afterEach(async () => {
  await s.close();
});

const openForm = async (who: string, text: string): Promise<ReturnFormView> =>
  only(await s.say(who, text), 'returnForm').form;

/** What pressing a button on `form` sends: its hidden fields plus the inputs as typed. */
const press = (
  form: ReturnFormView,
  inputs: Record<string, string>,
  verb: CardAction['verb'] = 'submitReturn',
): CardAction => ({
  verb,
  data: { ref: form.ref, period: form.period, token: form.token, ...inputs },
});

/** A good 2.2 Q4 return: 2.2 is red whatever Q4 holds, so it needs a corrective action. */
const good = {
  'figure.value': '500',
  narrative: '500 offences; the night-time economy again.',
  correctiveAction: 'Extra patrols on Friday and Saturday nights.',
};

const revisionsOf22 = () => s.revisions('2.2', '2015/16 Q4');
const formOf = (replies: Awaited<ReturnType<BotSession['act']>>) => only(replies, 'returnForm').form;
const fieldOf = (form: ReturnFormView, key: string) => form.fields.find((f) => f.key === key);

describe('opening the return card', () => {
  it("opens 2.2's card for the last ended quarter, as a second revision of the stored return", async () => {
    const form = await openForm('dan-mercer', 'submit 2.2');

    expect(form).toMatchObject({
      ref: '2.2',
      period: '2015/16 Q4',
      revision: 2,
      warnings: [],
      formError: null,
    });
    expect(form.fields.map((f) => f.key)).toEqual(['figure.value']);
    expect(fieldOf(form, 'figure.value')).toMatchObject({ value: '489', min: 0, whole: true, error: null });
    expect(form.narrative.maxLength).toBe(2000);
    expect(form.context).toEqual(
      expect.arrayContaining(['Last quarter (2015/16 Q3): 439', 'Same quarter last year (2014/15 Q4): 315']),
    );
  });

  it('opens the period asked for: "submit 2.2 Q4 2015/16"', async () => {
    const form = await openForm('dan-mercer', 'submit 2.2 Q4 2015/16');

    expect(form.period).toBe('2015/16 Q4');
  });

  it('refuses a quarter that has not ended yet', async () => {
    const reply = only(await s.say('dan-mercer', 'submit 2.2 2016/17 Q1'), 'text');

    expect(reply.text).toContain('2016/17 Q1 has not ended yet');
  });

  it('asks which measure when none is named, offering the ones the person owns', async () => {
    const reply = only(await s.say('dan-mercer', 'submit'), 'text');

    expect(reply.buttons?.map((b) => b.say)).toEqual([
      'submit 1.3',
      'submit 2.1',
      'submit 2.2',
      'submit 2.3',
      'submit 4.1',
      'submit 4.2',
    ]);
  });

  it('has one field per part of a multi-part measure (1.1)', async () => {
    const form = await openForm('joanne-lister', 'submit 1.1');

    expect(form.fields.map((f) => [f.key, f.label, f.value])).toEqual([
      ['figure.hotline', 'Repeat callers to the ASB Hotline', '12'],
      ['figure.police', 'Repeat callers to the Police', '10'],
    ]);
  });

  it('caps a percentage field at 100 (1.2)', async () => {
    const form = await openForm('joanne-lister', 'submit 1.2');

    expect(fieldOf(form, 'figure.value')).toMatchObject({ min: 0, max: 100, whole: false });
  });
});

describe('checking what was typed', () => {
  it('sends "abc" back beside the figure, keeps what was typed, and stores nothing', async () => {
    const form = await openForm('dan-mercer', 'submit 2.2');

    const back = formOf(await s.act('dan-mercer', press(form, { ...good, 'figure.value': 'abc' })));

    expect(fieldOf(back, 'figure.value')).toMatchObject({
      value: 'abc',
      error: expect.stringContaining('"abc"'),
    });
    expect(back.narrative.value).toBe(good.narrative);
    expect(back.formError).toContain('nothing has been stored');
    expect(await revisionsOf22()).toHaveLength(1);
  });

  it('refuses a percentage of 140, saying it must be from 0 to 100', async () => {
    const form = await openForm('joanne-lister', 'submit 1.2');

    const back = formOf(
      await s.act('joanne-lister', press(form, { 'figure.value': '140', narrative: 'Surveys.' })),
    );

    expect(fieldOf(back, 'figure.value')?.error).toMatch(/0 to 100/);
    expect(await s.revisions('1.2', '2015/16 Q4')).toHaveLength(1);
  });

  it.each([
    ['12.5', /whole number/],
    ['-3', /0 or more/],
  ])('refuses a count of %s', async (value, error) => {
    const form = await openForm('dan-mercer', 'submit 2.2');

    const back = formOf(await s.act('dan-mercer', press(form, { ...good, 'figure.value': value })));

    expect(fieldOf(back, 'figure.value')).toMatchObject({ value, error: expect.stringMatching(error) });
    expect(await revisionsOf22()).toHaveLength(1);
  });

  it('asks for a figure when the field is left empty', async () => {
    const form = await openForm('dan-mercer', 'submit 2.2');

    const back = formOf(await s.act('dan-mercer', press(form, { ...good, 'figure.value': '' })));

    expect(fieldOf(back, 'figure.value')?.error).toContain('Figures not available yet');
  });

  it('requires a commentary', async () => {
    const form = await openForm('dan-mercer', 'submit 2.2');

    const back = formOf(await s.act('dan-mercer', press(form, { ...good, narrative: '   ' })));

    expect(back.narrative.error).toContain('Add a short commentary');
    expect(await revisionsOf22()).toHaveLength(1);
  });

  it('refuses a commentary over 2000 characters', async () => {
    const form = await openForm('dan-mercer', 'submit 2.2');

    const back = formOf(await s.act('dan-mercer', press(form, { ...good, narrative: 'x'.repeat(2001) })));

    expect(back.narrative.error).toContain('2001 characters');
  });

  it('asks why when figures are marked not available without a reason', async () => {
    const form = await openForm('dan-mercer', 'submit 2.2');

    const back = formOf(
      await s.act('dan-mercer', press(form, { notAvailable: 'true', notAvailableReason: '' })),
    );

    expect(back.notAvailable).toMatchObject({ checked: true, error: expect.stringContaining('Say why') });
    expect(await revisionsOf22()).toHaveLength(1);
  });

  it('refuses an expected date that is not a date', async () => {
    const form = await openForm('dan-mercer', 'submit 2.2');
    const inputs = { notAvailable: 'true', notAvailableReason: 'Late data', expected: 'next week' };

    const back = formOf(await s.act('dan-mercer', press(form, inputs)));

    expect(back.notAvailable.error).toContain('"next week" is not a date');
  });

  it('stores "not available" with its reason and expected date', async () => {
    const form = await openForm('dan-mercer', 'submit 2.2');
    const inputs = {
      notAvailable: 'true',
      notAvailableReason: 'The police system is migrating',
      expected: '2016-05-24',
    };

    const stored = only(await s.act('dan-mercer', press(form, inputs)), 'returnStored');

    expect(stored.status.notAvailable).toBe('The police system is migrating (expected 2016-05-24)');
    const revisions = await revisionsOf22();
    expect(revisions).toHaveLength(2);
    expect(revisions[1]).toMatchObject({
      revision: 2,
      figures: null,
      notAvailable: 'The police system is migrating',
      expectedDate: '2016-05-24',
      submittedBy: 'dan-mercer',
    });
  });

  it('asks what is being done when the figures are red, with a preview of the status', async () => {
    const form = await openForm('dan-mercer', 'submit 2.2');

    const back = formOf(await s.act('dan-mercer', press(form, { ...good, correctiveAction: '' })));

    expect(back.correctiveAction).toMatchObject({
      required: true,
      error: 'These figures would make 2.2 RED: say what is being done about it',
    });
    expect(back.preview).toEqual({
      rag: 'red',
      text: 'Significant concern: +571 (+53.5%) against the target to date',
    });
    expect(await revisionsOf22()).toHaveLength(1);
  });
});

describe('plausibility', () => {
  it('asks "Are you sure?" about 2000 against 439 last quarter and 315 last year', async () => {
    const form = await openForm('dan-mercer', 'submit 2.2');

    const back = formOf(await s.act('dan-mercer', press(form, { ...good, 'figure.value': '2000' })));

    expect(back.warnings).toEqual([
      'Are you sure? Last quarter (2015/16 Q3) was 439; Same quarter last year (2014/15 Q4) was 315.',
    ]);
    expect(back.formError).toBeNull();
    expect(back.token).toBe(form.token);
    expect(await revisionsOf22()).toHaveLength(1);
  });

  it('goes back to the plain form on Edit, keeping what was typed', async () => {
    const form = await openForm('dan-mercer', 'submit 2.2');
    const asked = formOf(await s.act('dan-mercer', press(form, { ...good, 'figure.value': '2000' })));

    const edited = formOf(
      await s.act('dan-mercer', press(asked, { ...good, 'figure.value': '2000' }, 'editReturn')),
    );

    expect(edited.warnings).toEqual([]);
    expect(fieldOf(edited, 'figure.value')?.value).toBe('2000');
    expect(edited.correctiveAction.value).toBe(good.correctiveAction);
    expect(await revisionsOf22()).toHaveLength(1);
  });

  it('stores on Confirm as revision 2 and shows the new year to date', async () => {
    const form = await openForm('dan-mercer', 'submit 2.2');
    const inputs = { ...good, 'figure.value': '2000' };
    const asked = formOf(await s.act('dan-mercer', press(form, inputs)));

    const stored = only(await s.act('dan-mercer', press(asked, inputs, 'confirmReturn')), 'returnStored');

    expect(stored.title).toBe('Return for 2.2 2015/16 Q4');
    expect(stored.message).toContain('Stored as revision 2');
    expect(stored.status.figures).toEqual(
      expect.arrayContaining([
        { label: 'In period', value: '2,000' },
        { label: 'Year to date', value: '3,139' },
      ]),
    );
    expect(stored.status.submitted).toBe('Insp. Dan Mercer, 2016-05-02 (revision 2)');
    const revisions = await revisionsOf22();
    expect(revisions.map((r) => [r.revision, r.figures])).toEqual([
      [1, { value: 489 }],
      [2, { value: 2000 }],
    ]);
  });
});

describe('storing once, and never over someone else', () => {
  it('stores a card submitted twice only once', async () => {
    const form = await openForm('dan-mercer', 'submit 2.2');
    const first = only(await s.act('dan-mercer', press(form, good)), 'returnStored');

    const again = only(await s.act('dan-mercer', press(form, good)), 'returnStored');

    expect(first.message).toContain('Stored as revision 2');
    expect(again.message).toContain('already submitted');
    expect(again.message).toContain('revision 2');
    expect(await revisionsOf22()).toHaveLength(2);
  });

  it('stores a confirmed card pressed twice only once', async () => {
    const form = await openForm('dan-mercer', 'submit 2.2');
    const inputs = { ...good, 'figure.value': '2000' };
    const asked = formOf(await s.act('dan-mercer', press(form, inputs)));
    await s.act('dan-mercer', press(asked, inputs, 'confirmReturn'));

    const again = only(await s.act('dan-mercer', press(asked, inputs, 'confirmReturn')), 'returnStored');

    expect(again.message).toContain('already submitted');
    expect(await revisionsOf22()).toHaveLength(2);
  });

  it('does not overwrite a revision stored after the card was opened, and names who stored it', async () => {
    const dans = await openForm('dan-mercer', 'submit 2.2');
    const priyas = await openForm('priya-sandhu', 'submit 2.2');
    await s.act('priya-sandhu', press(priyas, { ...good, 'figure.value': '495' }));

    const back = formOf(await s.act('dan-mercer', press(dans, { ...good, 'figure.value': '510' })));

    expect(back.formError).toContain('Priya Sandhu stored revision 2');
    expect(back.revision).toBe(3);
    expect(fieldOf(back, 'figure.value')?.value).toBe('510');
    const revisions = await revisionsOf22();
    expect(revisions.map((r) => [r.revision, r.figures, r.submittedBy])).toEqual([
      [1, { value: 489 }, 'dan-mercer'],
      [2, { value: 495 }, 'priya-sandhu'],
    ]);
  });

  it('stores the figures as revision 3 when resubmitted from the conflict card', async () => {
    const dans = await openForm('dan-mercer', 'submit 2.2');
    const priyas = await openForm('priya-sandhu', 'submit 2.2');
    await s.act('priya-sandhu', press(priyas, { ...good, 'figure.value': '495' }));
    const back = formOf(await s.act('dan-mercer', press(dans, { ...good, 'figure.value': '510' })));

    const stored = only(
      await s.act('dan-mercer', press(back, { ...good, 'figure.value': '510' })),
      'returnStored',
    );

    expect(stored.message).toContain('Stored as revision 3');
    expect((await revisionsOf22()).map((r) => r.figures)).toEqual([
      { value: 489 },
      { value: 495 },
      { value: 510 },
    ]);
  });

  it('sends a card with no token back to be checked, storing nothing', async () => {
    const form = await openForm('dan-mercer', 'submit 2.2');

    const back = formOf(
      await s.act('dan-mercer', { verb: 'submitReturn', data: { ...press(form, good).data, token: '' } }),
    );

    expect(back.formError).toContain('out of date');
    expect(await revisionsOf22()).toHaveLength(1);
  });
});

describe('who may submit', () => {
  it('refuses the chair on "submit 2.2", naming the owner', async () => {
    const reply = only(await s.say('alan-whitfield', 'submit 2.2'), 'text');

    expect(reply.text).toContain('Only Insp. Dan Mercer (the owner of 2.2) or a coordinator');
    expect(reply.buttons).toEqual([{ label: 'status of 2.2', say: 'status of 2.2' }]);
  });

  it('refuses a forged card from the chair, storing nothing', async () => {
    const form = await openForm('dan-mercer', 'submit 2.2');

    const reply = only(await s.act('alan-whitfield', press(form, good)), 'text');

    expect(reply.text).toContain('Only Insp. Dan Mercer (the owner of 2.2)');
    expect(await revisionsOf22()).toHaveLength(1);
  });

  it("refuses another owner's measure", async () => {
    const reply = only(await s.say('joanne-lister', 'submit 2.2'), 'text');

    expect(reply.text).toContain('Only Insp. Dan Mercer');
  });

  it('lets a coordinator submit for any measure', async () => {
    const form = await openForm('priya-sandhu', 'submit 2.2');

    const stored = only(await s.act('priya-sandhu', press(form, good)), 'returnStored');

    expect(stored.status.submitted).toBe('Priya Sandhu, 2016-05-02 (revision 2)');
    expect((await revisionsOf22())[1]?.submittedBy).toBe('priya-sandhu');
  });
});

describe('cards that do not fit', () => {
  it('says so when a card names a measure that does not exist', async () => {
    const form = await openForm('dan-mercer', 'submit 2.2');

    const reply = only(await s.act('dan-mercer', press({ ...form, ref: '9.9' }, good)), 'text');

    expect(reply.text).toContain('This card does not name a measure I know');
    expect(reply.text).toContain('"9.9"');
  });

  it.each(['2016-03', '2015/16', 'Q9 of never'])(
    'says so when a card has the period %j for a quarterly measure',
    async (period) => {
      const form = await openForm('dan-mercer', 'submit 2.2');

      const reply = only(await s.act('dan-mercer', press({ ...form, period }, good)), 'text');

      expect(reply.text).toContain("This card's period is not one of 2.2's");
      expect(reply.buttons).toEqual([{ label: 'submit 2.2', say: 'submit 2.2' }]);
      expect(await revisionsOf22()).toHaveLength(1);
    },
  );
});

describe('ratio measures', () => {
  it('asks for a numerator and a denominator', async () => {
    await s.close();
    s = await botSession({ planText: minimalPlanYaml() });

    const form = await openForm('ana-owner', 'submit 1.4');

    expect(form.period).toBe('2015/16 Q2');
    expect(form.fields.map((f) => [f.key, f.whole])).toEqual([
      ['figure.value.numerator', true],
      ['figure.value.denominator', true],
    ]);
  });

  it('stores a numerator and denominator, and refuses a numerator over the denominator', async () => {
    await s.close();
    s = await botSession({ planText: minimalPlanYaml() });
    const form = await openForm('ana-owner', 'submit 1.4');
    const inputs = { narrative: 'Completions up.', correctiveAction: 'Keep going.' };

    const bad = formOf(
      await s.act(
        'ana-owner',
        press(form, { ...inputs, 'figure.value.numerator': '90', 'figure.value.denominator': '80' }),
      ),
    );
    const stored = only(
      await s.act(
        'ana-owner',
        press(form, { ...inputs, 'figure.value.numerator': '84', 'figure.value.denominator': '160' }),
      ),
      'returnStored',
    );

    expect(fieldOf(bad, 'figure.value.numerator')?.error).toContain('cannot be more than the denominator');
    expect(stored.message).toBe('Stored as revision 1. Thank you. Awaiting approval by Cole Coordinator.');
    expect((await s.revisions('1.4', '2015/16 Q2'))[0]?.figures).toEqual({
      value: { numerator: 84, denominator: 160 },
    });
  });
});
