// How figures read: thousands separators, signed changes, units, and small-number suppression.
import type { Unit } from './measure.js';

const grouped = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

export function formatNumber(value: number): string {
  return grouped.format(value);
}

export function formatSigned(value: number): string {
  const shown = Number(value.toFixed(1));
  return `${shown > 0 ? '+' : shown < 0 ? '−' : '±'}${formatNumber(Math.abs(shown))}`;
}

export function formatPct(value: number): string {
  return `${formatSigned(value)}%`;
}

/** `groupSize`: a rank's comparison group, shown as "5th of 15"; without it a rank shows as "5th". */
export function formatFigure(value: number | null, unit: Unit, groupSize: number | null = null): string {
  if (value === null) return '–';
  switch (unit) {
    case 'percent':
      return `${formatNumber(value)}%`;
    case 'rank':
      return `${ordinal(Math.round(value))}${groupSize === null ? '' : ` of ${formatNumber(groupSize)}`}`;
    case 'count':
    case 'rate':
    case 'text':
      return formatNumber(value);
    default: {
      const never: never = unit;
      throw new Error(`unknown unit ${String(never)}`);
    }
  }
}

/** 1st, 2nd, 3rd, 4th, 11th, 21st... */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/**
 * Counts of a sensitive measure posted to a channel: values from 1 to threshold − 1 show as "<threshold"
 * so that individuals cannot be identified; zero and larger counts show as they are.
 */
export function suppressSmall(value: number | null, threshold: number): string | null {
  if (value === null) return null;
  return value > 0 && value < threshold ? `<${threshold}` : null;
}
