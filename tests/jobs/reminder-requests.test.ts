// What people say about reminders, through the conversation on the Stockton plan before the 2015/16 Q4
// returns came in: snoozes, "not available until", delegation, and the coordinators' "remind all",
// "remind 2.2", "pause reminders" and "resume reminders". What they cause goes out through the outbox.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseIntent } from '../../src/bot/parse-intent.js';
import type { Reply } from '../../src/bot/reply.js';
import { startFakeConnector, type FakeConnector } from '../fakes/bot-connector.js';
import { jobsHarness, type Harness } from './jobs-harness.js';

let connector: FakeConnector;
let h: Harness;

beforeEach(async () => {
  connector = await startFakeConnector();
  h = await jobsHarness({ serviceUrl: connector.url });
  h.at('2016-04-08T10:30');
});

afterEach(async () => {
  await h.close();
  await connector.close();
});

const textOf = (replies: Reply[]) =>
  replies.map((r) => (r.kind === 'text' ? r.text : r.kind === 'list' ? r.title : r.kind)).join('\n');
const said = async (person: string, text: string) => textOf(await h.say(person, text));
const outboxTo = async (person: string) => (await h.outbox()).filter((r) => r.recipient === person);

describe('reading reminder requests', () => {
  it.each([
    ['remind me tomorrow', { kind: 'snooze', ref: null, when: 'tomorrow' }],
    ['Remind me on Monday about 2.2', { kind: 'snooze', ref: '2.2', when: 'on monday' }],
    ['snooze 2.2 until Friday', { kind: 'snooze', ref: '2.2', when: 'until friday' }],
    [
      '3.3 not available until 24 May: the NHS figures come late',
      {
        kind: 'notAvailableUntil',
        ref: '3.3',
        period: null,
        when: '24 May',
        reason: 'the NHS figures come late',
      },
    ],
    [
      'not available 2.2 2015/16 Q4 until 2016-05-24 because of a system change',
      {
        kind: 'notAvailableUntil',
        ref: '2.2',
        period: '2015/16 Q4',
        when: '2016-05-24',
        reason: 'of a system change',
      },
    ],
    ['delegate 2.2 to Joanne Lister', { kind: 'delegate', ref: '2.2', to: 'joanne lister' }],
    ['undelegate 2.2', { kind: 'delegate', ref: '2.2', to: null }],
    ['remind all', { kind: 'remindNow', ref: null }],
    ['chase 2.2', { kind: 'remindNow', ref: '2.2' }],
    ['pause reminders', { kind: 'pauseReminders' }],
    ['Resume reminders.', { kind: 'resumeReminders' }],
  ])('"%s"', (text, intent) => {
    expect(parseIntent(text)).toEqual(intent);
  });

  it('leaves the other intents alone', () => {
    expect(parseIntent('status of 2.2').kind).toBe('status');
    expect(parseIntent('my returns').kind).toBe('myReturns');
  });
});

describe('snoozing', () => {
  it('holds the person’s reminders until the day asked, then reminds them that morning', async () => {
    expect(await said('joanne-lister', 'remind me on Tuesday')).toBe(
      'OK: no reminders about 1.1 2015/16 Q4, 1.2 2015/16 Q4, 1.4 2015/16 Q4, 6.3 2015/16 Q4 until Tuesday 12 April 2016. I will remind you that morning.',
    );
    h.at('2016-04-11T09:00');
    await h.tick();
    expect(await outboxTo('joanne-lister')).toEqual([]);
    h.at('2016-04-12T09:00');
    await h.tick();
    expect((await outboxTo('joanne-lister')).map((r) => r.stage)).toEqual(Array(4).fill('snooze-2016-04-12'));
  });

  it('snoozes one measure when asked', async () => {
    expect(await said('dan-mercer', 'remind me tomorrow about 2.2')).toContain(
      'no reminders about 2.2 2015/16 Q4 until Monday 11 April 2016',
    );
  });

  it('says so when there is nothing to snooze, or the day is not one it understands', async () => {
    await h.submit('sian-pryce', '6.2');
    await h.submit('sian-pryce', '6.4');
    expect(await said('sian-pryce', 'remind me tomorrow')).toBe(
      'You have no returns waiting, so there is nothing to snooze.',
    );
    expect(await said('dan-mercer', 'remind me on someday')).toContain(
      '"on someday" is not a day I understand',
    );
  });
});

describe('"not available until"', () => {
  it('records the reason and date on the return, and stops chasers until then', async () => {
    expect(await said('martin-kell', '5.1 not available until 28 April: the CRC is moving systems')).toBe(
      'Noted on the return: 5.1 2015/16 Q4 is not available until Thursday 28 April 2016 ("the CRC is moving systems"). No chasers until then; I will remind you that day.',
    );
    expect((await h.s.revisions('5.1', '2015/16 Q4')).at(-1)).toMatchObject({
      notAvailable: 'the CRC is moving systems',
      expectedDate: '2016-04-28',
      figures: null,
    });
    h.at('2016-04-18T09:00');
    await h.tick();
    expect((await outboxTo('martin-kell')).map((r) => r.ref).sort()).toEqual(['3.1', '3.2', '5.2']);
  });

  it('is refused to someone who may not submit the return, and asks which return when it is not clear', async () => {
    expect(await said('joanne-lister', '5.1 not available until 28 April')).toBe(
      'Only Martin Kell (the owner of 5.1) or a coordinator can say that.',
    );
    expect(await said('martin-kell', 'not available until 28 April')).toMatch(
      /^Which return\? Say "3\.1 2015\/16 Q4 not/,
    );
    await h.submit('dan-mercer', '2.2');
    expect(await said('dan-mercer', '2.2 not available until 28 April')).toBe(
      'There is no return of 2.2 waiting.',
    );
  });
});

