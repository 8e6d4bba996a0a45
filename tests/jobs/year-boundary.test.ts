// The example plan walked across its year boundaries with the scheduler and the chat: when 2016/17
// starts its returns are expected (no edit to the file), last year's missing returns are still chased
// until their quarter's board date closes them, a monthly measure whose data is a month behind is due a
// month later, and once the plan's last year is over nothing more is asked for.
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/bot/reply.js';
import { stocktonPlanText } from '../helpers/bot-session.js';
import { jobsHarness, type Harness } from './jobs-harness.js';

/** The example, with 2015/16 Q4's board date and a monthly measure whose data comes a month behind. */
async function planText(): Promise<string> {
  const plan = parse(await stocktonPlanText()) as {
    partnership: Record<string, unknown>;
    measures: Record<string, unknown>[];
  };
  plan.partnership.summary = { boardDates: { '2015/16 Q4': '2016-06-16' } };
  plan.measures.push({
    ref: '7.1',
    title: 'Monitor alcohol-related A&E attendances',
    theme: 'alcohol',
    source: 'SBC Public Health',
    owner: 'ruth-okafor',
    frequency: 'monthly',
    lagMonths: 1,
    polarity: 'monitor',
  });
  return stringify(plan);
}

let h: Harness;

beforeAll(async () => {
  h = await jobsHarness({ planText: await planText() });
}, 60_000);

afterAll(async () => {
  await h?.close();
});

const texts = (replies: Reply[]) => JSON.stringify(replies);

/** The reminder keys the tick wrote at the time given, e.g. "remind:2.2:2016/17 Q1:first:dan-mercer". */
async function remindersAt(local: string): Promise<string[]> {
  const before = new Set((await h.outbox()).map((r) => r.key));
  h.at(local);
  await h.tick();
  return (await h.outbox()).map((r) => r.key).filter((k) => !before.has(k) && k.startsWith('remind:'));
}

describe('into 2016/17', () => {
  it('chases 2015/16 Q4 while it is open: 5.2 for Martin Kell', async () => {
    const keys = await remindersAt('2016-04-21T09:00');
    expect(keys.some((k) => k.startsWith('remind:5.2:2015/16 Q4:'))).toBe(true);
  });

  it("no longer lists 2015/16 Q4 once its board has met, and asks for 2016/17 Q1 from the plan's years alone", async () => {
    const keys = await remindersAt('2016-07-07T09:00');
    expect(keys).toContain('remind:2.2:2016/17 Q1:first:dan-mercer');
    expect(keys.some((k) => k.includes('2015/16 Q4'))).toBe(false);
    const overdue = texts(await h.say('priya-sandhu', 'overdue'));
    expect(overdue).toContain('2.2 2016/17 Q1');
    expect(overdue).toContain('due 2016-07-14');
    // Q3 has no board date, so it stays open and chased; Q4's board met on 16 June.
    expect(overdue).toContain('5.2 2015/16 Q3');
    expect(overdue).not.toContain('5.2 2015/16 Q4');
  });

  it("opens the new quarter's card, quoting last year's last quarter", async () => {
    const form = texts(await h.say('dan-mercer', 'submit 2.2'));
    expect(form).toContain('2016/17 Q1');
    expect(form).toContain('2015/16 Q4');
    expect(form).toContain('489');
  });

  it('expects the monthly measure a month behind: June is due in August, not July', async () => {
    await remindersAt('2016-07-08T09:00');
    const july = (await h.outbox()).map((r) => r.key);
    expect(july.some((k) => k.startsWith('remind:7.1:2016-06:'))).toBe(false);
    expect(july).toContain('remind:7.1:2016-05:first:ruth-okafor');
    const august = await remindersAt('2016-08-05T09:00');
    expect(august).toContain('remind:7.1:2016-06:first:ruth-okafor');
    const mine = texts(await h.say('ruth-okafor', 'my returns'));
    expect(mine).toContain(
      '"text":"7.1 Monitor alcohol-related A&E attendances — 2016-06","detail":"due 2016-08-12"',
    );
  });
});

describe('after the plan', () => {
  it('in 2017/18 still chases 2016/17 Q4 but asks nothing for the year beyond the plan', async () => {
    const april = await remindersAt('2017-04-21T09:00');
    expect(april.some((k) => k.startsWith('remind:2.2:2016/17 Q4:'))).toBe(true);
    const july = await remindersAt('2017-07-07T09:00');
    expect(july.some((k) => k.includes('2017/18'))).toBe(false);
  });

  it('refuses a period beyond the plan, naming its years', async () => {
    h.at('2017-07-07T10:00');
    expect(texts(await h.say('dan-mercer', 'status of 2.2 2017/18 Q1'))).toContain(
      "2017/18 Q1 is outside the plan's years (2014/15 to 2016/17)",
    );
  });

  it('once the plan is over, nothing is owed and a new return names the period to revise', async () => {
    expect(await remindersAt('2018-09-03T09:00')).toEqual([]);
    const answer = texts(await h.say('dan-mercer', 'submit 2.2'));
    expect(answer).toContain('Nothing is owed for 2.2: the plan covers 2014/15 to 2016/17');
    expect(answer).toContain('submit 2.2 2016/17 Q4');
  });
});
