// The reporting calendar: for each measure and period, one state at a given instant (not yet due, open,
// due, overdue, awaiting data, received, approved, closed), computed from the plan and "today". It is
// the one notion of "now" every surface uses: the return card's period, "my returns", reminders and
// chasers, "overdue", the status and dashboard defaults and the summaries.
//
// Which periods count: those of the plan's years (`planYears`) that fall in the current financial
// year or the one before, so last year's outstanding returns are still chased (until their quarter
// closes) while older history is left alone. A measure whose data comes late (`lagMonths`, "one month
// behind") is expected, and due, that many months after its period ends.
import { compareIsoDates, type IsoDate } from './iso-date.js';
import type { FinancialCalendar, Frequency, Parsed, Period } from './period.js';
import { monthEndAfter, periodSchedule } from './period-schedule.js';
import { workingDaysBetween } from './working-days.js';

export const CALENDAR_STATES = [
  'notYetDue',
  'open',
  'due',
  'overdue',
  'awaitingData',
  'received',
  'approved',
  'closed',
] as const;
/** In the order a period moves through them as time passes and returns come in (reopening goes back). */
export type CalendarState = (typeof CALENDAR_STATES)[number];

/** The start years of the plan's first and last financial years (2014 and 2016 for a 2014–17 plan). */
export interface PlanYears {
  first: number;
  last: number;
}

/** What the database says of one period's current return. */
export interface CalendarFact {
  ref: string;
  /** Canonical period text, e.g. "2015/16 Q4". */
  period: string;
  /** A return is in: figures, or the commentary of a narrative measure (anything but "not available"). */
  received: boolean;
  notAvailable: { reason: string; expected: IsoDate | null } | null;
  approved: boolean;
}

export interface CalendarMeasure {
  ref: string;
  frequency: Frequency;
  /** Months after a period's end before its data exists ("one month behind": 1). */
  lagMonths?: number;
}

export interface CalendarInput {
  cal: FinancialCalendar;
  measures: readonly CalendarMeasure[];
  facts: readonly CalendarFact[];
  today: IsoDate;
  /** Working days after the data exists that a return is due. */
  dueWorkingDays: number;
  /** Working days before the due date from which a return is "due" rather than "open". */
  dueSoonWorkingDays: number;
  /** Null: the plan does not say which years it covers, so any year counts. */
  years: PlanYears | null;
  /** Whether a period's quarter is closed today (its board date passed, or the coordinator closed it). */
  isClosed: (period: Period) => boolean;
}

export interface CalendarEntry {
  ref: string;
  period: Period;
  /** Canonical text. */
  text: string;
  /** The last day of the period. */
  ends: IsoDate;
  /** The last day before its data exists: the period's end, or later for a measure that lags. */
  dataAfter: IsoDate;
  due: IsoDate;
  state: CalendarState;
  /**
   * The state as if the period were still open: for a closed period, whether its return was in
   * (approved, received), excused (awaiting data) or missing (overdue) when it closed; else `state`.
   */
  returnState: Exclude<CalendarState, 'closed'>;
  /** Whether a return is in: figures, or the reason there are none (whatever the state, closed too). */
  reported: boolean;
  /** Why the figures are not in, and when they are expected (awaiting data, then closed so too). */
  awaiting: { reason: string; expected: IsoDate | null } | null;
}

export interface ReportingCalendar {
  readonly today: IsoDate;
  readonly years: PlanYears | null;
  /** The financial years whose periods count today (at most this year and last, within the plan). */
  readonly liveYears: number[];
  /** Every period of the live years that has begun, for every measure, oldest first. */
  readonly entries: CalendarEntry[];
  /** The entry of any period (in the live years or not). */
  entry(m: CalendarMeasure, period: Period): CalendarEntry;
  /** Entries still owed: open, due, overdue or awaiting data. */
  outstanding(): CalendarEntry[];
  /** The latest period whose data exists by today, kept within the plan's years. */
  currentPeriod(m: CalendarMeasure): Period;
  /** The partnership's current quarter: the latest that has ended, kept within the plan's years. */
  currentQuarter(): Period;
  /** The period if its year is one of the plan's; else a message saying which years are. */
  inPlan(period: Period): Parsed<Period>;
}

export const OUTSTANDING: ReadonlySet<CalendarState> = new Set(['open', 'due', 'overdue', 'awaitingData']);

/** The one state of a period at `today`, from its fact (the current return, if any). */
export function periodState(
  i: Pick<CalendarInput, 'today' | 'dueSoonWorkingDays' | 'isClosed'>,
  period: Period,
  ends: IsoDate,
  dataAfter: IsoDate,
  due: IsoDate,
  fact: CalendarFact | undefined,
): CalendarState {
  if (compareIsoDates(i.today, ends) > 0 && i.isClosed(period)) return 'closed';
  if (fact?.approved) return 'approved';
  if (fact?.received) return 'received';
  if (fact?.notAvailable) return 'awaitingData';
  if (compareIsoDates(i.today, dataAfter) <= 0) return 'notYetDue';
  if (compareIsoDates(i.today, due) > 0) return 'overdue';
  return workingDaysBetween(i.today, due) <= i.dueSoonWorkingDays ? 'due' : 'open';
}

/** "2014/15 to 2016/17" */
export function formatPlanYears(cal: FinancialCalendar, years: PlanYears): string {
  const y = (year: number) => cal.format({ kind: 'year', year });
  return years.first === years.last ? y(years.first) : `${y(years.first)} to ${y(years.last)}`;
}

