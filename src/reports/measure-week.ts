// What a weekly summary says of each measure, worked out from that measure's returns alone: its RAG now
// and a week ago, its exception if it became one, what came in for it this week, and what it still owes.
// The summary is these put together (see weekly-summary.ts), so a measure nothing touched can be kept.
import { isoDateOf, type IsoDate } from '../domain/iso-date.js';
import type { Measure } from '../domain/measure.js';
import { quarterObligations } from '../domain/agency-completeness.js';
import { isMissing, type Obligation } from '../domain/partnership-calendar.js';
import type { Rag } from '../domain/plan-schema.js';
import type { ReturnRecord } from '../domain/return-record.js';
import type { Summary, SummaryException, SummaryReturn } from '../domain/summary-payload.js';
import type { FinancialCalendar } from '../domain/period.js';
import type { Partnership } from '../domain/partnership.js';
import { exceptionItem } from './exception-report.js';
import { isException, summaryException, unapprovedReturns } from './summary-parts.js';
import { summaryView, type SummaryData, type SummaryView } from './summary-view.js';

/** The week a summary covers. */
export interface SummaryFrame {
  cal: FinancialCalendar;
  partnership: Partnership;
  /**
   * The end of the week summarised, and its start (a week before the scheduled post), as the
   * partnership sees them: with TODAY set, that day at the clock's time of day (see partnershipNow).
   */
  now: Date;
  since: Date;
  /** The partnership's date now (config TODAY in demonstrations). */
  today: IsoDate;
}

/** A return that came in this week, with the instant of the measure's last one (the summary's order). */
export type ReceivedReturn = SummaryReturn & { at: number };

export interface MeasureWeek {
  measure: Measure;
  now: { finalRag: Rag; label: string };
  then: { finalRag: Rag; period: string };
  /** The measure as an exception, when it became one (or a different one) this week. */
  exception: SummaryException | null;
  received: ReceivedReturn | null;
  /** Its returns still missing (open, due, overdue). */
  open: Obligation[];
  /** What it owes the current quarter, in or not (the completeness by agency). */
  owed: Obligation[];
  unapproved: NonNullable<Summary['unapproved']>;
}

/**
 * Returns submitted in the window, one entry per measure. Only what owners sent (chat, the web form):
 * history loaded from a plan file did not come in this week, whatever its date or the time of the import.
 */
function receivedSince(f: SummaryFrame, history: ReturnRecord[], m: Measure, now: SummaryView) {
  const { cal, partnership: p } = f;
  const from = f.since.getTime();
  const to = f.now.getTime();
  const inWindow = history.filter((r) => {
    const at = Date.parse(r.submittedAt);
    return !r.imported && at > from && at <= to;
  });
  const last = inWindow.reduce<ReturnRecord | null>(
    (a, r) => (a && Date.parse(a.submittedAt) >= Date.parse(r.submittedAt) ? a : r),
    null,
  );
  if (!last) return null;
  const periods = [...new Map(inWindow.map((r) => [cal.format(r.period), r.period])).values()].sort((a, b) =>
    cal.compare(a, b),
  );
  const newest = periods[periods.length - 1] ?? last.period;
  const at = Date.parse(last.submittedAt);
  return {
    ref: m.ref,
    title: m.title,
    periods: periods.map((x) => cal.format(x)),
    by: last.submittedBy ? (p.people.find((x) => x.id === last.submittedBy)?.name ?? last.submittedBy) : null,
    on: isoDateOf(new Date(at), p.settings.timezone),
    revised: inWindow.some((r) => r.revision > 1),
    notAvailable: last.figures === null && last.notAvailable !== null,
    rag: now.statusAt(m, newest).finalRag,
    at,
  };
}

const byRef = <T extends { ref: string }>(list: T[]): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const kept = out.get(x.ref);
    if (kept) kept.push(x);
    else out.set(x.ref, [x]);
  }
  return out;
};

/** Each of the partnership's measures' part of the week's summary, in the plan's order. */
export function measureWeeks(f: SummaryFrame, data: SummaryData): MeasureWeek[] {
  const { cal, partnership: p } = f;
  // Now: every return stored (none is later than now, but in a demonstration with TODAY set).
  const now = summaryView(cal, p, data, null, f.today);
  const then = summaryView(cal, p, data, f.since, isoDateOf(f.since, p.settings.timezone), now);
  const input = {
    cal,
    themes: p.themes,
    measures: p.measures,
    statusOf: now.latestStatus,
    statusAt: now.statusAt,
  };
  const open = byRef(now.obligations(isMissing));
  const quarter = now.calendar.currentQuarter();
  const owed = byRef(quarterObligations(cal, now.calendar, p.measures, quarter));
  const unapproved = byRef(unapprovedReturns(p, data));
  return p.measures.map((m) => {
    const was = then.latestStatus(m);
    const is = now.latestStatus(m);
    const changed = isException(is.finalRag) && is.finalRag !== was.finalRag;
    const x = changed ? exceptionItem(input, m, is) : null;
    const thenShown = { finalRag: was.finalRag, period: cal.format(was.period) };
    return {
      measure: m,
      now: { finalRag: is.finalRag, label: is.label },
      then: thenShown,
      exception: x && summaryException(cal, p, x, { rag: thenShown.finalRag, period: thenShown.period }),
      received: receivedSince(f, data.history.get(m.ref) ?? [], m, now),
      open: open.get(m.ref) ?? [],
      owed: owed.get(m.ref) ?? [],
      unapproved: unapproved.get(m.ref) ?? [],
    };
  });
}
