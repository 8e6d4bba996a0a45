// The look shared by every chart: RAG colours (always paired with a word, never colour alone), the
// series' colours and line patterns, and titles. Colours are from a colour-blind-safe palette; lines
// also differ by dash and point shape so that they read in greyscale.
import type { Rag } from '../domain/plan-schema.js';

export const RAG_COLOURS: Record<Rag, string> = {
  red: '#c0392b',
  amber: '#f0a30a',
  green: '#2e7d32',
  none: '#9e9e9e',
};

/** The RAG as a word on the chart itself, so the bars read without telling colours apart. */
export const RAG_WORDS: Record<Rag, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  none: 'No RAG',
};

export const INK = '#1f2937';
export const MUTED = '#4b5563';
export const GRID = '#e5e7eb';

/** This year, the target and last year: blue solid with dots, grey dashed, orange dotted with squares. */
export const SERIES = {
  actual: { colour: '#1d4ed8', dash: [] as number[], point: 'circle', width: 3 },
  target: { colour: '#7f7f7f', dash: [8, 5], point: 'triangle', width: 2 },
  lastYear: { colour: '#d97706', dash: [2, 4], point: 'rect', width: 2 },
} as const;

/** Further parts of a multi-part measure: distinct hues and dashes after the headline's blue. */
export const PART_STYLES = [
  { colour: '#0f766e', dash: [12, 4] },
  { colour: '#7c3aed', dash: [4, 3] },
  { colour: '#be185d', dash: [10, 3, 2, 3] },
  { colour: '#0369a1', dash: [1, 3] },
] as const;

export function titleFont(size = 16) {
  return { size, weight: 'bold' as const };
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
