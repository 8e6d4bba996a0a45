// Teams refuses messages over about 28 KB (HTTP 413); cards are measured as the JSON we send.
import type { AdaptiveCard } from './card-types.js';

export const MAX_CARD_BYTES = 28 * 1024;

export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}
