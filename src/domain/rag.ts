// RAG rules: green on or better than target, amber worse but within tolerance, red outside it.
import type { Polarity } from './measure.js';
import type { Rag } from './plan-schema.js';

export type NoneReason =
  | 'monitoring'
  | 'no-target'
  | 'no-data'
  | 'baseline-pending'
  | 'narrative'
  /** A rolling figure with months of its window missing. */
  | 'incomplete';

/** The three RAGs in words, as a partnership says them. */
export type RagWords = Record<Exclude<Rag, 'none'>, string>;

export const RAG_LABELS: RagWords = {
  green: 'On target',
  amber: 'Some concerns',
  red: 'Significant concern',
};

/**
 * The partnership's own words for the RAGs (Plymouth's "generally satisfied / some concerns / area of
 * significant concern"), written as labels ("Generally satisfied"); the defaults for any not given.
 */
export function ragWordsOf(own: Partial<Record<string, string>> | undefined): RagWords {
  const word = (rag: keyof RagWords) => {
    const w = own?.[rag]?.trim();
    return w ? `${w.charAt(0).toUpperCase()}${w.slice(1)}` : RAG_LABELS[rag];
  };
  return { green: word('green'), amber: word('amber'), red: word('red') };
}

export const NONE_LABELS: Record<NoneReason, string> = {
  monitoring: 'Monitoring only',
  'no-target': 'No target set',
  'no-data': 'No data yet',
  'baseline-pending': 'Baseline being collected',
  narrative: 'Narrative only',
  incomplete: 'Months missing',
};

export interface RagRules {
  tolerancePct: number;
  redOnlyIfWorseThanLastYear: boolean;
}

/** Positive when `actual` is worse than `reference` for this polarity, as a percentage of the reference. */
export function shortfallPct(actual: number, reference: number, polarity: Polarity): number {
  const diff = polarity === 'higher' ? reference - actual : actual - reference;
  if (reference === 0) return diff > 0 ? Infinity : 0;
  return (diff / Math.abs(reference)) * 100;
}

export function judgeRag(
  actual: number,
  target: number,
  polarity: Polarity,
  rules: RagRules,
  lastYear: number | null,
): Exclude<Rag, 'none'> {
  const shortfall = shortfallPct(actual, target, polarity);
  if (shortfall <= 0) return 'green';
  if (shortfall <= rules.tolerancePct) return 'amber';
  if (
    rules.redOnlyIfWorseThanLastYear &&
    lastYear !== null &&
    shortfallPct(actual, lastYear, polarity) <= 0
  ) {
    return 'amber';
  }
  return 'red';
}

export type Direction = 'improving' | 'worsening' | 'no change' | 'up' | 'down';

export function directionOfTravel(now: number, before: number, polarity: Polarity): Direction {
  if (now === before) return 'no change';
  if (polarity === 'monitor') return now > before ? 'up' : 'down';
  const better = polarity === 'higher' ? now > before : now < before;
  return better ? 'improving' : 'worsening';
}
