// A return's figure as its owner typed it, for the audit trail and notices: "489", "49.1% (81 of 165)",
// "5th of 15".
import { figureValue, isRank, type Figures } from '../domain/figures.js';
import { formatFigure } from '../domain/format-figure.js';
import type { Measure } from '../domain/measure.js';

export function figureText(m: Measure, figures: Figures | null, key: string): string {
  const f = figures?.[key];
  if (f === undefined) return '—';
  if (isRank(f)) return formatFigure(f.position, 'rank', f.groupSize);
  const shown = formatFigure(figureValue(f, m.unit === 'percent'), m.unit);
  return typeof f === 'number' ? shown : `${shown} (${f.numerator} of ${f.denominator})`;
}