/** The plan's years from its settings (`planYears: { from: '2014/15', to: '2016/17' }`); null when not given. */
export function planYearsOf(
  cal: FinancialCalendar,
  settings: { planYears?: { from: string; to: string } | undefined },
): Parsed<PlanYears | null> {
  if (!settings.planYears) return { ok: true, value: null };
  const year = (text: string): Parsed<number> => {
    const parsed = cal.parse(text);
    if (!parsed.ok) return parsed;
    if (parsed.value.kind !== 'year')
      return { ok: false, error: `"${text}" is not a financial year: write it like 2014/15` };
    return { ok: true, value: parsed.value.year };
  };
  const first = year(settings.planYears.from);
  if (!first.ok) return first;
  const last = year(settings.planYears.to);
  if (!last.ok) return last;
  if (last.value < first.value)
    return {
      ok: false,
      error: `planYears ends (${settings.planYears.to}) before it starts (${settings.planYears.from})`,
    };
  return { ok: true, value: { first: first.value, last: last.value } };
}

/**
 * The period to show a measure at when none is asked: its latest reported period up to its current one
 * (a return for a later period, typed by mistake or early, does not move it), else its current period.
 */
export function periodToShow(
  cal: FinancialCalendar,
  calendar: ReportingCalendar,
  m: CalendarMeasure,
  reported: Period[],
): Period {
  const current = calendar.currentPeriod(m);
  const upTo = reported.filter((p) => cal.compare(p, current) <= 0).sort((a, b) => cal.compare(a, b));
  return upTo.pop() ?? current;
}

function clip(cal: FinancialCalendar, years: PlanYears | null, p: Period): Period {
  if (!years) return p;
  const year = cal.yearOf(p);
  if (year > years.last) return cal.periodsInYear(years.last, cal.frequencyOf(p)).at(-1) as Period;
  if (year < years.first) return cal.periodsInYear(years.first, cal.frequencyOf(p))[0] as Period;
  return p;
}

/** The latest quarter that has ended by `today`, kept within the plan's years. */
export function currentQuarterIn(cal: FinancialCalendar, years: PlanYears | null, today: IsoDate): Period {
  return clip(cal, years, cal.lastCompleted(today, 'quarterly'));
}

/** The financial year `today` is in (its start year). */
export const yearOfDay = (cal: FinancialCalendar, today: IsoDate): number =>
  cal.yearOf(cal.containing(today, 'monthly'));

/**
 * How the calendar makes an entry: the period's schedule (remembered, see period-schedule.ts) and its
 * state from its fact. The facts are indexed when first needed: a calendar asked only for current
 * periods (a summary's week-ago view) never reads them.
 */
function entryMaker(i: CalendarInput): (m: CalendarMeasure, period: Period) => CalendarEntry {
  let facts: Map<string, CalendarFact> | null = null;
  const factOf = (key: string) => {
    facts ??= new Map(i.facts.map((f) => [`${f.ref}|${f.period}`, f]));
    return facts.get(key);
  };
  const open = { ...i, isClosed: () => false };
  return (m, period) => {
    const { text, ends, dataAfter, due } = periodSchedule(i.cal, period, m.lagMonths ?? 0, i.dueWorkingDays);
    const fact = factOf(`${m.ref}|${text}`);
    const state = periodState(i, period, ends, dataAfter, due, fact);
    const returnState = (
      state === 'closed' ? periodState(open, period, ends, dataAfter, due, fact) : state
    ) as Exclude<CalendarState, 'closed'>;
    const awaiting = returnState === 'awaitingData' ? (fact?.notAvailable ?? null) : null;
    const reported = Boolean(fact && (fact.received || fact.notAvailable));
    return { ref: m.ref, period, text, ends, dataAfter, due, state, returnState, reported, awaiting };
  };
}

export function reportingCalendar(i: CalendarInput): ReportingCalendar {
  const { cal, today, years } = i;
  const thisYear = yearOfDay(cal, today);
  const liveYears = [thisYear - 1, thisYear].filter((y) => !years || (y >= years.first && y <= years.last));
  const entry = entryMaker(i);

  // Listed when first asked for, like the facts.
  let entries: CalendarEntry[] | null = null;
  const allEntries = (): CalendarEntry[] =>
    (entries ??= i.measures.flatMap((m) =>
      liveYears.flatMap((year) =>
        cal
          .periodsInYear(year, m.frequency)
          .filter((p) => compareIsoDates(cal.start(p), today) <= 0)
          .map((p) => entry(m, p)),
      ),
    ));

  const latestWithData = (m: CalendarMeasure): Period => {
    let p = cal.containing(today, m.frequency);
    while (compareIsoDates(monthEndAfter(cal, cal.end(p), m.lagMonths ?? 0), today) >= 0) p = cal.previous(p);
    return p;
  };

  return {
    today,
    years,
    liveYears,
    get entries() {
      return allEntries();
    },
    entry,
    outstanding: () => allEntries().filter((e) => OUTSTANDING.has(e.state)),
    currentPeriod: (m) => clip(cal, years, latestWithData(m)),
    currentQuarter: () => currentQuarterIn(cal, years, today),
    inPlan: (period) => {
      if (!years) return { ok: true, value: period };
      const year = cal.yearOf(period);
      if (year >= years.first && year <= years.last) return { ok: true, value: period };
      return {
        ok: false,
        error: `${cal.format(period)} is outside the plan's years (${formatPlanYears(cal, years)}): ask for a period in those years, or ask the coordinator to extend the plan (planYears in the plan file)`,
      };
    },
  };
}
