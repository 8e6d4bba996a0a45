// A weekly summary keeps each measure's part between summaries and works out again only the measures a
// write touched (a revision, a review, an override), all of them when the coordinator's word on a period
// or the day changes, and those with a return between two summaries' weeks. Whatever it keeps, it says
// what a summary worked out afresh from everything stored says, here and after another process's writes.
import { afterEach, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/domain/summary-payload.js';
import { readSummaryData } from '../../src/reports/summary-view.js';
import { weeklySummary, type WeeklySummaryFrame } from '../../src/reports/weekly-summary.js';
import { readWeeklySummary } from '../../src/reports/weekly-summary-read.js';
import { openDatabase, type OpenedDatabase } from '../../src/store/open-database.js';
import { changeOverride } from '../../src/store/override-store.js';
import { setPeriodState } from '../../src/store/review-store.js';
import type { Db } from '../../src/store/open-database.js';
import type { BotSession } from '../helpers/bot-session.js';
import { chatRevision, datedSession, decide, IN_THE_WEEK, Q4 } from './summary-fixtures.js';

let s: BotSession | undefined;
let other: OpenedDatabase | undefined;

afterEach(async () => {
  await other?.close();
  other = undefined;
  await s?.close();
});

/** A week's frame: its end, its start and the day (the example's timezone is an hour ahead of UTC in May). */
const frameAt = (
  session: BotSession,
  now: string,
  since: string,
  today = '2016-05-02',
): WeeklySummaryFrame => ({
  cal: session.cal,
  partnership: session.partnership,
  now: new Date(now),
  since: new Date(since),
  today,
  week: '2016-W18',
  chart: null,
});
const MONDAY = ['2016-05-02T08:00:00Z', '2016-04-25T08:00:00Z'] as const;

/** The summary worked out afresh from every revision stored. */
async function afresh(session: BotSession, f: WeeklySummaryFrame): Promise<Summary> {
  const data = await readSummaryData(session.db.prisma, session.cal, session.partnership);
  return weeklySummary({ ...f, data });
}

/** The kept summary through `db`; it must equal the one worked out afresh. */
async function kept(session: BotSession, f: WeeklySummaryFrame, db: Db = session.db.prisma) {
  const read = await readWeeklySummary(db, f);
  expect(read.summary).toEqual(await afresh(session, f));
  return read;
}

describe('a kept weekly summary', () => {
  it('works out every measure once, then none while nothing changed', async () => {
    s = await datedSession();
    const f = frameAt(s, ...MONDAY);
    expect((await kept(s, f)).workedOut).toBe(s.partnership.measures.length);
    const again = await kept(s, f);
    expect(again.workedOut).toBe(0);
    // An hour later the week's start passed no return: still nothing to work out.
    expect((await kept(s, frameAt(s, '2016-05-02T09:00:00Z', '2016-04-25T09:00:00Z'))).workedOut).toBe(0);
    expect(again.summary.received.map((r) => r.ref).sort()).toEqual([...IN_THE_WEEK, '1.3'].sort());
  });

  it('works out again the measure a revision or a review touched, and no other', async () => {
    s = await datedSession();
    const f = frameAt(s, ...MONDAY);
    await kept(s, f);

    await chatRevision(s, '2.1', Q4, 999, '2016-04-30T10:00:00Z');
    const revised = await kept(s, f);
    expect(revised.workedOut).toBe(1);
    expect(revised.summary.received.find((r) => r.ref === '2.1')?.revised).toBe(true);

    await decide(s, '2.1', Q4, 'sentBack');
    const reviewed = await kept(s, f);
    expect(reviewed.workedOut).toBe(1);
    expect(reviewed.summary.unapproved?.map((u) => `${u.ref} ${u.period} ${u.state}`)).toContain(
      `2.1 ${Q4} sent back`,
    );
  });

  it('works out again a measure whose override was set, changed at the same instant, or cleared', async () => {
    s = await datedSession();
    const f = frameAt(s, ...MONDAY);
    await kept(s, f);
    const at = new Date('2016-04-29T09:00:00Z');
    const change = (rag: 'red' | 'green' | null, reason: string) =>
      changeOverride(s!.db.prisma, {
        partnershipId: s!.partnership.id,
        measureId: s!.partnership.measureIds.get('1.1') as number,
        ref: '1.1',
        period: Q4,
        rag,
        reason,
        by: 'priya-shah',
        channel: 'teams',
        at,
      });
    const exceptionOf = (summary: Summary) => summary.exceptions.find((x) => x.ref === '1.1');

    await change('red', 'The board asked for a closer look');
    const set = await kept(s, f);
    expect(set.workedOut).toBe(1);
    expect(exceptionOf(set.summary)?.override?.reason).toBe('The board asked for a closer look');
    await change('red', 'Reworded by the coordinator');
    const changed = await kept(s, f);
    expect(changed.workedOut).toBe(1);
    expect(exceptionOf(changed.summary)?.override?.reason).toBe('Reworded by the coordinator');
    await change(null, 'Back to the figures');
    expect((await kept(s, f)).workedOut).toBe(1);
  });

  it('works out every measure again when a quarter is reopened or the day changes', async () => {
    s = await datedSession();
    const f = frameAt(s, ...MONDAY);
    await kept(s, f);
    await setPeriodState(s.db.prisma, {
      partnershipId: s.partnership.id,
      period: Q4,
      state: 'reopened',
      by: 'priya-shah',
      at: new Date('2016-04-30T09:00:00Z'),
      channel: 'teams',
      reason: 'A late correction from the police',
      wasClosed: true,
    });
    expect((await kept(s, f)).workedOut).toBe(s.partnership.measures.length);
    const tuesday = frameAt(s, '2016-05-03T08:00:00Z', '2016-04-26T08:00:00Z', '2016-05-03');
    expect((await kept(s, tuesday)).workedOut).toBe(s.partnership.measures.length);
  });

  it("works out again a measure with a return between two summaries' weeks", async () => {
    s = await datedSession();
    // Thursday 5 May at 10:00 and at 12:00 (London): 1.3's correction (28 April, 11:00) left the week.
    const morning = await kept(s, frameAt(s, '2016-05-05T09:00:00Z', '2016-04-28T09:00:00Z', '2016-05-05'));
    expect(morning.summary.received.map((r) => r.ref)).toEqual(['1.3']);
    const noon = await kept(s, frameAt(s, '2016-05-05T11:00:00Z', '2016-04-28T11:00:00Z', '2016-05-05'));
    expect(noon.workedOut).toBe(1);
    expect(noon.summary.received).toEqual([]);
  });

  it("sees another process's writes on the next summary", async () => {
    s = await datedSession();
    const f = frameAt(s, ...MONDAY);
    await kept(s, f);
    other = await openDatabase(s.db.url);
    const elsewhere = { ...s, db: { ...s.db, prisma: other.prisma as typeof s.db.prisma } };
    await chatRevision(elsewhere, '4.2', Q4, 5, '2016-05-01T10:00:00Z');
    await decide(elsewhere, '2.2', Q4, 'approved');

    const read = await kept(s, f);
    expect(read.workedOut).toBe(2);
    expect(read.summary.received.map((r) => r.ref)).toContain('4.2');
  });
});
