// Plausibility of a new figure against the previous period and the same period last year: a count more
// than twice or less than half of both, or a percentage that moves more than 25 points from both, is
// worth a second look. It asks for confirmation; it never blocks.
import type { Unit } from './measure.js';

export interface Comparator {
  /** "Last quarter", "Same quarter last year" */
  label: string;
  value: number | null;
}

export const PERCENT_POINTS = 25;

function unusual(unit: Unit, value: number, before: number): boolean {
  if (unit === 'percent') return Math.abs(value - before) > PERCENT_POINTS;
  if (before === 0) return value > 0 && value >= 10;
  return value > before * 2 || value < before / 2;
}

/** The question to ask, or null when the figure looks ordinary (or there is nothing to compare with). */
export function plausibilityQuestion(
  unit: Unit,
  value: number,
  comparators: Comparator[],
  format: (v: number) => string,
): string | null {
  const known = comparators.filter((c): c is Comparator & { value: number } => c.value !== null);
  if (known.length === 0 || !known.every((c) => unusual(unit, value, c.value))) return null;
  return `Are you sure? ${known.map((c) => `${c.label} was ${format(c.value)}`).join('; ')}.`;
}
