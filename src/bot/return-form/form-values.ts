// Reading a submitted return card: what was typed, field by field, checked against the measure's rules.
import { checkFigure } from '../../domain/check-figure.js';
import { checkText } from '../../domain/check-text.js';
import { isRank, isRatio, type Figure, type Figures } from '../../domain/figures.js';
import { parseIsoDate } from '../../domain/iso-date.js';
import { componentsOf, type Measure } from '../../domain/measure.js';
import { readNumber } from '../../domain/read-number.js';

export const NARRATIVE_MAX = 2000;
export const CORRECTIVE_ACTION_MAX = 2000;
export const REASON_MAX = 500;
/** Longer than any figure up to FIGURE_MAX written with separators and decimals. */
const FIGURE_TEXT_MAX = 24;

/** What the user typed, as strings, keyed by input id. */
export type Typed = Record<string, string>;

export interface FormReading {
  typed: Typed;
  figures: Figures | null;
  narrative: string;
  notAvailable: string | null;
  expected: string | null;
  correctiveAction: string | null;
  /** Errors by input id ('figure.value', 'narrative', ...). */
  errors: Record<string, string>;
}

export interface FigureInput {
  id: string;
  key: string;
  part: 'value' | 'numerator' | 'denominator' | 'groupSize';
  label: string;
}

/**
 * The input ids of a measure's figures: one per component, numerator and denominator for ratios, or a
 * position and the comparison group's size for ranks (the group changes from year to year).
 */
export function figureInputs(m: Measure): FigureInput[] {
  if (m.unit === 'rank')
    return componentsOf(m).flatMap((c): FigureInput[] => {
      const name = m.components ? `${c.label}: ` : '';
      return [
        {
          id: `figure.${c.key}`,
          key: c.key,
          part: 'value',
          label: `${name}Position in the group (1 = best)`,
        },
        {
          id: `figure.${c.key}.groupSize`,
          key: c.key,
          part: 'groupSize',
          label: `${name}Members in the comparison group`,
        },
      ];
    });
  return componentsOf(m).flatMap((c): FigureInput[] =>
    m.aggregation === 'ratio'
      ? [
          {
            id: `figure.${c.key}.numerator`,
            key: c.key,
            part: 'numerator',
            label: `${c.label}: number meeting the measure`,
          },
          { id: `figure.${c.key}.denominator`, key: c.key, part: 'denominator', label: `${c.label}: out of` },
        ]
      : [
          {
            id: `figure.${c.key}`,
            key: c.key,
            part: 'value',
            label: m.components ? c.label : 'Figure for the period',
          },
        ],
  );
}

export function typedFrom(data: Record<string, unknown>): Typed {
  const out: Typed = {};
  for (const [k, v] of Object.entries(data)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
  }
  return out;
}

type Parts = Record<string, Partial<Record<FigureInput['part'], number>>>;

/** The numbers typed in each field, by component and part; a field that is empty or not a number gets its error. */
function partsOf(m: Measure, typed: Typed, errors: Record<string, string>): Parts {
  const parts: Parts = {};
  for (const input of figureInputs(m)) {
    const text = (typed[input.id] ?? '').trim();
    if (text === '') {
      errors[input.id] = `Enter ${input.label.toLowerCase()}, or tick "Figures not available yet"`;
      continue;
    }
    if (text.length > FIGURE_TEXT_MAX) {
      errors[input.id] =
        `That is ${text.length} characters, too long for a figure: enter digits only, e.g. 336`;
      continue;
    }
    const n = readNumber(text);
    if (!n.ok) {
      errors[input.id] = n.error;
      continue;
    }
    (parts[input.key] ??= {})[input.part] = n.value;
  }
  return parts;
}

