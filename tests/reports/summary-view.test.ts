// A weekly summary reads only the years it looks at (its working year and the two before); what it says
// must not change: measures the window cannot answer for are read whole.
import { afterEach, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/domain/summary-payload.js';
import { readSummaryData, type SummaryData } from '../../src/reports/summary-view.js';
import { weeklySummary } from '../../src/reports/weekly-summary.js';
import { submitRevision } from '../../src/store/submit-revision.js';
import type { BotSession } from '../helpers/bot-session.js';
import { datedSession } from './summary-fixtures.js';

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
