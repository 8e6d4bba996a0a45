// Reading rendered cards in tests: every typed object in document order, inputs by id, actions.
import type { AdaptiveCard, CardElement } from '../../src/render/adaptive-card/index.js';

export function typedObjects(value: unknown): CardElement[] {
  if (Array.isArray(value)) return value.flatMap(typedObjects);
  if (typeof value !== 'object' || value === null) return [];
  const self = typeof (value as { type?: unknown }).type === 'string' ? [value as CardElement] : [];
  return [...self, ...Object.values(value).flatMap(typedObjects)];
}

export const ofType = (card: AdaptiveCard, type: string) => typedObjects(card).filter((e) => e.type === type);

export function byId(card: AdaptiveCard, id: string): CardElement {
  const found = typedObjects(card).find((e) => e.id === id);
  if (!found) throw new Error(`No element with id ${id}`);
  return found;
}

/** The element right after `el` in whichever `items` list holds it. */
export function nextSibling(card: AdaptiveCard, el: CardElement): CardElement | undefined {
  for (const holder of [card, ...typedObjects(card)]) {
    const list = (holder as { items?: unknown }).items ?? (holder === card ? card.body : undefined);
    if (!Array.isArray(list)) continue;
    const i = list.indexOf(el);
    if (i >= 0) return list[i + 1] as CardElement | undefined;
  }
  return undefined;
}

export const texts = (card: AdaptiveCard) => ofType(card, 'TextBlock').map((t) => String(t.text));
