// Completeness by agency and by owner: of the returns a quarter owes, how many each agency (the
// organisation its owners work for) and each owner has sent, how many are approved, and what is still
// missing. Computed once, here, from the reporting calendar's entries; the chat ("overdue by agency"),
// the summaries, the dashboard and the CLI all show this.
import type { Measure } from './measure.js';
import type { Obligation } from './partnership-calendar.js';
import type { FinancialCalendar, Period } from './period.js';
import { dueText } from './period-state-text.js';
import type { Person } from './plan-schema.js';
import type { ReportingCalendar } from './reporting-calendar.js';
import { compareRefs } from './compare-refs.js';

/**
 * Where the owners the plan gives no agency are counted: under one heading a coordinator can see and
 * put right (their own names would read as organisations).
 */
export const NO_AGENCY = 'No agency given';

/** How far a set of returns has come in. `received` includes the approved ones. */
export interface Tally {
  expected: number;
  received: number;
  approved: number;
  /** Not in, with a reason why the data is not available yet. */
  awaiting: number;
  /** Not in, and past their due date (or missing when their quarter closed). */
  overdue: number;
}

export interface OwnerCompleteness extends Tally {
  /** The person's key, and their name. */
  owner: string;
  name: string;
  /** What is not in yet (missing or awaiting data), earliest due first. */
  outstanding: Obligation[];
}

export interface AgencyCompleteness extends Tally {
  agency: string;
  /** The agency's owners who owe returns, in the plan's order of people. */
  owners: OwnerCompleteness[];
}

/** The period a measure is judged on for a quarter: the quarter, or the year at its last quarter. */
export function periodForQuarter(cal: FinancialCalendar, m: Measure, quarter: Period): Period | null {
  if (m.frequency !== 'annual') return quarter;
  return cal.indexInYear(quarter) === 4 ? { kind: 'year', year: cal.yearOf(quarter) } : null;
}

/** The returns owed for a quarter (its months, itself, or the year at Q4) whose data exists, in or not. */
export function quarterObligations(
  cal: FinancialCalendar,
  calendar: ReportingCalendar,
  measures: readonly Measure[],
  quarter: Period,
): Obligation[] {
  return measures.flatMap((m) => {
    const within = periodForQuarter(cal, m, quarter);
    const periods =
      within?.kind === 'quarter' ? (cal.periodsWithin(quarter, m.frequency) ?? []) : within ? [within] : [];
    return periods
      .map((period) => ({ ...calendar.entry(m, period), owner: m.owner }))
      .filter((o) => o.state !== 'notYetDue');
  });
}

const isInState = (o: Obligation) => o.returnState === 'received' || o.returnState === 'approved';

/** How far the returns given have come in. */
export function tallyOf(list: readonly Obligation[]): Tally {
  return {
    expected: list.length,
    received: list.filter(isInState).length,
    approved: list.filter((o) => o.returnState === 'approved').length,
    awaiting: list.filter((o) => o.returnState === 'awaitingData').length,
    overdue: list.filter((o) => o.returnState === 'overdue').length,
  };
}

const share = (t: Tally) => (t.expected === 0 ? 1 : t.received / t.expected);

/**
 * Completeness of the returns given, by agency (least complete first, then the most overdue, then in the
 * plan's order) and, within each, by owner. An owner the plan does not list counts under their key and
 * NO_AGENCY.
 */
export function completenessByAgency(
  obligations: readonly Obligation[],
  people: readonly Person[],
): AgencyCompleteness[] {
  const order = [...new Set([...people.map((p) => p.id), ...obligations.map((o) => o.owner)])];
  const person = new Map(people.map((p) => [p.id, p]));
  const owners: (OwnerCompleteness & { agency: string })[] = order.flatMap((key) => {
    const owed = obligations.filter((o) => o.owner === key);
    if (owed.length === 0) return [];
    const outstanding = owed
      .filter((o) => !isInState(o))
      .sort((a, b) => a.due.localeCompare(b.due) || compareRefs(a.ref, b.ref));
    const p = person.get(key);
    return [
      { owner: key, name: p?.name ?? key, agency: p?.agency ?? NO_AGENCY, ...tallyOf(owed), outstanding },
    ];
  });
  const agencies = [...new Set(owners.map((o) => o.agency))].map((agency) => {
    const mine = owners.filter((o) => o.agency === agency);
    const owed = obligations.filter((o) => mine.some((m) => m.owner === o.owner));
    return { agency, ...tallyOf(owed), owners: mine.map(({ agency: _a, ...o }) => o) };
  });
  return agencies
    .map((a, i) => ({ a, i }))
    .sort((x, y) => share(x.a) - share(y.a) || y.a.overdue - x.a.overdue || x.i - y.i)
    .map(({ a }) => a);
}

/** "5 of 6 received (4 approved, 1 overdue)" */
export function tallyText(t: Tally): string {
  const notes = [
    t.approved > 0 ? `${t.approved} approved` : null,
    t.overdue > 0 ? `${t.overdue} overdue` : null,
    t.awaiting > 0 ? `${t.awaiting} awaiting data` : null,
  ].filter(Boolean);
  return `${t.received} of ${t.expected} received${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}

/** "Cleveland Police 5 of 6 received (4 approved, 1 overdue)" */
export const agencyLine = (a: Tally & { agency: string }): string => `${a.agency} ${tallyText(a)}`;

/** "Martin Kell 3 of 4 received (1 overdue)" */
export const ownerLine = (o: Tally & { name: string }): string => `${o.name} ${tallyText(o)}`;

/** "5.2 2015/16 Q4: overdue since 2016-04-14", in words whatever the period's closure. */
export const outstandingText = (cal: FinancialCalendar, o: Obligation): string =>
  `${o.ref} ${cal.format(o.period)}: ${dueText({ ...o, state: o.returnState })}`;