/** The figures the parts make (a rank, a ratio or a number), each checked against the unit. */
function figuresFrom(m: Measure, parts: Parts, errors: Record<string, string>): Figures {
  const figures: Figures = {};
  for (const [key, p] of Object.entries(parts)) {
    if (m.unit === 'rank') {
      const groupProblem = p.groupSize === undefined ? null : checkGroupSize(p.groupSize);
      if (groupProblem) errors[`figure.${key}.groupSize`] = groupProblem;
      if (p.value === undefined || p.groupSize === undefined || groupProblem) continue;
    }
    const figure: Figure | undefined =
      m.unit === 'rank' && p.value !== undefined && p.groupSize !== undefined
        ? { position: p.value, groupSize: p.groupSize }
        : (p.value ??
          (p.numerator !== undefined && p.denominator !== undefined
            ? { numerator: p.numerator, denominator: p.denominator }
            : undefined));
    if (figure === undefined) continue;
    const problem =
      !isRatio(figure) || figure.denominator > 0
        ? checkFigure(m.unit, figure)
        : 'the denominator must be more than 0';
    const id = isRatio(figure) ? `figure.${key}.numerator` : `figure.${key}`;
    if (problem) errors[id] = problem.charAt(0).toUpperCase() + problem.slice(1);
    else figures[key] = figure;
  }
  return figures;
}

export function readForm(m: Measure, typed: Typed): FormReading {
  const errors: Record<string, string> = {};
  const notAvailable = typed.notAvailable === 'true';
  const reason = (typed.notAvailableReason ?? '').trim();
  const narrative = (typed.narrative ?? '').trim();
  const expectedText = (typed.expected ?? '').trim();
  const expected = expectedText === '' ? null : parseIsoDate(expectedText);
  if (expectedText !== '' && expected === null)
    errors.expected = `"${expectedText.slice(0, 40)}" is not a date: use the date picker or YYYY-MM-DD, e.g. 2016-05-24`;
  const narrativeProblem = checkText('The commentary', narrative, NARRATIVE_MAX);
  if (narrativeProblem) errors.narrative = narrativeProblem;
  const reasonProblem = checkText('The reason', reason, REASON_MAX);
  if (notAvailable && reasonProblem) errors.notAvailableReason = reasonProblem;

  if (notAvailable) {
    if (reason === '')
      errors.notAvailableReason =
        'Say why the figures are not available (for example "data arrives one month late")';
    return {
      typed,
      figures: null,
      narrative,
      notAvailable: reason || null,
      expected,
      correctiveAction: null,
      errors,
    };
  }
  if (narrative === '') errors.narrative = 'Add a short commentary: what the figure shows and why';
  let figures: Figures | null = null;
  if (m.unit !== 'text') {
    figures = figuresFrom(m, partsOf(m, typed, errors), errors);
  }
  const correctiveAction = (typed.correctiveAction ?? '').trim() || null;
  const actionProblem = checkText('What is being done', correctiveAction ?? '', CORRECTIVE_ACTION_MAX);
  if (actionProblem) errors.correctiveAction = actionProblem;
  return { typed, figures, narrative, notAvailable: null, expected: null, correctiveAction, errors };
}

/**
 * The typed strings for an existing return, so a revision starts from the current figures; a rank's
 * group size starts as the plan's.
 */
export function typedFromFigures(m: Measure, figures: Figures | null): Typed {
  const out: Typed = {};
  for (const input of figureInputs(m)) {
    const f = figures?.[input.key];
    if (f === undefined) {
      if (input.part === 'groupSize' && m.groupSize !== undefined) out[input.id] = String(m.groupSize);
      continue;
    }
    const shown = partOf(m, f, input.part);
    if (shown !== undefined) out[input.id] = String(shown);
  }
  return out;
}

/** The number a stored figure puts in one input; a rank stored as a bare position is in the plan's group. */
function partOf(m: Measure, f: Figure, part: FigureInput['part']): number | undefined {
  if (typeof f === 'number') return part === 'value' ? f : part === 'groupSize' ? m.groupSize : undefined;
  if (isRank(f)) return part === 'value' ? f.position : part === 'groupSize' ? f.groupSize : undefined;
  return part === 'numerator' || part === 'denominator' ? f[part] : undefined;
}

/** A comparison group's size as typed on the card: whole, and at least 2. */
function checkGroupSize(n: number): string | null {
  return Number.isInteger(n) && n >= 2
    ? null
    : `${n} is not a group size: enter how many are in the comparison group, e.g. 15`;
}
