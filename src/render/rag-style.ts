// RAG on a card: always a word and a colour together, never colour alone.
import type { Rag } from '../domain/plan-schema.js';

const WORD: Record<Rag, string> = { red: 'RED', amber: 'AMBER', green: 'GREEN', none: 'GREY' };
const COLOR: Record<Rag, string> = { red: 'attention', amber: 'warning', green: 'good', none: 'default' };

export interface RagText {
  text: string;
  color: string;
}

export function ragWord(rag: Rag): string {
  return WORD[rag];
}

/** The Adaptive Card colour for a RAG: attention, warning, good or default. */
export function ragColor(rag: Rag): string {
  return COLOR[rag];
}

/** "● RED — Significant concern" in the attention colour; just "● RED" without a label. */
export function ragText(rag: Rag, label: string | null): RagText {
  return { text: label ? `● ${WORD[rag]} — ${label}` : `● ${WORD[rag]}`, color: ragColor(rag) };
}