describe('delegating', () => {
  it('sends the reminders to the delegate, lets them submit, and tells them', async () => {
    expect(textOf(await h.say('joanne-lister', 'submit 2.2 2015/16 Q4'))).toContain('Only Insp. Dan Mercer');
    expect(await said('dan-mercer', 'delegate 2.2 to Joanne')).toBe(
      'Done: Joanne Lister now gets the reminders for 2.2 Reduce violence without injury and can submit its returns.',
    );
    const [notice] = await outboxTo('joanne-lister');
    expect(notice?.payload).toEqual({
      kind: 'notice',
      text: 'Insp. Dan Mercer has delegated 2.2 Reduce violence without injury to you: you will get its reminders and can submit its returns (say "submit 2.2").',
      buttons: [],
    });
    expect((await h.say('joanne-lister', 'submit 2.2 2015/16 Q4'))[0]?.kind).toBe('returnForm');

    h.at('2016-04-13T09:00');
    await h.tick();
    const stages = (await h.outbox()).filter((r) => r.ref === '2.2' && r.kind === 'reminder');
    expect(stages.map((r) => r.key)).toEqual(['remind:2.2:2015/16 Q4:nudge:joanne-lister']);
  });

  it('tells the owner when a coordinator delegates, and gives the measure back on "undelegate"', async () => {
    expect(await said('priya-sandhu', 'delegate 2.2 to Joanne Lister')).toContain(
      'I have told Insp. Dan Mercer.',
    );
    expect(
      (await outboxTo('dan-mercer')).map((r) => (r.payload.kind === 'notice' ? r.payload.text : '')),
    ).toEqual([
      'Priya Sandhu has delegated 2.2 Reduce violence without injury to Joanne Lister: Joanne Lister gets its reminders and can submit its returns. You can still submit too (Insp. Dan Mercer).',
    ]);
    expect(await said('dan-mercer', 'undelegate 2.2')).toBe(
      '2.2 is back with Insp. Dan Mercer: its reminders go to them again.',
    );
    expect(textOf(await h.say('joanne-lister', 'submit 2.2 2015/16 Q4'))).toContain('Only Insp. Dan Mercer');
  });

  it('refuses others, and names nobody it cannot find', async () => {
    expect(await said('joanne-lister', 'delegate 2.2 to Joanne Lister')).toBe(
      'Only Insp. Dan Mercer (the owner of 2.2) or a coordinator can delegate it.',
    );
    expect(await said('dan-mercer', 'delegate 2.2 to Bob')).toMatch(
      /^There is nobody called "bob" in the plan/,
    );
  });
});

describe('coordinators', () => {
  it('"remind 2.2" nudges its owner now, once a day, naming who asked', async () => {
    expect(await said('dan-mercer', 'remind all')).toBe('Only a coordinator can send reminders on demand.');
    expect(await said('priya-sandhu', 'remind 2.2')).toBe('Nudging now: Insp. Dan Mercer (2.2 2015/16 Q4).');
    expect(await said('priya-sandhu', 'remind 2.2')).toBe(
      'Already nudged today: Insp. Dan Mercer (2.2 2015/16 Q4).',
    );

    await h.deliver();
    expect(connector.received).toHaveLength(1);
    expect(String(connector.received[0]?.activity.summary)).toContain('Priya Sandhu asks for this return.');
  });

  it('"remind all" nudges everyone with a return waiting, one message each', async () => {
    expect(await said('priya-sandhu', 'remind all')).toMatch(
      /^Nudging now: Joanne Lister \(1\.1 2015\/16 Q4, 1\.2 2015\/16 Q4, 1\.4 2015\/16 Q4, 6\.3 2015\/16 Q4\); Insp\. Dan Mercer \(1\.3 /,
    );
    await h.deliver();
    expect(connector.received.map((r) => r.conversationId).sort()).toEqual([
      'conv-dan-mercer',
      'conv-joanne-lister',
      'conv-martin-kell',
      'conv-ruth-okafor',
      'conv-sian-pryce',
    ]);
  });

  it('"pause reminders" stops them, pending ones included; "resume reminders" starts them again', async () => {
    h.at('2016-04-13T09:00');
    await h.tick();
    expect(await said('priya-sandhu', 'pause reminders')).toContain(
      'Reminders for Safer Stockton Partnership are paused',
    );
    expect(await h.deliver()).toMatchObject({ sent: 0, cancelled: 17 });
    h.at('2016-04-14T09:00');
    expect(await h.tick()).toMatchObject([{ written: [] }]);

    expect(await said('dan-mercer', 'resume reminders')).toBe('Only a coordinator can resume reminders.');
    expect(await said('priya-sandhu', 'resume reminders')).toContain('are on again');
    await h.tick();
    expect(await h.deliver()).toMatchObject({ sent: 17 });
  });
});

describe('a return submitted while its reminder waits to be sent', () => {
  it('stops that reminder at once', async () => {
    h.at('2016-04-13T09:00');
    await h.tick();
    await h.submit('joanne-lister', '1.1');

    await h.deliver();

    const row = (await outboxTo('joanne-lister')).find((r) => r.ref === '1.1');
    expect(row).toMatchObject({ status: 'cancelled', lastError: 'the return came in' });
    expect(
      JSON.stringify(connector.received.find((r) => r.conversationId === 'conv-joanne-lister')),
    ).not.toContain('submit 1.1');
  });
});
