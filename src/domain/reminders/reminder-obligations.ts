// The returns reminders are about: every period the reporting calendar counts whose data exists and
// that is not closed (this year's and last year's, within the plan's years), for every measure, with who
// gets its reminders (the owner, or the person it was delegated to), its due date, whether it is in, and
// last period's figure to quote.
import { figureValue, isRank, type Figures } from '../figures.js';
import { formatFigure } from '../format-figure.js';
import type { IsoDate } from '../iso-date.js';
import { headlineOf, type Measure } from '../measure.js';
import type { FinancialCalendar, Period } from '../period.js';
import type { ReportingCalendar } from '../reporting-calendar.js';

/** What the database says about the current revision of one return. */
export interface ReturnFact {
  ref: string;
  /** Canonical period text, e.g. "2015/16 Q4". */
  period: string;
  figures: Figures | null;
  notAvailable: string | null;
  expectedDate: IsoDate | null;
  submittedAt: string;
}

export type ObligationState =
  | { kind: 'open' }
  | { kind: 'received'; at: string }
  | { kind: 'notAvailable'; reason: string; until: IsoDate | null };

export interface ReminderObligation {
  ref: string;
  title: string;
  period: string;
  /** The last day before its data exists: the period's end, later for a measure whose data lags. */
  periodEnd: IsoDate;
  owner: string;
  /** Who is reminded: the delegate when there is one, else the owner. */
  recipient: string;
  delegated: boolean;
  due: IsoDate;
  state: ObligationState;
  /** "2015/16 Q3: 439" */
  lastFigure: { period: string; value: string } | null;
  /** "2014/15 Q4: 315": the same period a year before. */
  lastYearFigure: { period: string; value: string } | null;
}

export interface ObligationsInput {
  cal: FinancialCalendar;
  measures: Measure[];
  facts: ReturnFact[];
  /** Measure ref → the person its returns are delegated to. */
  delegations: ReadonlyMap<string, string>;
  calendar: ReportingCalendar;
}

function stateOf(fact: ReturnFact | undefined): ObligationState {
  if (!fact) return { kind: 'open' };
  if (fact.figures) return { kind: 'received', at: fact.submittedAt };
  if (fact.notAvailable) return { kind: 'notAvailable', reason: fact.notAvailable, until: fact.expectedDate };
  return { kind: 'received', at: fact.submittedAt };
}

/** The headline figure stored for `period`, formatted; null when there is none. */
function figureIn(m: Measure, cal: FinancialCalendar, period: Period, facts: Map<string, ReturnFact>) {
  const previous = cal.format(period);
  const figure = facts.get(`${m.ref}|${previous}`)?.figures?.[headlineOf(m).key];
  if (figure === undefined || m.unit === 'text') return null;
  const groupSize = isRank(figure) ? figure.groupSize : null;
  return {
    period: previous,
    value: formatFigure(figureValue(figure, m.unit === 'percent'), m.unit, groupSize),
  };
}

export function reminderObligations(i: ObligationsInput): ReminderObligation[] {
  const facts = new Map(i.facts.map((f) => [`${f.ref}|${f.period}`, f]));
  const measures = new Map(i.measures.map((m) => [m.ref, m]));
  return i.calendar.entries.flatMap((e) => {
    const m = measures.get(e.ref);
    if (!m || e.state === 'notYetDue' || e.state === 'closed') return [];
    const delegate = i.delegations.get(m.ref);
    return [
      {
        ref: m.ref,
        title: m.title,
        period: e.text,
        periodEnd: e.dataAfter,
        owner: m.owner,
        recipient: delegate ?? m.owner,
        delegated: delegate !== undefined && delegate !== m.owner,
        due: e.due,
        state: stateOf(facts.get(`${m.ref}|${e.text}`)),
        lastFigure: figureIn(m, i.cal, i.cal.previous(e.period), facts),
        lastYearFigure: figureIn(m, i.cal, i.cal.sameLastYear(e.period), facts),
      },
    ];
  });
}
