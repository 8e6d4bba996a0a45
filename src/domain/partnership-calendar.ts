// Which returns are owed: the reporting calendar of a partnership built from its settings and returns,
// and its entries with each measure's owner, for the lists (overdue, my returns, summaries).
import type { IsoDate } from './iso-date.js';
import type { Measure } from './measure.js';
import { closingQuarter, periodClosure, type PeriodStateRecord } from './period-closure.js';
import type { FinancialCalendar, Period } from './period.js';
import type { PartnershipSettings } from './plan-schema.js';
import {
  currentQuarterIn,
  planYearsOf,
  reportingCalendar,
  type CalendarEntry,
  type CalendarFact,
  type ReportingCalendar,
} from './reporting-calendar.js';
import type { ReturnRecord } from './return-record.js';

export interface Obligation extends CalendarEntry {
  owner: string;
}

export interface PartnershipCalendarInput {
  cal: FinancialCalendar;
  settings: PartnershipSettings;
  measures: readonly Measure[];
  /** What each current return says (see calendarFacts). */
  facts: readonly CalendarFact[];
  /** The coordinator's latest word on each quarter, keyed by the quarter's text. */
  periodStates: ReadonlyMap<string, PeriodStateRecord>;
  today: IsoDate;
}

/** The facts of the calendar: what each current return says. */
export function calendarFacts(
  cal: FinancialCalendar,
  returns: ReadonlyMap<string, ReturnRecord[]>,
  approved: ReadonlySet<string>,
): CalendarFact[] {
  return [...returns].flatMap(([ref, list]) =>
    list.map((r) => {
      const period = cal.format(r.period);
      return {
        ref,
        period,
        received: r.notAvailable === null,
        notAvailable: r.notAvailable ? { reason: r.notAvailable, expected: r.expectedDate } : null,
        approved: approved.has(`${ref}|${period}`),
      };
    }),
  );
}

export function partnershipCalendar(i: PartnershipCalendarInput): ReportingCalendar {
  const { cal, settings, today } = i;
  const years = planYearsOf(cal, settings);
  // One answer per quarter: a quarter's months and every measure's entries there share it.
  const closedQuarters = new Map<string, boolean>();
  const isClosed = (period: Period): boolean => {
    const quarter = cal.format(closingQuarter(cal, period));
    let closed = closedQuarters.get(quarter);
    if (closed === undefined) {
      const state = i.periodStates.get(quarter) ?? null;
      closed = periodClosure(cal, period, settings.summary.boardDates, state, today).closed;
      closedQuarters.set(quarter, closed);
    }
    return closed;
  };
  return reportingCalendar({
    cal,
    measures: i.measures,
    facts: i.facts,
    today,
    dueWorkingDays: settings.dueWorkingDays,
    dueSoonWorkingDays: settings.reminders.firstWorkingDaysBefore,
    // A plan whose years do not read was refused at import; a stored one is read as covering every year.
    years: years.ok ? years.value : null,
    isClosed,
  });
}

/**
 * The financial year of the partnership's current quarter (the latest ended, kept within the plan's
 * years): what "Q3" means with no year, and the year a weekly summary works from.
 */
export function currentYearOf(cal: FinancialCalendar, settings: PartnershipSettings, today: IsoDate): number {
  return cal.yearOf(currentQuarterOf(cal, settings, today));
}

/** The partnership's current quarter: the latest ended, kept within the plan's years. */
export function currentQuarterOf(
  cal: FinancialCalendar,
  settings: PartnershipSettings,
  today: IsoDate,
): Period {
  const years = planYearsOf(cal, settings);
  return currentQuarterIn(cal, years.ok ? years.value : null, today);
}

/**
 * The calendar's entries whose data exists (not "not yet due"), with their owners; only those `keep`
 * accepts, when given (a summary wants the missing few, not a copy of every entry).
 */
export function obligationsOf(
  calendar: ReportingCalendar,
  measures: readonly Measure[],
  keep?: (e: CalendarEntry) => boolean,
): Obligation[] {
  const owners = new Map(measures.map((m) => [m.ref, m.owner]));
  return calendar.entries
    .filter((e) => e.state !== 'notYetDue' && (!keep || keep(e)))
    .map((e) => ({ ...e, owner: owners.get(e.ref) ?? '' }));
}

/** Missing: open, due or overdue, with nothing in (not even a reason why not). */
export const isMissing = (o: CalendarEntry): boolean =>
  o.state === 'open' || o.state === 'due' || o.state === 'overdue';
/**
 * Missing or late: missing (open, due, overdue), or awaiting data past the date its owner said it would
 * come (chasers start again then). Awaiting data with a date still ahead is not late.
 */
export const isLate = (o: CalendarEntry, today: string): boolean =>
  isMissing(o) ||
  (o.state === 'awaitingData' && o.awaiting?.expected !== null && (o.awaiting?.expected ?? '') < today);
/** In: received or approved (a closed period is neither owed nor in). */
export const isIn = (o: CalendarEntry): boolean => o.state === 'received' || o.state === 'approved';
