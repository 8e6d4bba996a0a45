// The weekly summary, pure given the partnership's returns and "now": what came in since last week,
// what is still outstanding or overdue (by owner), the exceptions that are new or changed since a week
// ago (the RAG now against the RAG computed from the returns submitted by then), and the RAG
// distribution with its chart. Posted to the partnership channel, so small sensitive counts are hidden
// and sensitive measures' commentary withheld.
import { isoDateOf, type IsoDate } from '../domain/iso-date.js';
import { localTime, zonedInstant } from '../domain/reminders/reminder-time.js';
import type { Measure } from '../domain/measure.js';
import { isMissing, type Obligation } from '../domain/partnership-calendar.js';
import type { FinancialCalendar } from '../domain/period.js';
import type { Rag } from '../domain/plan-schema.js';
import { ragWordsOf } from '../domain/rag.js';
import type { ReturnRecord } from '../domain/return-record.js';
import type { MeasureStatus } from '../domain/status.js';
import type {
  RagCounts,
  Summary,
  SummaryException,
  SummaryOwed,
  SummaryReturn,
} from '../domain/summary-payload.js';
import { isUnapproved, signOffWord } from '../domain/sign-off.js';
import type { Partnership } from '../domain/partnership.js';
import {
  clip,
  exceptionFigures,
  exceptionItem,
  exceptionTrend,
  figureFormatter,
  type ExceptionInput,
  type ExceptionItem,
} from './exception-report.js';
import { agencyReport } from './agency-report.js';
import { summaryView, type SummaryData, type SummaryView } from './summary-view.js';
import { compareRefs } from '../domain/compare-refs.js';

/** The instant as the partnership sees it: `now`, or with a fixed TODAY that day at now's time of day. */
export function partnershipNow(now: Date, today: IsoDate, timezone: string): Date {
  if (isoDateOf(now, timezone) === today) return now;
  return zonedInstant(`${today}T${localTime(now, timezone).time}`, timezone) ?? now;
}

/** The chart of a RAG distribution as an image link, or null when charts are off. */
export type SummaryChart = (counts: RagCounts, title: string) => { url: string; alt: string } | null;

export interface WeeklySummaryInput {
  cal: FinancialCalendar;
  partnership: Partnership;
  data: SummaryData;
  /**
   * The end of the week summarised, and its start (a week before the scheduled post), as the
   * partnership sees them: with TODAY set, that day at the clock's time of day (see partnershipNow).
   */
  now: Date;
  since: Date;
  /** The partnership's date now (config TODAY in demonstrations). */
  today: IsoDate;
  /** The ISO week: "2016-W15". */
  week: string;
  chart: SummaryChart | null;
}

export const isException = (rag: Rag) => rag === 'red' || rag === 'amber';

/**
 * Said instead of a sensitive measure's commentary ("Comment: withheld (sensitive measure)"): the
 * summary goes to the partnership channel, and such commentary can name or identify people.
 */
export const COMMENTARY_WITHHELD = 'withheld (sensitive measure)';

/** An exception as the summary shows it: figures formatted for a channel, commentary clipped or withheld. */
export function summaryException(
  cal: FinancialCalendar,
  p: Partnership,
  x: ExceptionItem,
  was: SummaryException['was'],
): SummaryException {
  const show = figureFormatter(x.measure, p.settings.smallNumberThreshold, true);
  const withheld = x.measure.sensitive;
  const said = x.narrative || x.correctiveAction;
  return {
    ref: x.measure.ref,
    title: x.measure.title,
    theme: p.themes.find((t) => t.id === x.measure.theme)?.name ?? x.measure.theme,
    period: cal.format(x.period),
    rag: x.rag,
    label: ragWordsOf(p.settings.ragWords)[x.rag],
    was,
    figures: exceptionFigures(x, show),
    trend: exceptionTrend(x),
    narrative: withheld ? (said ? COMMENTARY_WITHHELD : null) : clip(x.narrative),
    correctiveAction: withheld ? null : clip(x.correctiveAction),
    override: x.override && { rag: x.override.rag, reason: clip(x.override.reason) ?? '' },
  };
}

export function ragCounts(statuses: MeasureStatus[]): RagCounts {
  const counts: RagCounts = { red: 0, amber: 0, green: 0, none: 0 };
  for (const s of statuses) counts[s.finalRag] += 1;
  return counts;
}

/** Open returns, by owner (in the plan's order of people), overdue first. */
export function outstandingByOwner(
  cal: FinancialCalendar,
  p: Partnership,
  open: Obligation[],
): SummaryOwed[] {
  const title = (ref: string) => p.measures.find((m) => m.ref === ref)?.title ?? ref;
  return p.people
    .map((person) => ({
      owner: person.name,
      items: open
        .filter((o) => o.owner === person.id)
        .sort((a, b) => a.due.localeCompare(b.due) || compareRefs(a.ref, b.ref))
        .map((o) => ({
          ref: o.ref,
          title: title(o.ref),
          period: cal.format(o.period),
          due: o.due,
          overdue: o.state === 'overdue',
        })),
    }))
    .filter((o) => o.items.length > 0)
    .sort((a, b) => Number(b.items.some((i) => i.overdue)) - Number(a.items.some((i) => i.overdue)));
}

