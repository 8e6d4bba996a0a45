// A weekly summary reads only the years it looks at (its working year and the two before); what it says
// must not change: measures the window cannot answer for are read whole. Its week-ago view takes the
// statuses of measures that did not change from the view now, and works out the others as they stood.
import { afterEach, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/domain/summary-payload.js';
import { readSummaryData, summaryView, type SummaryData } from '../../src/reports/summary-view.js';
import { weeklySummary } from '../../src/reports/weekly-summary.js';
import { changeOverride } from '../../src/store/override-store.js';
import { submitRevision } from '../../src/store/submit-revision.js';
import type { BotSession } from '../helpers/bot-session.js';
import { chatRevision, datedSession, decide, IN_THE_WEEK, Q4 } from './summary-fixtures.js';

const since = new Date('2016-04-25T08:00:00Z');
const week = { year: 2015, since };
let s: BotSession | undefined;

afterEach(() => s?.close());

const summaryOf = (session: BotSession, data: SummaryData): Summary =>
  weeklySummary({
    cal: session.cal,
    partnership: session.partnership,
    data,
    now: new Date('2016-05-02T08:00:00Z'),
    since,
    today: '2016-05-02',
    week: '2016-W18',
    chart: null,
  });

async function bothReads(session: BotSession) {
  const full = await readSummaryData(session.db.prisma, session.cal, session.partnership);
  const windowed = await readSummaryData(session.db.prisma, session.cal, session.partnership, week);
  return { full, windowed };
}

/** An old return of a violence measure (2.1 or 2.2), as the plan file gives it. */
const oldReturn = (ref: string, period: string, submittedAt: string) =>
  ({
    ref,
    period,
    value: 300,
    narrative: 'From the archive',
    submittedBy: 'dan-mercer',
    submittedAt,
  }) as {
    ref: string;
    period: string;
  };

describe("a weekly summary's read", () => {
  it('leaves out the years before the one before last, and says the same as a read of everything', async () => {
    s = await datedSession((plan) => plan.returns.push(oldReturn('2.2', '2012/13 Q4', '2013-04-20')));
    const { full, windowed } = await bothReads(s);

    expect(full.history.get('2.2')?.some((r) => r.period.year === 2012)).toBe(true);
    expect(windowed.history.get('2.2')?.some((r) => r.period.year === 2012)).toBe(false);
    expect(summaryOf(s, windowed)).toEqual(summaryOf(s, full));
  });

  it('reads a measure silent for years whole, so its latest status is still the one shown', async () => {
    s = await datedSession((plan) => {
      plan.returns = plan.returns.filter((r) => r.ref !== '2.2');
      plan.returns.push(oldReturn('2.2', '2011/12 Q4', '2012-04-20'));
    });
    const { full, windowed } = await bothReads(s);

    expect(windowed.history.get('2.2')).toHaveLength(1);
    expect(summaryOf(s, windowed)).toEqual(summaryOf(s, full));
  });

  it('reads a measure whole when this week corrected a return years back', async () => {
    s = await datedSession((plan) =>
      plan.returns.push(
        oldReturn('2.1', '2011/12 Q2', '2011-10-20'),
        oldReturn('2.1', '2012/13 Q2', '2012-10-20'),
      ),
    );
    // The correction came in through chat this week (an import is history, never "came in").
    const period = s.cal.parse('2012/13 Q2');
    if (!period.ok) throw new Error(period.error);
    const corrected = await submitRevision(
      s.db.prisma,
      s.cal,
      {
        measureId: s.partnership.measureIds.get('2.1') as number,
        period: period.value,
        figures: { value: 310 },
        narrative: 'Corrected from the archive',
        correctiveAction: null,
        notAvailable: null,
        expectedDate: null,
        submittedBy: 'dan-mercer',
        submittedAt: new Date('2016-04-28T10:00:00Z'),
        source: 'local',
        requestKey: null,
        onlyIfChanged: false,
      },
      1,
    );
    expect(corrected.kind).toBe('stored');
    const { full, windowed } = await bothReads(s);
    const summary = summaryOf(s, windowed);

    expect(windowed.history.get('2.1')).toEqual(full.history.get('2.1'));
    expect(summary.received.find((r) => r.ref === '2.1')?.periods).toEqual(['2012/13 Q2']);
    expect(summary).toEqual(summaryOf(s, full));
  });
});

describe("a weekly summary's sign-offs", () => {
  it('read the earlier periods only, and are those a read of every revision gives', async () => {
    s = await datedSession((plan) =>
      plan.returns.push(
        oldReturn('2.1', '2011/12 Q2', '2011-10-20'),
        oldReturn('2.2', '2012/13 Q2', '2012-10-20'),
      ),
    );
    // Before the window: one chat return left awaiting approval, one imported and then corrected in chat
    // and approved. In it: one approved, one sent back, one forced import over chat figures.
    await chatRevision(s, '2.1', '2011/12 Q3', 120, '2012-01-20T10:00:00Z');
    await chatRevision(s, '2.2', '2012/13 Q2', 290, '2013-01-10T10:00:00Z');
    await decide(s, '2.2', '2012/13 Q2', 'approved');
    await chatRevision(s, '2.1', '2014/15 Q1', 101, '2014-07-20T10:00:00Z');
    await decide(s, '2.1', '2014/15 Q1', 'approved');
    await chatRevision(s, '2.2', '2015/16 Q2', 99, '2015-10-20T10:00:00Z');
    await decide(s, '2.2', '2015/16 Q2', 'sentBack');
    const { full, windowed } = await bothReads(s);

    expect(windowed.history.get('2.1')?.some((r) => r.period.year === 2011)).toBe(false);
    expect(windowed.signOffs).toEqual(full.signOffs);
    const kinds = (key: string) => windowed.signOffs?.get(key)?.kind;
    expect([kinds('2.1|2011/12 Q3'), kinds('2.2|2012/13 Q2'), kinds('2.1|2014/15 Q1')]).toEqual([
      'awaiting',
      'approved',
      'approved',
    ]);
    expect(kinds('2.2|2015/16 Q2')).toBe('sentBack');
    const summary = summaryOf(s, windowed);
    expect(summary.unapproved?.map((u) => `${u.ref} ${u.period} ${u.state}`)).toEqual(
      expect.arrayContaining(['2.1 2011/12 Q3 awaiting approval', '2.2 2015/16 Q2 sent back']),
    );
    expect(summary).toEqual(summaryOf(s, full));
  });
});

describe("a weekly summary's week-ago view", () => {
  /** The views now, a week ago (from the view now) and a week ago worked out afresh. */
  async function views(session: BotSession, at: Date, today: string) {
    const { cal, partnership: p } = session;
    const data = await readSummaryData(session.db.prisma, cal, p, week);
    const now = summaryView(cal, p, data, null, '2016-05-02');
    const then = summaryView(cal, p, data, at, today, now);
    const afresh = summaryView(cal, p, data, at, today);
    for (const m of p.measures) expect(then.latestStatus(m)).toEqual(afresh.latestStatus(m));
    return p.measures.filter((m) => then.latestStatus(m) === now.latestStatus(m)).map((m) => m.ref);
  }

  it('shares the statuses of measures with no return nor override this week, and no others', async () => {
    s = await datedSession();
    // 2.1's Q4 status was overridden this week, with no new return.
    await changeOverride(s.db.prisma, {
      partnershipId: s.partnership.id,
      measureId: s.partnership.measureIds.get('2.1') as number,
      ref: '2.1',
      period: Q4,
      rag: 'green',
      reason: 'The board accepted the explanation',
      by: 'priya-sandhu',
      channel: 'local',
      at: new Date('2016-04-28T09:00:00Z'),
    });
    const shared = await views(s, since, '2016-04-25');

    expect(shared.length).toBeGreaterThan(0);
    for (const changed of [...IN_THE_WEEK, '1.3', '2.1']) expect(shared).not.toContain(changed);
  });

  it('works out afresh a measure whose current period was another then', async () => {
    // The returns before Q4 came in by February (undated, they would count as sent at the import).
    s = await datedSession((plan) => {
      for (const r of plan.returns) r.submittedAt ??= '2016-02-01';
    });
    // On 20 March Q3 was the latest quarter ended: 6.3, with no Q4 return yet, was shown at Q3.
    const shared = await views(s, new Date('2016-03-20T08:00:00Z'), '2016-03-20');

    expect(shared).not.toContain('6.3');
  });
});
