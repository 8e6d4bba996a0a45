// A sensitive measure's commentary (and its small counts) reaches only those who may read its returns
// in full (owner, delegate, the theme's approver, the chair, coordinators): on the sign-off card anyone
// else sees the channel-safe figures and a notice; the weekly and quarterly summaries, posted to the partnership
// channel, withhold it from everyone.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Reply, ReviewView } from '../../../src/bot/reply.js';
import { summaryReply } from '../../../src/bot/summary-reply.js';
import type { Summary } from '../../../src/domain/summary-payload.js';
import { renderAdaptiveCard } from '../../../src/render/adaptive-card/index.js';
import { renderMessages } from '../../../src/render/block-kit/index.js';
import { quarterSummary } from '../../../src/reports/quarter-summary.js';
import { readSummaryData } from '../../../src/reports/summary-view.js';
import { weeklySummary } from '../../../src/reports/weekly-summary.js';
import { botSession, only, type BotSession } from '../../helpers/bot-session.js';
import { edit } from '../../helpers/plan-text.js';
import { datedSession } from '../../reports/summary-fixtures.js';
import { good, planWith, submit22 } from '../signoff/sign-off-helpers.js';

const NOTICE =
  'This measure is sensitive: its commentary is shared with its owner, its approver, the chair and coordinators.';

describe("the sign-off card of a sensitive measure's return", () => {
  let s: BotSession;
  afterEach(async () => {
    await s.close();
  });

  const review = async (who: string): Promise<ReviewView> =>
    only(await s.say(who, 'review 2.2 2015/16 Q4'), 'review').view;
  const drawn = (view: ReviewView) => {
    const reply: Reply = { kind: 'review', view };
    return JSON.stringify([renderAdaptiveCard(reply), renderMessages(reply)]);
  };
  const inPeriod = (v: ReviewView) => v.status.figures.find((f) => f.label === 'In period')?.value;

  it("shows the commentary and exact counts to the owner, the theme's approver, the chair and coordinator only", async () => {
    // 2.2 made sensitive, with counts under 1,000 hidden; Joanne Lister approves its theme.
    const plan = edit(
      await planWith({ approver: ['violence', 'joanne-lister'] }),
      '    title: Reduce violence without injury\n',
      '    title: Reduce violence without injury\n    sensitive: true\n    smallNumberThreshold: 1000\n',
    );
    s = await botSession({ planText: plan });
    await submit22(s);

    for (const who of ['martin-kell']) {
      const view = await review(who);
      expect(view.status.narrative).toBe(NOTICE);
      expect(view.status.correctiveAction).toBeNull();
      expect(inPeriod(view)).toBe('<1000');
      expect(view.status.figures.map((f) => f.label)).not.toContain('Year to date');
      const card = drawn(view);
      expect(card).not.toContain(good.narrative);
      expect(card).not.toContain(good.correctiveAction);
      expect(card).not.toMatch(/\b500\b/);
    }
    // The theme's approver judges the return, so sees it whole, and may decide.
    expect((await review('joanne-lister')).canDecide).toBe(true);
    expect((await review('martin-kell')).canDecide).toBe(false);

    for (const who of ['joanne-lister', 'dan-mercer', 'alan-whitfield', 'priya-sandhu']) {
      const view = await review(who);
      expect(view.status.narrative).toBe(good.narrative);
      expect(view.status.correctiveAction).toBe(good.correctiveAction);
      expect(inPeriod(view)).toBe('500');
      expect(drawn(view)).toContain(good.narrative);
    }
  });

  it('leaves the card of a measure that is not sensitive alone', async () => {
    s = await botSession({ planText: await planWith({ approver: ['violence', 'joanne-lister'] }) });
    await submit22(s);

    const view = await review('martin-kell');
    expect(view.status.narrative).toBe(good.narrative);
    expect(inPeriod(view)).toBe('500');
  });
});

describe("the partnership channel's summaries", () => {
  let s: BotSession;
  let week: Summary;
  let quarter: Summary;

  beforeAll(async () => {
    // 1.3 (red this week, with commentary and corrective action) and 2.2 (red for Q4) made sensitive.
    s = await datedSession((plan) => {
      for (const m of plan.measures) if (m.ref === '1.3' || m.ref === '2.2') m.sensitive = true;
    });
    const data = await readSummaryData(s.db.prisma, s.cal, s.partnership);
    week = weeklySummary({
      cal: s.cal,
      partnership: s.partnership,
      data,
      now: new Date('2016-05-02T08:00:00Z'),
      since: new Date('2016-04-25T08:00:00Z'),
      today: '2016-05-02',
      week: '2016-W18',
      chart: null,
    });
    const q4 = s.cal.parse('2015/16 Q4');
    if (!q4.ok) throw new Error(q4.error);
    quarter = quarterSummary({
      cal: s.cal,
      partnership: s.partnership,
      data,
      quarter: q4.value,
      today: '2016-05-02',
      chart: null,
    });
  }, 30_000);

  afterAll(() => s?.close());

  /** What the posted summary says of the measure, in every section. */
  const detailOf = (summary: Summary, ref: string) => {
    const reply = summaryReply(summary);
    if (reply.kind !== 'list') throw new Error('expected a list');
    const items = reply.sections.flatMap((x) => x.items).filter((i) => i.text.startsWith(`${ref} `));
    return items.map((i) => i.detail ?? '').join('\n');
  };

  it('withholds the weekly summary’s commentary and corrective action of a sensitive measure', () => {
    const x13 = week.exceptions.find((x) => x.ref === '1.3');
    expect(x13?.rag).toBe('red');
    expect(x13?.narrative).toBe('withheld (sensitive measure)');
    expect(x13?.correctiveAction).toBeNull();
    const detail = detailOf(week, '1.3');
    expect(detail).toContain('Comment: withheld (sensitive measure)');
    expect(detail).not.toContain('March incidents');
    expect(detail).not.toContain('problem-solving plan');
    expect(JSON.stringify(week)).not.toContain('March incidents');
  });

  it("withholds the quarter summary's commentary of a sensitive measure, and only of those", () => {
    const byRef = new Map(quarter.exceptions.map((x) => [x.ref, x]));
    expect(byRef.get('2.2')?.narrative).toBe('withheld (sensitive measure)');
    expect(detailOf(quarter, '2.2')).toContain('Comment: withheld (sensitive measure)');
    expect(detailOf(quarter, '2.2')).not.toContain('489 crimes');
    expect(JSON.stringify(quarter)).not.toContain('489 crimes');
    // 2.1 is not sensitive: its commentary is posted as before.
    expect(byRef.get('2.1')?.narrative).toBeTruthy();
    expect(byRef.get('2.1')?.narrative).not.toBe('withheld (sensitive measure)');
  });
});
