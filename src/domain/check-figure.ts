// What a figure may be, by unit: the rules the plan import and the return card both apply.
import { isRank, type Figure, type Rank } from './figures.js';
import { ordinal } from './format-figure.js';
import type { Unit } from './measure.js';

/** No figure of a community safety measure comes near this: a larger one is a typing mistake. */
export const FIGURE_MAX = 1_000_000_000;

const tooLarge = (n: number) =>
  `${n.toLocaleString('en-GB', { maximumFractionDigits: 2 })} is too large: figures go up to 1,000,000,000`;

/** Null when the figure is acceptable, else what is wrong and what to do. */
export function checkFigure(unit: Unit, figure: Figure): string | null {
  if (isRank(figure))
    return unit === 'rank' ? checkRank(figure) : 'only a rank measure takes a position in a group';
  if (typeof figure !== 'number') {
    if (!Number.isInteger(figure.numerator) || !Number.isInteger(figure.denominator)) {
      return 'numerator and denominator must be whole numbers, e.g. 81 of 165';
    }
    if (figure.numerator < 0 || figure.denominator < 0)
      return 'numerator and denominator must be 0 or more, e.g. 81 of 165';
    if (figure.denominator > FIGURE_MAX) return tooLarge(figure.denominator);
    if (figure.numerator > figure.denominator) return 'the numerator cannot be more than the denominator';
    return null;
  }
  if (!Number.isFinite(figure)) return 'must be a number, e.g. 42';
  if (Math.abs(figure) > FIGURE_MAX) return tooLarge(figure);
  switch (unit) {
    case 'count':
      return Number.isInteger(figure) && figure >= 0
        ? null
        : `${figure} is not a count: use a whole number, 0 or more`;
    case 'percent':
      return figure >= 0 && figure <= 100
        ? null
        : `${figure} is not a percentage: use a number from 0 to 100`;
    case 'rank':
      return Number.isInteger(figure) && figure >= 1
        ? null
        : `${figure} is not a rank: use a whole number from 1`;
    case 'rate':
      return figure >= 0 ? null : `${figure} is not a rate: use a number, 0 or more`;
    case 'text':
      return 'this measure takes narrative only, no figure';
    default: {
      const never: never = unit;
      throw new Error(`unknown unit ${String(never)}`);
    }
  }
}

/** A position in a comparison group: 1 (best) to the group's size. */
function checkRank({ position, groupSize }: Rank): string | null {
  if (!Number.isInteger(groupSize) || groupSize < 2 || groupSize > FIGURE_MAX)
    return `${groupSize} is not a group size: use the number of members in the comparison group, e.g. 15`;
  if (!Number.isInteger(position) || position < 1)
    return `${position} is not a position: use a whole number from 1 (best) to ${groupSize}`;
  if (position > groupSize)
    return `${ordinal(position)} of ${groupSize} is not a position: the group has ${groupSize} members`;
  return null;
}
