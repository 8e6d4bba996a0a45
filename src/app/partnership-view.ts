// Everything about a partnership's returns in one read: current returns, overrides, approvals and the
// coordinator's word on closed quarters of every measure, and the reporting calendar they make, so that
// lists (exceptions, overdue, my returns) cost a few queries, not a few per measure.
import type { IsoDate } from '../domain/iso-date.js';
import type { Measure } from '../domain/measure.js';
import {
  calendarFacts,
  obligationsOf,
  partnershipCalendar,
  type Obligation,
} from '../domain/partnership-calendar.js';
import type { PeriodStateRecord } from '../domain/period-closure.js';
import type { FinancialCalendar, Period } from '../domain/period.js';
import { periodToShow, type CalendarEntry, type ReportingCalendar } from '../domain/reporting-calendar.js';
import type { OverrideRecord, ReturnRecord } from '../domain/return-record.js';
import { compareWithBoard } from '../domain/board-snapshot.js';
import type { BoardView } from '../domain/board-view.js';
import { computeStatus, type MeasureStatus } from '../domain/status.js';
import { boardViews } from '../store/board-store.js';
import type { Db } from '../store/open-database.js';
import type { Partnership } from '../domain/partnership.js';
import { currentReturnsAndSubjects, overridesFor } from '../store/return-store.js';
import { periodStates, reviewsOf, signOffsOver } from '../store/review-store.js';
import type { SignOff } from '../domain/sign-off.js';
import { isReported, rulesFor } from './status-query.js';

export interface PartnershipView {
  /** The financial year of the current quarter: the year "Q3" means when no year is given. */
  year: number;
  calendar: ReportingCalendar;
  returns: Map<string, ReturnRecord[]>;
  overrides: Map<string, OverrideRecord>;
  statusAt(m: Measure, period: Period): MeasureStatus;
  /** The measure's status at its latest reported period up to its current one (else the current one). */
  latestStatus(m: Measure): MeasureStatus;
  /** The calendar's periods whose data exists, with their states and owners. */
  obligations(): Obligation[];
  /** The sign-off of the measure's return for the period; null when none is stored. */
  signOffAt(m: Measure, period: Period): SignOff | null;
}

export interface StatusesOver {
  calendar: ReportingCalendar;
  statusAt(m: Measure, period: Period): MeasureStatus;
  /** The period latestStatus shows (see periodToShow). */
  periodShown(m: Measure): Period;
  latestStatus(m: Measure): MeasureStatus;
  /** The calendar's periods whose data exists (those `keep` accepts, if given), with their owners. */
  obligations(keep?: (e: CalendarEntry) => boolean): Obligation[];
}

export interface ReturnsOver {
  returns: Map<string, ReturnRecord[]>;
  overrideOf: (m: Measure, period: Period) => OverrideRecord | null;
  /** `${ref}|${period}` of approved returns. */
  approved: ReadonlySet<string>;
  periodStates: ReadonlyMap<string, PeriodStateRecord>;
  /** What the board saw, keyed `${ref}|${period}` (see board-store.ts). */
  board?: ReadonlyMap<string, BoardView>;
}

/** The pure half: the calendar, statuses and obligations over the returns given (current, or as of a date). */
export function statusesOver(
  cal: FinancialCalendar,
  p: Partnership,
  o: ReturnsOver,
  today: IsoDate,
): StatusesOver {
  const calendar = partnershipCalendar({
    cal,
    settings: p.settings,
    measures: p.measures,
    facts: calendarFacts(cal, o.returns, o.approved),
    periodStates: o.periodStates,
    today,
  });
  const statusAt = (m: Measure, period: Period): MeasureStatus => {
    const s = computeStatus({
      cal,
      measure: m,
      period,
      returns: o.returns.get(m.ref) ?? [],
      override: o.overrideOf(m, period),
      rules: rulesFor(p, m),
    });
    const board = compareWithBoard(s, o.board?.get(`${m.ref}|${cal.format(period)}`) ?? null);
    return board ? { ...s, board } : s;
  };
  const periodShown = (m: Measure): Period =>
    periodToShow(
      cal,
      calendar,
      m,
      (o.returns.get(m.ref) ?? []).filter(isReported).map((r) => r.period),
    );
  return {
    calendar,
    statusAt,
    periodShown,
    latestStatus: (m) => statusAt(m, periodShown(m)),
    obligations: (keep) => obligationsOf(calendar, p.measures, keep),
  };
}

/**
 * The view of the whole partnership, or of some of its measures only (`only`: a status card needs one
 * measure's returns, not every measure's history); obligations then cover those measures alone.
 */
export async function readPartnershipView(
  db: Db,
  cal: FinancialCalendar,
  partnership: Partnership,
  today: IsoDate,
  only?: Measure[],
): Promise<PartnershipView> {
  const p = only ? { ...partnership, measures: only } : partnership;
  const ids = p.measures.map((m) => p.measureIds.get(m.ref) as number);
  const [{ current, subjects }, reviews, overrides, board, states] = await Promise.all([
    currentReturnsAndSubjects(db, cal, ids),
    reviewsOf(db, ids),
    overridesFor(db, ids),
    boardViews(
      db,
      partnership.id,
      only?.map((m) => m.ref),
    ),
    periodStates(db, partnership.id),
  ]);
  const returns = new Map(
    p.measures.map((m) => [m.ref, current.get(p.measureIds.get(m.ref) as number) ?? []]),
  );
  const signOffs = signOffsOver(subjects, reviews);
  const signOffAt = (m: Measure, period: Period): SignOff | null =>
    signOffs.get(`${p.measureIds.get(m.ref)}|${cal.format(period)}`) ?? null;
  const approved = new Set(
    p.measures.flatMap((m) =>
      (returns.get(m.ref) ?? [])
        .filter((r) => signOffAt(m, r.period)?.kind === 'approved')
        .map((r) => `${m.ref}|${cal.format(r.period)}`),
    ),
  );
  const over = statusesOver(
    cal,
    p,
    {
      returns,
      overrideOf: (m, period) => overrides.get(`${p.measureIds.get(m.ref)}|${cal.format(period)}`) ?? null,
      approved,
      periodStates: states,
      board,
    },
    today,
  );
  return {
    year: cal.yearOf(over.calendar.currentQuarter()),
    calendar: over.calendar,
    returns,
    overrides,
    statusAt: over.statusAt,
    latestStatus: over.latestStatus,
    obligations: over.obligations,
    signOffAt,
  };
}
