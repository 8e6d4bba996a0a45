// Two edits of the same return, and what the audit trail says about it: "history 2.2" in chat and
// `audit` on the command line.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../../src/cli/run-command.js';
import { botSession, only, type BotSession } from '../../helpers/bot-session.js';
import { good, openForm, press, submit22, textOf } from './sign-off-helpers.js';

let s: BotSession;
beforeEach(async () => {
  s = await botSession();
});
afterEach(async () => {
  await s.close();
});

describe('two people editing the same return', () => {
  it('tells the second "this return changed since you opened it", with the new values, and overwrites nothing', async () => {
    const dans = await openForm(s, 'dan-mercer');
    const priyas = await openForm(s, 'priya-sandhu');
    only(
      await s.act(
        'priya-sandhu',
        press(priyas, { ...good, 'figure.value': '600', narrative: 'Corrected by the coordinator.' }),
      ),
      'returnStored',
    );

    const back = only(await s.act('dan-mercer', press(dans, good)), 'returnForm').form;
    expect(back.formError).toBe(
      'This return changed since you opened it: Priya Sandhu stored revision 2. Now stored: Figure: 600 · Commentary: Corrected by the coordinator. · Corrective action: Extra patrols on Friday and Saturday nights.. Nothing of yours was stored: check your figures below and submit again to replace it.',
    );
    expect(back.fields[0]?.value).toBe('500');
    const revisions = await s.revisions('2.2', '2015/16 Q4');
    expect(revisions.map((r) => [r.revision, r.figures])).toEqual([
      [1, { value: 489 }],
      [2, { value: 600 }],
    ]);

    // Submitting the returned card again is a deliberate replacement: revision 3.
    expect(only(await s.act('dan-mercer', press(back, good)), 'returnStored').message).toContain(
      'revision 3',
    );
  });
});

describe('history and audit', () => {
  beforeEach(async () => {
    await submit22(s);
    await s.say('priya-sandhu', 'send back 2.2 Q4: Please check March');
    await submit22(s, 'dan-mercer', { ...good, 'figure.value': '510' });
  });

  it('"history 2.2 Q4" lists the changes newest first, with who, when, channel and the figures', async () => {
    const list = only(await s.say('dan-mercer', 'history 2.2 Q4'), 'list');
    expect(list.title).toBe('History of 2.2 Reduce violence without injury, 2015/16 Q4');
    expect(list.sections[0]?.items.map((i) => [i.text, i.detail])).toEqual([
      [
        '2016-05-02 11:00 · Insp. Dan Mercer (local chat) submitted 2.2 2015/16 Q4 (revision 3)',
        'Figure: 500 → 510',
      ],
      [
        '2016-05-02 11:00 · Priya Sandhu (local chat) sent back 2.2 2015/16 Q4 (revision 2): "Please check March"',
        null,
      ],
      [
        '2016-05-02 11:00 · Insp. Dan Mercer (local chat) submitted 2.2 2015/16 Q4 (revision 2)',
        'Figure: 489 → 500 · commentary changed · corrective action: Extra patrols on Friday and Saturday nights.',
      ],
    ]);
  });

  it('is not shown to someone who may not read the measure in full', async () => {
    expect(textOf(await s.say('joanne-lister', 'history 2.2'))).toContain(
      "Only Insp. Dan Mercer (the owner of 2.2), the theme's approver, the chair or a coordinator",
    );
  });

  it('`audit --ref 2.2` prints the trail, and --json the events', async () => {
    const clock = { now: new Date('2016-05-03T09:00:00Z'), today: '2016-05-03' };
    const text = await runCommand(s.db.prisma, ['audit'], { ref: '2.2', period: 'Q4 2015/16' }, clock);
    expect(text.code).toBe(0);
    expect(text.stdout?.split('\n')).toEqual([
      '2016-05-02 11:00 · Insp. Dan Mercer (local chat) submitted 2.2 2015/16 Q4 (revision 3)',
      '    Figure: 500 → 510',
      '2016-05-02 11:00 · Priya Sandhu (local chat) sent back 2.2 2015/16 Q4 (revision 2): "Please check March"',
      '2016-05-02 11:00 · Insp. Dan Mercer (local chat) submitted 2.2 2015/16 Q4 (revision 2)',
      '    Figure: 489 → 500 · commentary changed · corrective action: Extra patrols on Friday and Saturday nights.',
    ]);
    const json = await runCommand(
      s.db.prisma,
      ['audit'],
      { ref: '2.2', json: true, period: '2015/16 Q4' },
      clock,
    );
    const events = JSON.parse(json.stdout ?? '[]') as { action: string; before: unknown; after: unknown }[];
    expect(events.map((e) => e.action)).toEqual(['return.submit', 'return.sendBack', 'return.submit']);
    expect(events[2]?.after).toMatchObject({ revision: 2, figures: { value: 500 } });
    expect(events[2]?.before).toMatchObject({ revision: 1, figures: { value: 489 } });

    expect(await runCommand(s.db.prisma, ['audit'], { ref: '9.9' }, clock)).toMatchObject({ code: 1 });
  });
});
