// The weekly summary, pure given the partnership's returns and "now": what came in since last week,
// what is still outstanding or overdue (by owner), the exceptions that are new or changed since a week
// ago (the RAG now against the RAG computed from the returns submitted by then), and the RAG
// distribution with its chart. Posted to the partnership channel, so small sensitive counts are hidden
// and sensitive measures' commentary withheld.
import { isoDateOf, type IsoDate } from '../domain/iso-date.js';
import { localTime, zonedInstant } from '../domain/reminders/reminder-time.js';
import { currentQuarterOf } from '../domain/partnership-calendar.js';
import type { RagCounts, Summary } from '../domain/summary-payload.js';
import { agencyReportOf } from './agency-report.js';
import { measureWeeks, type MeasureWeek, type SummaryFrame } from './measure-week.js';
import { isException, outstandingByOwner, ragCounts } from './summary-parts.js';
import type { SummaryData } from './summary-view.js';

/** The instant as the partnership sees it: `now`, or with a fixed TODAY that day at now's time of day. */
export function partnershipNow(now: Date, today: IsoDate, timezone: string): Date {
  if (isoDateOf(now, timezone) === today) return now;
  return zonedInstant(`${today}T${localTime(now, timezone).time}`, timezone) ?? now;
}

/** The chart of a RAG distribution as an image link, or null when charts are off. */
export type SummaryChart = (counts: RagCounts, title: string) => { url: string; alt: string } | null;

/** What a weekly summary is made of, but the returns. */
export interface WeeklySummaryFrame extends SummaryFrame {
  /** The ISO week: "2016-W15". */
  week: string;
  chart: SummaryChart | null;
}

export interface WeeklySummaryInput extends WeeklySummaryFrame {
  data: SummaryData;
}

export function weeklySummary(i: WeeklySummaryInput): Summary {
  return summaryOfWeeks(i, measureWeeks(i, i.data));
}

/** The summary made of its measures' parts, given in the plan's order. */
export function summaryOfWeeks(f: WeeklySummaryFrame, weeks: readonly MeasureWeek[]): Summary {
  const { cal, partnership: p } = f;
  // Theme by theme, red before amber, as the exception report orders them.
  const order = (w: MeasureWeek) =>
    p.themes.findIndex((t) => t.id === w.measure.theme) * 2 + (w.now.finalRag === 'red' ? 0 : 1);
  const exceptions = weeks
    .filter((w) => w.exception)
    .sort((a, b) => order(a) - order(b))
    .flatMap((w) => (w.exception ? [w.exception] : []));
  const distribution = ragCounts(weeks.map((w) => w.now));
  const quarter = currentQuarterOf(cal, p.settings, f.today);
  return {
    scope: 'week',
    partnership: p.settings.name,
    label: f.week,
    from: isoDateOf(f.since, p.settings.timezone),
    to: f.today,
    // The measures heard from last at the end.
    received: weeks
      .flatMap((w) => (w.received ? [w.received] : []))
      .sort((a, b) => a.at - b.at)
      .map(({ at: _at, ...r }) => r),
    returnsIn: null,
    outstanding: outstandingByOwner(
      cal,
      p,
      weeks.flatMap((w) => w.open),
    ),
    exceptions,
    cleared: weeks
      .filter((w) => isException(w.then.finalRag) && !isException(w.now.finalRag))
      .map((w) => ({
        ref: w.measure.ref,
        title: w.measure.title,
        rag: w.now.finalRag,
        label: w.now.label,
        was: w.then.finalRag,
      })),
    distribution,
    chart: f.chart?.(distribution, `${p.settings.name}: RAG status, week ${f.week.slice(-2)}`) ?? null,
    unapproved: weeks.flatMap((w) => w.unapproved),
    agencies: agencyReportOf(
      cal,
      p,
      quarter,
      weeks.flatMap((w) => w.owed),
    ),
  };
}
