// A whole quarter of reminders for the Stockton plan, 2015/16 Q4 (due Thursday 14 April 2016), with a
// clock moved through every day from 1 April to 10 June: ticks before, during and after working
// hours, people replying in the conversation, and every message going out through the real Bot
// Framework sender to a fake connector. Weekends, the May Day and Spring bank holidays, an early
// submission, a snooze, a delegate, "not available until" and an escalation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/iso-date.js';
import { localTime } from '../../src/domain/reminders/reminder-time.js';
import { isWorkingDay } from '../../src/domain/working-days.js';
import type { OutboxRow } from '../../src/store/outbox-store.js';
import { startFakeConnector, type FakeConnector } from '../fakes/bot-connector.js';
import { jobsHarness, LONDON, type Harness } from './jobs-harness.js';

type Event = (h: Harness) => Promise<unknown>;

/** What people do, at 10:30 on the day. */
const EVENTS: Record<string, Event[]> = {
  // Early: both of Sian Pryce's returns are in before the first reminder.
  '2016-04-05': [(h) => h.submit('sian-pryce', '6.2'), (h) => h.submit('sian-pryce', '6.4')],
  '2016-04-08': [(h) => h.say('joanne-lister', 'remind me on Tuesday')],
  '2016-04-11': [(h) => h.say('dan-mercer', 'delegate 2.2 to Joanne Lister')],
  '2016-04-12': [(h) => h.say('martin-kell', '5.1 not available until 28 April: the CRC is moving systems')],
  // The delegate submits.
  '2016-04-13': [(h) => h.submit('joanne-lister', '2.2')],
  '2016-04-15': [(h) => h.submit('ruth-okafor', '6.1')],
  '2016-04-19': [
    (h) => Promise.all(['1.3', '2.1', '2.3', '4.1', '4.2'].map((r) => h.submit('dan-mercer', r))),
  ],
  '2016-04-20': [(h) => Promise.all(['1.1', '1.2', '1.4', '6.3'].map((r) => h.submit('joanne-lister', r)))],
  '2016-05-09': [(h) => h.submit('martin-kell', '5.1')],
  '2016-05-26': [(h) => h.submit('ruth-okafor', '3.3')],
};

const TICKS = ['07:30', '09:00', '10:30', '12:00', '16:55', '17:30'];

let connector: FakeConnector;
let h: Harness;
const lines: string[] = [];
const seen = new Set<string>();
const reviewNotices: string[] = [];

function describeMessage(rows: OutboxRow[]): string {
  const first = rows[0] as OutboxRow;
  const local = localTime(first.sentAt as Date, LONDON);
  const what = first.kind === 'notice' ? 'notice' : `${first.stage} ${rows.map((r) => r.ref).join(' ')}`;
  return `${local.date} ${local.time} ${first.recipient}: ${what}`;
}

async function record(): Promise<void> {
  // The approvers' notices of each submission are the sign-off's business (tests/flows/signoff), not
  // the reminders'.
  const isReview = (r: OutboxRow) => r.key.startsWith('notice:review:');
  const sent = (await h.outbox()).filter((r) => r.status === 'sent' && !seen.has(r.key)).reverse();
  sent.forEach((r) => seen.add(r.key));
  reviewNotices.push(...sent.filter(isReview).map((r) => r.recipient));
  const fresh = sent.filter((r) => !isReview(r));
  fresh.forEach((r) => seen.add(r.key));
  const byMessage = new Map<string, OutboxRow[]>();
  for (const r of fresh)
    byMessage.set(r.providerId ?? r.key, [...(byMessage.get(r.providerId ?? r.key) ?? []), r]);
  lines.push(...[...byMessage.values()].map(describeMessage).sort());
}

beforeAll(async () => {
  connector = await startFakeConnector();
  h = await jobsHarness({ serviceUrl: connector.url });
  for (let day = '2016-04-01'; day <= '2016-06-10'; day = addDays(day, 1)) {
    for (const time of TICKS) {
      h.at(`${day}T${time}`);
      if (time === '10:30') for (const event of EVENTS[day] ?? []) await event(h);
      await h.tick();
      await h.deliver();
      await record();
    }
  }
}, 120_000);

afterAll(async () => {
  await h?.close();
  await connector?.close();
});

