// Fills a template from cards/ with prepared data. Data values are never re-read as expressions, so
// "${x}" typed by a user stays literal. Optional values are passed as null and dropped here, because
// the templating engine keeps them as `null` and Adaptive Cards has no nulls.
// The engine is imported from its own module: the package index also re-exports JSONSchemaCard, whose
// types point into adaptivecards' TypeScript sources, which do not compile under our settings.
import * as ACData from 'adaptivecards-templating/lib/template-engine.js';
import type { AdaptiveCard } from './card-types.js';

export type CardTemplate = (data: object) => AdaptiveCard;

export function cardTemplate(json: object): CardTemplate {
  const template = new ACData.Template(json);
  return (data) => {
    const card: unknown = withoutNulls(template.expand({ $root: data }));
    if (!isAdaptiveCard(card)) throw new Error('Card template did not expand to an AdaptiveCard with a body');
    return card;
  };
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(withoutNulls);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}

function isAdaptiveCard(value: unknown): value is AdaptiveCard {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'AdaptiveCard' &&
    Array.isArray((value as { body?: unknown }).body)
  );
}
