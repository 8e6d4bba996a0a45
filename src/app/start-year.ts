// "start 2016/17", in chat and on the command line: list the measures without a target for the year,
// with last year's target and outturn, and offer to carry each forward (the same target, a percentage
// change on last year's outturn, or a new figure); then set them, audited. Refused: a year outside the
// plan, a closed year, and a year already started whose measures all have targets.
import { formatFigure } from '../domain/format-figure.js';
import type { IsoDate } from '../domain/iso-date.js';
import { headlineOf, isSnapshot, type Measure, type Target } from '../domain/measure.js';
import type { FinancialCalendar, Parsed, Period } from '../domain/period.js';
import { longDate } from '../domain/reminders/reminder-time.js';
import {
  carriedTarget,
  carryWords,
  readCarryChoices,
  type CarryChoices,
  targetIn,
  targetYearOf,
  withoutTarget,
} from '../domain/year-targets.js';
import type { Db } from '../store/open-database.js';
import type { Partnership } from '../domain/partnership.js';
import { closureIn } from '../store/return-store.js';
import { startYear, yearStarted, type CarriedTarget, type YearStart } from '../store/year-store.js';
import { readPartnershipView } from './partnership-view.js';

export interface Offered {
  measure: Measure;
  lastTarget: Target | undefined;
  /** Last year's full-year figure; null with the reason when there is none to change. */
  outturn: number | null;
  outturnNote: string | null;
}

export interface YearOffer {
  year: string;
  lastYear: string;
  started: YearStart | null;
  offered: Offered[];
}

const yearPeriod = (year: number): Period => ({ kind: 'year', year });

/** The year asked for, checked against the plan and the calendar, and what it offers to carry. */
export async function yearOffer(
  db: Db,
  cal: FinancialCalendar,
  p: Partnership,
  yearText: string,
  today: IsoDate,
): Promise<Parsed<YearOffer>> {
  const view = await readPartnershipView(db, cal, p, today);
  const asked = nextYearWords(yearText)
    ? { ok: true as const, value: yearPeriod(view.year) }
    : cal.parse(yearText);
  if (!asked.ok) return asked;
  if (asked.value.kind !== 'year')
    return { ok: false, error: `"${yearText}" is not a financial year: write it like 2016/17.` };
  const inPlan = view.calendar.inPlan(asked.value);
  if (!inPlan.ok) return inPlan;
  const y = asked.value.year;
  const year = cal.format(yearPeriod(y));
  const closed = await closureIn(db, cal, p.id, p.settings, yearPeriod(y), { today });
  if (closed.closed)
    return {
      ok: false,
      error: `${year} is closed: its targets stay as the board saw them. A coordinator can reopen ${cal.format(closed.quarter)} first if a target truly must change.`,
    };
  const lastYear = yearPeriod(y - 1);
  const targetYear = targetYearOf(p.settings);
  const offered = withoutTarget(cal, p.measures, y, targetYear).map((m): Offered => {
    // A measure with targets per component carries its headline's.
    const end = cal.containing(cal.end(lastYear), m.frequency);
    const h = view.statusAt(m, end).headline;
    const outturn = isSnapshot(m.aggregation) ? h.actual : h.ytd;
    const gaps = h.gaps.length > 0 ? `${h.gaps.join(', ')} missing` : null;
    return {
      measure: m,
      lastTarget: targetIn(cal, m, headlineOf(m), y - 1, targetYear),
      outturn: gaps ? null : outturn,
      outturnNote: gaps ?? (outturn === null ? 'no figures' : null),
    };
  });
  const started = await yearStarted(db, p.id, year);
  const by =
    started &&
    (p.people.find((x) => x.id === started.by)?.name ??
      (started.by === 'cli' ? 'the command line' : started.by));
  return {
    ok: true,
    value: {
      year,
      lastYear: cal.format(lastYear),
      started: started && { ...started, by: by ?? '' },
      offered,
    },
  };
}

const nextYearWords = (t: string) => /^(?:the )?(?:new|next|this) year$/i.test(t.trim());

function targetText(t: Target | undefined, m: Measure): string {
  if (!t) return 'none';
  if (t.annual !== undefined) return formatFigure(t.annual, m.unit);
  if (t.perPeriod !== undefined)
    return `${t.perPeriod.map((v) => formatFigure(v, m.unit)).join(' / ')} by period`;
  const from = t.from === 'lastYear' ? 'last year' : 'the baseline';
  const pct = t.changePct ?? 0;
  return pct === 0 ? `no change on ${from}` : `${pct > 0 ? '+' : ''}${pct}% on ${from}`;
}