describe('2015/16 Q4, day by day', () => {
  it('sends exactly this, and nothing else', () => {
    expect(lines).toEqual([
      // Thursday 7 April, 5 working days before the due date: one message per person, listing their
      // returns. Sian Pryce's are in already.
      '2016-04-07 09:00 dan-mercer: first 1.3 2.1 2.2 2.3 4.1 4.2',
      '2016-04-07 09:00 joanne-lister: first 1.1 1.2 1.4 6.3',
      '2016-04-07 09:00 martin-kell: first 3.1 3.2 5.1 5.2',
      '2016-04-07 09:00 ruth-okafor: first 6.1',
      // Friday 8: Joanne says "remind me on Tuesday". Monday 11: Dan delegates 2.2 to her: she is told,
      // and gets 2.2's current reminder (her snooze is for her own returns).
      '2016-04-11 10:30 joanne-lister: first 2.2',
      '2016-04-11 10:30 joanne-lister: notice',
      '2016-04-12 09:00 joanne-lister: snooze-2016-04-12 1.1 1.2 1.4 6.3',
      // The day before: 2.2 now goes to Joanne, not Dan; 5.1 is "not available until 28 April".
      '2016-04-13 09:00 dan-mercer: nudge 1.3 2.1 2.3 4.1 4.2',
      '2016-04-13 09:00 joanne-lister: nudge 1.1 1.2 1.4 2.2 6.3',
      '2016-04-13 09:00 martin-kell: nudge 3.1 3.2 5.2',
      '2016-04-13 09:00 ruth-okafor: nudge 6.1',
      // Due day (Joanne submitted 2.2 as its delegate yesterday).
      '2016-04-14 09:00 dan-mercer: due 1.3 2.1 2.3 4.1 4.2',
      '2016-04-14 09:00 joanne-lister: due 1.1 1.2 1.4 6.3',
      '2016-04-14 09:00 martin-kell: due 3.1 3.2 5.2',
      '2016-04-14 09:00 ruth-okafor: due 6.1',
      // Chasers every 2 working days, over the weekend; Ruth submitted on Friday 15.
      '2016-04-18 09:00 dan-mercer: chase-1 1.3 2.1 2.3 4.1 4.2',
      '2016-04-18 09:00 joanne-lister: chase-1 1.1 1.2 1.4 6.3',
      '2016-04-18 09:00 martin-kell: chase-1 3.1 3.2 5.2',
      '2016-04-20 09:00 joanne-lister: chase-2 1.1 1.2 1.4 6.3',
      '2016-04-20 09:00 martin-kell: chase-2 3.1 3.2 5.2',
      // 5 working days overdue: the coordinator hears what is late.
      '2016-04-21 09:00 priya-sandhu: escalate 3.1 3.2 5.2',
      '2016-04-22 09:00 martin-kell: chase-3 3.1 3.2 5.2',
      '2016-04-26 09:00 martin-kell: chase-4 3.1 3.2 5.2',
      // 5.1 from its "not available until" date, chased over the May Day bank holiday (Monday 2 May).
      '2016-04-28 09:00 martin-kell: due@2016-04-28 5.1',
      '2016-05-03 09:00 martin-kell: chase-1@2016-04-28 5.1',
      '2016-05-05 09:00 martin-kell: chase-2@2016-04-28 5.1',
      '2016-05-06 09:00 priya-sandhu: escalate@2016-04-28 5.1',
      '2016-05-09 09:00 martin-kell: chase-3@2016-04-28 5.1',
      // 3.3 was "not available until 24 May" in the plan; Ruth submits on the 26th.
      '2016-05-24 09:00 ruth-okafor: due@2016-05-24 3.3',
      '2016-05-26 09:00 ruth-okafor: chase-1@2016-05-24 3.3',
    ]);
  });

  it('sends only on working days, between 09:00 and 17:00', () => {
    for (const line of lines) {
      const [date = '', time = ''] = line.split(' ');
      expect(isWorkingDay(date), line).toBe(true);
      expect(time >= '09:00' && time < '17:00', line).toBe(true);
    }
  });

  it("posted each message once, to the person's own conversation", () => {
    const who = (line: string) => line.split(' ')[2]?.replace(/:$/, '');
    const to = connector.received.map((r) => r.conversationId.replace(/^conv-/, ''));
    expect(to.sort()).toEqual([...lines.map(who), ...reviewNotices].sort());
  });

  it("puts the due date, last quarter's figure and Submit buttons in the reminder, and no figure in the preview", () => {
    const dan = connector.received.find((r) => r.conversationId === 'conv-dan-mercer');
    const card = JSON.stringify(dan?.activity.attachments);
    expect(card).toContain('is due on Thursday 14 April 2016');
    expect(card).toContain('submit 2.2 2015/16 Q4');
    expect(card).toContain('last quarter (2015/16 Q3): 439');
    expect(String(dan?.activity.summary)).toContain('Reminder: 6 returns to submit');
    expect(String(dan?.activity.summary)).not.toContain('439');
  });

  it('recorded "not available until" on the return itself, with the reason', async () => {
    const revisions = await h.s.revisions('5.1', '2015/16 Q4');
    expect(revisions[0]).toMatchObject({
      notAvailable: 'the CRC is moving systems',
      expectedDate: '2016-04-28',
      submittedBy: 'martin-kell',
    });
  });

  it('leaves nothing pending, failed or unknown', async () => {
    const statuses = new Set((await h.outbox()).map((r) => r.status));
    expect([...statuses].filter((s) => s !== 'sent' && s !== 'cancelled')).toEqual([]);
  });
});
