// How a RAG looks in the board's documents: always a word on a colour, never the colour alone. The fills
// are the traditional Office red, amber and green, with text colours that keep a 4.5:1 contrast.
import type { Rag } from '../domain/plan-schema.js';
import type { RagWords } from '../domain/rag.js';
import type { Dashboard } from './dashboard.js';

export interface RagLook {
  /** "RED"; '' for a measure that is not rated (its label says why). */
  word: string;
  /** "Red", for the small per-quarter tags. */
  short: string;
  /** Hex colours without "#". */
  fill: string;
  text: string;
  meaning: string;
}

export const RAG_LOOK: Record<Rag, RagLook> = {
  red: { word: 'RED', short: 'Red', fill: 'C00000', text: 'FFFFFF', meaning: 'Significant concern' },
  amber: { word: 'AMBER', short: 'Amber', fill: 'FFC000', text: '000000', meaning: 'Some concerns' },
  green: { word: 'GREEN', short: 'Green', fill: '00B050', text: '000000', meaning: 'On target' },
  none: {
    word: '',
    short: '',
    fill: 'E7E6E6',
    text: '000000',
    meaning: 'Not rated: monitoring only, no target or no data yet',
  },
};

export const RAGS_IN_KEY: Rag[] = ['red', 'amber', 'green', 'none'];

/** What a RAG means in the key, in the partnership's words ("Area of significant concern"). */
export function ragMeaning(rag: Rag, words: RagWords): string {
  return rag === 'none' ? RAG_LOOK.none.meaning : words[rag];
}

export const OVERRIDE_NOTE =
  "* The coordinator's judgement differs from the computed RAG; the reason is given in the comments.";

/** "18 measures: 3 red, 2 amber, 6 green, 7 not rated." */
export function ragSummary(d: Dashboard): string {
  const rows = d.themes.flatMap((t) => t.rows);
  const count = (rag: Rag) => rows.filter((r) => r.rag === rag).length;
  return `${rows.length} measures: ${count('red')} red, ${count('amber')} amber, ${count('green')} green, ${count('none')} not rated.`;
}

/** The words of a row's RAG cell: "AMBER*" over "Some concerns", or just "Monitoring only". */
export function ragCellWords(rag: Rag, label: string, overridden: boolean): { word: string; label: string } {
  const word = RAG_LOOK[rag].word;
  return { word: word === '' ? '' : `${word}${overridden ? '*' : ''}`, label };
}

/** The override's line in the comments. */
export function overrideText(o: { computedRag: Rag; computedLabel: string; reason: string }): string {
  const computed = RAG_LOOK[o.computedRag].word || 'not rated';
  return `* Coordinator's judgement (computed: ${computed}, ${o.computedLabel.toLowerCase()}): ${o.reason}`;
}
