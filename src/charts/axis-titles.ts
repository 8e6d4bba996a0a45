// Axis titles with units: what the numbers on a chart count, and over what span.
import type { Measure } from '../domain/measure.js';
import type { Frequency } from '../domain/period.js';

const UNIT_WORDS: Record<Measure['unit'], string> = {
  count: 'Count',
  percent: 'Per cent (%)',
  rate: 'Rate',
  rank: 'Rank (1 = top)',
  text: 'Value',
};

/** "Count, year to date", "Per cent (%), latest figure". */
export function valueAxisTitle(
  unit: Measure['unit'],
  aggregation: Measure['aggregation'],
  span: string,
): string {
  const how =
    aggregation === 'rolling12' ? 'rolling 12 months' : aggregation === 'latest' ? 'latest figure' : span;
  return `${UNIT_WORDS[unit]}, ${how}`;
}

export function periodAxisTitle(frequency: Frequency, year: string): string {
  switch (frequency) {
    case 'monthly':
      return `Month of ${year}`;
    case 'quarterly':
      return `Quarter of ${year}`;
    case 'annual':
      return 'Financial year';
    default: {
      const never: never = frequency;
      throw new Error(`unknown frequency ${String(never)}`);
    }
  }
}

/** Ranks read with 1 at the top; everything else from zero up. */
export function rankAxis(unit: Measure['unit']) {
  return unit === 'rank'
    ? { beginAtZero: false, reverse: true, min: 1, grace: 0 }
    : { beginAtZero: true, reverse: false, grace: '10%' };
}
