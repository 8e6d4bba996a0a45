// The example plan walked across its year boundaries with the scheduler and the chat: when 2016/17
// starts its returns are expected (no edit to the file), last year's missing returns are still chased
// until their quarter's board date closes them, a monthly measure whose data is a month behind is due a
// month later, the coordinator starts 2016/17 and carries its targets forward, a changed target in the
// plan file leaves the closed year as the board saw it, and once the plan's last year is over nothing
// more is asked for.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { importPlanFile } from '../../src/app/import-plan-file.js';
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

describe('starting 2016/17', () => {
  it('told the coordinator once that 2016/17 began without targets, and shows its measures grey', async () => {
    const notices = (await h.outbox()).filter((r) => r.key.startsWith('year-targets:'));
    expect(notices.map((r) => r.key)).toEqual(['year-targets:2016/17:priya-sandhu']);
    expect(JSON.stringify(notices[0]?.payload)).toContain('Say \\"start 2016/17\\"');
    h.at('2016-08-05T11:00');
    expect(texts(await h.say('dan-mercer', 'status of 2.2 2016/17 Q1'))).toContain(
      'No target set for 2016/17',
    );
  });

  it("lets only a coordinator start it, and lists what to carry with last year's target and outturn", async () => {
    expect(texts(await h.say('dan-mercer', 'start 2016/17'))).toContain(
      'Only a coordinator can start a new year and set its targets.',
    );
    const offer = texts(await h.say('priya-sandhu', 'start 2016/17'));
    expect(offer).toContain('Starting 2016/17');
    expect(offer).toContain(
      '2.2 Reduce violence without injury: 2015/16 target no change on the baseline, outturn 1,628',
    );
    expect(offer).toContain('the same target, a change on 2015/16');
  });

  it('carries targets forward (the same, a change on the outturn, a new figure), confirms and audits', async () => {
    const done = texts(await h.say('priya-sandhu', 'start 2016/17: 2.2 -5%; 1.3 12000; rest same'));
    expect(done).toContain('2016/17 started');
    expect(done).toContain("2.2 Reduce violence without injury: 1,547 (-5% on last year's outturn)");
    expect(done).toContain('1.3 Reduce police recorded ASB incidents: 12,000 (a new figure)');
    expect(done).toContain('2.3 Reduce robbery: no change on the baseline (the same as last year)');
    expect(done).toContain('Left without a target: 6.1');
    const audit = await h.s.db.prisma.auditEvent.findMany({ where: { action: 'target.set', ref: '2.2' } });
    expect(audit).toEqual([
      expect.objectContaining({
        actor: 'priya-sandhu',
        period: '2016/17',
        after: JSON.stringify({ annual: 1547, from: 'baseline' }),
      }),
    ]);
    const status = texts(await h.say('dan-mercer', 'status of 2.3 2016/17 Q1'));
    expect(status).not.toContain('No target set');
  });

  it('refuses to start it twice, and a closed year', async () => {
    const again = texts(await h.say('priya-sandhu', 'start 2016/17'));
    expect(again).toContain('2016/17 was started by Priya Sandhu on Friday 5 August 2016');
    expect(again).toContain('6.1 Reduce police incidents');
    expect(texts(await h.say('priya-sandhu', 'start 2016/17: 2.2 same'))).toContain(
      '2.2 already has a target for 2016/17. Nothing was set.',
    );
    await h.say('priya-sandhu', 'start 2016/17: 6.1 40');
    expect(texts(await h.say('priya-sandhu', 'start 2016/17'))).toContain(
      'every measure has a target for it',
    );
    expect(texts(await h.say('priya-sandhu', 'start 2015/16'))).toContain(
      '2015/16 is closed: its targets stay as the board saw them',
    );
    expect(await h.s.db.prisma.auditEvent.count({ where: { action: 'year.start' } })).toBe(1);
  });

  it('keeps closed years and chat-set targets as they were when the plan file changes a target', async () => {
    const q4Before = texts(await h.say('priya-sandhu', 'status of 2.2 2015/16 Q4'));
    expect(q4Before).toContain('"rag":"red"');
    const plan = parse(await planText()) as { measures: Record<string, unknown>[] };
    const m22 = plan.measures.find((m) => m.ref === '2.2') as Record<string, unknown>;
    m22.target = { annual: 5000 };
    const file = join(h.s.db.dir, 'edited.yaml');
    await writeFile(file, stringify(plan));
    const out = await importPlanFile(h.s.db.prisma, file, { dryRun: false, now: h.now() });
    expect(out.ok && out.keptTargets).toContain(
      '2.2: 2015/16 keeps its target (the board has seen that year judged by it)',
    );
    expect(texts(await h.say('priya-sandhu', 'status of 2.2 2015/16 Q4'))).toBe(q4Before);
    // The year started in chat keeps the targets set then: the file does not name 2016/17.
    const q1 = texts(await h.say('priya-sandhu', 'status of 2.2 2016/17 Q1'));
    expect(q1).not.toContain('No target set');

    m22.targetsByYear = { '2015/16': { annual: 5000 } };
    await writeFile(file, stringify(plan));
    const refused = await importPlanFile(h.s.db.prisma, file, { dryRun: false, now: h.now() });
    expect(refused).toEqual({
      ok: false,
      errors: [
        expect.stringContaining('2.2: 2015/16 is closed, and its target is what the board judged it by'),
      ],
    });
    expect(texts(await h.say('priya-sandhu', 'status of 2.2 2015/16 Q4'))).toBe(q4Before);
  });

  it('shows a figure revised after the board met beside what the board saw', async () => {
    await h.tick();
    const kept = await h.s.db.prisma.boardSnapshot.findUnique({
      where: {
        partnershipId_period_ref: { partnershipId: h.s.partnership.id, period: '2015/16 Q4', ref: '2.2' },
      },
    });
    expect(JSON.parse(kept?.seen ?? '{}')).toMatchObject({ actual: 489, judged: 1628, rag: 'red' });
    await h.say('priya-sandhu', 'reopen 2015/16 Q4 because the police revised their Q4 figure');
    await h.submit('dan-mercer', '2.2', '2015/16 Q4');
    await h.say('priya-sandhu', 'close 2015/16 Q4');
    const status = texts(await h.say('priya-sandhu', 'status of 2.2 2015/16 Q4'));
    expect(status).toContain('"label":"Board saw","value":"1,628 (');
    expect(status).toContain('revised since the board saw it');
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