/** The offer in words: one line per measure, and how to answer. */
export function offerLines(
  o: YearOffer,
  asked = (choices: string) => `"start ${o.year}: ${choices}"`,
): string[] {
  if (o.offered.length === 0)
    return [
      o.started
        ? `${o.year} was started by ${o.started.by} on ${longDate(o.started.at.slice(0, 10))}, and every measure has a target for it.`
        : `Every measure already has a target for ${o.year}: there is nothing to carry forward.`,
    ];
  const lead = o.started
    ? `${o.year} was started by ${o.started.by} on ${longDate(o.started.at.slice(0, 10))}; ${o.offered.length} measure(s) still have no target for it:`
    : `Starting ${o.year}: ${o.offered.length} measure(s) have no target for it yet.`;
  return [
    lead,
    ...o.offered.map(
      (x) =>
        `${x.measure.ref} ${x.measure.title}: ${o.lastYear} target ${targetText(x.lastTarget, x.measure)}, outturn ${
          x.outturn === null ? `unknown (${x.outturnNote})` : formatFigure(x.outturn, x.measure.unit)
        }`,
    ),
    `Say how to carry each forward: the same target, a change on ${o.lastYear}'s outturn, or a new figure, e.g. ${asked(example(o))}. Measures you leave out stay grey, "No target set for ${o.year}".`,
  ];
}

/** An answer built from the measures on offer: "1.3 -5%; 2.2 120; rest same". */
function example(o: YearOffer): string {
  const [a, b] = o.offered.map((x) => x.measure.ref);
  return [a && `${a} -5%`, b && `${b} 120`, 'rest same'].filter(Boolean).join('; ');
}

export interface YearActor {
  by: string;
  channel: string;
  now: Date;
}

/** The targets the choices make of the offer: set, or what is wrong; measures "rest" could not carry. */
function carryAll(
  p: Partnership,
  o: YearOffer,
  choices: CarryChoices,
): { ok: true; targets: CarriedTarget[]; skipped: string[] } | { ok: false; error: string } {
  const offered = new Map(o.offered.map((x) => [x.measure.ref.toLowerCase(), x]));
  const unknown = [...choices.byRef.keys()].filter((ref) => !offered.has(ref));
  if (unknown.length > 0) {
    const known = new Set(p.measures.map((m) => m.ref.toLowerCase()));
    const which = unknown.map((ref) =>
      known.has(ref) ? `${ref} already has a target for ${o.year}` : `there is no measure ${ref}`,
    );
    return { ok: false, error: `${which.join('; ')}. Nothing was set.` };
  }
  const targets: CarriedTarget[] = [];
  const problems: string[] = [];
  const skipped: string[] = [];
  for (const x of o.offered) {
    const named = choices.byRef.get(x.measure.ref.toLowerCase());
    const carry = named ?? choices.rest;
    if (!carry) continue;
    const made = carriedTarget(carry, { target: x.lastTarget, outturn: x.outturn, unit: x.measure.unit });
    if (made.ok) targets.push({ ref: x.measure.ref, target: made.target, how: carryWords(carry) });
    // "rest same" passes over a measure it cannot carry; a measure named for it is an error.
    else (named ? problems : skipped).push(`${x.measure.ref} ${made.error}`);
  }
  if (problems.length > 0) return { ok: false, error: `${problems.join('; ')}. Nothing was set.` };
  if (targets.length === 0)
    return {
      ok: false,
      error: `${skipped.length > 0 ? `${skipped.join('; ')}. ` : ''}Name the measure with a figure, e.g. "${o.offered[0]?.measure.ref ?? '2.2'} 120". Nothing was set.`,
    };
  return { ok: true, targets, skipped };
}

/** Applies "rest same; 2.2 -5%; 4.1 120" to the offer: the targets set, or what is wrong (nothing is set then). */
export async function applyYearStart(
  db: Db,
  p: Partnership,
  o: YearOffer,
  choicesText: string,
  actor: YearActor,
): Promise<Parsed<string[]>> {
  if (o.offered.length === 0) return { ok: false, error: offerLines(o)[0] ?? '' };
  const read = readCarryChoices(choicesText);
  if (!read.ok) return read;
  const carried = carryAll(p, o, read.value);
  if (!carried.ok) return carried;
  const { targets, skipped } = carried;
  const year = o.year;
  const done = await startYear(db, { partnershipId: p.id, year, ...actor, at: actor.now, targets });
  if (done.kind === 'alreadySet')
    return {
      ok: false,
      error: `${done.refs.join(', ')} got a target for ${year} meanwhile. Nothing was set: say "start ${year}" to see what is left.`,
    };
  const left = o.offered.length - targets.length;
  return {
    ok: true,
    value: [
      o.started
        ? `${year}: ${targets.length} more target(s) set.`
        : `${year} started: ${targets.length} target(s) set.`,
      ...targets.map((t) => {
        const m = o.offered.find((x) => x.measure.ref === t.ref)?.measure as Measure;
        return `${t.ref} ${m.title}: ${targetText(t.target, m)} (${t.how})`;
      }),
      ...skipped.map((line) => `Left without a target: ${line}.`),
      ...(left > 0
        ? [`${left} measure(s) still have no target for ${year}: say "start ${year}" to see them.`]
        : []),
    ],
  };
}
