// RAG in Slack: always an emoji and a word together, never colour alone.
import type { Rag } from '../../domain/plan-schema.js';

const EMOJI: Record<Rag, string> = { red: '🔴', amber: '🟠', green: '🟢', none: '⚪' };
const WORD: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green', none: 'Grey' };

export function ragEmoji(rag: Rag): string {
  return EMOJI[rag];
}

export function ragName(rag: Rag): string {
  return WORD[rag];
}

/** "🔴 Red — Significant concern", or "🔴 Red" without a label. Raw text: escape it for mrkdwn. */
export function ragLine(rag: Rag, label: string | null): string {
  const head = `${EMOJI[rag]} ${WORD[rag]}`;
  return label && label.trim() ? `${head} — ${label.trim()}` : head;
}