/**
 * Returns submitted in the window, one entry per measure, the measures heard from last at the end. Only
 * what owners sent (chat, the web form): history loaded from a plan file did not come in this week,
 * whatever its date or the time of the import.
 */
function receivedSince(i: WeeklySummaryInput, now: SummaryView): SummaryReturn[] {
  const { cal, partnership: p } = i;
  const from = i.since.getTime();
  const to = i.now.getTime();
  const out: (SummaryReturn & { at: number })[] = [];
  for (const m of p.measures) {
    const inWindow = (i.data.history.get(m.ref) ?? []).filter((r) => {
      const at = Date.parse(r.submittedAt);
      return !r.imported && at > from && at <= to;
    });
    const last = inWindow.reduce<ReturnRecord | null>(
      (a, r) => (a && Date.parse(a.submittedAt) >= Date.parse(r.submittedAt) ? a : r),
      null,
    );
    if (!last) continue;
    const periods = [...new Map(inWindow.map((r) => [cal.format(r.period), r.period])).values()].sort(
      (a, b) => cal.compare(a, b),
    );
    const newest = periods[periods.length - 1] ?? last.period;
    const at = Date.parse(last.submittedAt);
    out.push({
      ref: m.ref,
      title: m.title,
      periods: periods.map((x) => cal.format(x)),
      by: last.submittedBy
        ? (p.people.find((x) => x.id === last.submittedBy)?.name ?? last.submittedBy)
        : null,
      on: isoDateOf(new Date(at), p.settings.timezone),
      revised: inWindow.some((r) => r.revision > 1),
      notAvailable: last.figures === null && last.notAvailable !== null,
      rag: now.statusAt(m, newest).finalRag,
      at,
    });
  }
  return out.sort((a, b) => a.at - b.at).map(({ at: _at, ...r }) => r);
}

interface Compared {
  measure: Measure;
  now: MeasureStatus;
  then: MeasureStatus;
}

function exceptionInput(i: WeeklySummaryInput, view: SummaryView): ExceptionInput {
  const { partnership: p } = i;
  return {
    cal: i.cal,
    themes: p.themes,
    measures: p.measures,
    statusOf: view.latestStatus,
    statusAt: view.statusAt,
  };
}

export function weeklySummary(i: WeeklySummaryInput): Summary {
  const { cal, partnership: p } = i;
  // Now: every return stored (none is later than now, but in a demonstration with TODAY set).
  const now = summaryView(cal, p, i.data, null, i.today);
  const weekAgo = isoDateOf(i.since, p.settings.timezone);
  const then = summaryView(cal, p, i.data, i.since, weekAgo, now);
  const compared: Compared[] = p.measures.map((m) => ({
    measure: m,
    now: now.latestStatus(m),
    then: then.latestStatus(m),
  }));
  const changed = compared.filter((c) => isException(c.now.finalRag) && c.now.finalRag !== c.then.finalRag);
  const input = exceptionInput(i, now);
  // Theme by theme, red before amber, as the exception report orders them.
  const order = (c: Compared) =>
    p.themes.findIndex((t) => t.id === c.measure.theme) * 2 + (c.now.finalRag === 'red' ? 0 : 1);
  const exceptions = changed
    .sort((a, b) => order(a) - order(b))
    .flatMap((c) => {
      const x = exceptionItem(input, c.measure, c.now);
      return x
        ? [summaryException(cal, p, x, { rag: c.then.finalRag, period: cal.format(c.then.period) })]
        : [];
    });
  const distribution = ragCounts(compared.map((c) => c.now));
  const open = now.obligations(isMissing);
  return {
    scope: 'week',
    partnership: p.settings.name,
    label: i.week,
    from: weekAgo,
    to: i.today,
    received: receivedSince(i, now),
    returnsIn: null,
    outstanding: outstandingByOwner(cal, p, open),
    exceptions,
    cleared: compared
      .filter((c) => isException(c.then.finalRag) && !isException(c.now.finalRag))
      .map((c) => ({
        ref: c.measure.ref,
        title: c.measure.title,
        rag: c.now.finalRag,
        label: c.now.label,
        was: c.then.finalRag,
      })),
    distribution,
    chart: i.chart?.(distribution, `${p.settings.name}: RAG status, week ${i.week.slice(-2)}`) ?? null,
    unapproved: unapprovedReturns(i.partnership, i.data),
    agencies: agencyReport(cal, p, now.calendar, now.calendar.currentQuarter()),
  };
}

/** Figures not yet signed off: awaiting approval, sent back to the owner, or reopened. By measure, oldest period first. */
export function unapprovedReturns(p: Partnership, data: SummaryData): NonNullable<Summary['unapproved']> {
  // Grouped by ref in one pass: a sign-off per return, so scanning them all per measure cost the most.
  const byRef = new Map<string, { period: string; state: string }[]>();
  for (const [key, s] of data.signOffs ?? []) {
    const [ref, period] = key.split('|');
    const state = signOffWord(s);
    if (!ref || !period || !isUnapproved(s) || !state) continue;
    const list = byRef.get(ref) ?? [];
    list.push({ period, state });
    byRef.set(ref, list);
  }
  return p.measures.flatMap((m) =>
    (byRef.get(m.ref) ?? []).map(({ period, state }) => ({ ref: m.ref, title: m.title, period, state })),
  );
}
