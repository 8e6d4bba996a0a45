// Fills a template from cards/ with prepared data. Data values are never re-read as expressions, so
// "${x}" typed by a user stays literal. Optional values are passed as null and dropped here, because
// the templating language keeps them as `null` and Adaptive Cards has no nulls.
// Every string of the data is Markdown-escaped where it lands in text a host renders as Markdown, and
// only there: the templates' own text may format, what the data brings (commentary, names, reasons,
// echoed messages, our sentences quoting them) shows as typed, and inputs, URLs and action data keep
// their exact values. Data strings are bracketed with two noncharacters before expansion so that,
// after it, their text can be told from the template's wherever it was interpolated.
// The templates are expanded by compile-card-template.ts rather than the adaptivecards-templating
// engine, whose adaptive-expressions costs about 29 MB at start for the few bindings we use.
import type { AdaptiveCard } from './card-types.js';
import { compileCardTemplate, type ExpandTemplate } from './compile-card-template.js';
import { escapeCardMarkdown } from './escape-card-markdown.js';

export type CardTemplate = (data: object) => AdaptiveCard;

/** `name` says which card a refused binding is in: "cards/status.json". */
export function cardTemplate(json: object, name = 'a card template'): CardTemplate {
  return cardFrom(compileCardTemplate(json, name));
}

/** A card template from any expander of the template language: the tests give it the reference engine. */
export function cardFrom(expand: ExpandTemplate): CardTemplate {
  return (data) => {
    const expanded = expand(marked(data));
    const card = finished(expanded, false, null);
    if (!isAdaptiveCard(card)) throw new Error('Card template did not expand to an AdaptiveCard with a body');
    return card;
  };
}

const OPEN = '\ufdd0';
const CLOSE = '\ufdd1';
const MARKS = /[\ufdd0\ufdd1]/g;
const MARKED = /\ufdd0([^\ufdd0\ufdd1]*)\ufdd1/g;

/** The data with each string bracketed (noncharacters already in it are dropped: they show nothing). */
function marked(value: unknown): unknown {
  if (typeof value === 'string') return OPEN + withoutMarks(value) + CLOSE;
  if (Array.isArray(value)) return value.map(marked);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = marked(v);
    return out;
  }
  return value;
}

/** The text without the brackets (most strings, the templates' own, hold none: they are kept as they are). */
const withoutMarks = (text: string): string =>
  text.includes(OPEN) || text.includes(CLOSE) ? text.replace(MARKS, '') : text;

/** Whether a property is rendered as Markdown: TextBlock text, facts, toggle and choice titles, input errors. */
function rendersMarkdown(type: string | undefined, parentKey: string | null, key: string): boolean {
  if (type === 'TextBlock') return key === 'text';
  if (type === 'Input.Toggle' && key === 'title') return true;
  if (type?.startsWith('Input.')) return key === 'errorMessage';
  if (parentKey === 'facts') return key === 'title' || key === 'value';
  // A choice's value is what the card sends back, not what it shows.
  return parentKey === 'choices' && key === 'title';
}

/**
 * The expanded card with the brackets gone, escaping what they held where it renders as Markdown, and
 * without nulls (Adaptive Cards has none): one pass, as every card of every turn goes through it.
 */
function finished(value: unknown, markdown: boolean, parentKey: string | null): unknown {
  if (typeof value === 'string')
    return withoutMarks(
      markdown && value.includes(OPEN)
        ? value.replace(MARKED, (_m, text: string) => escapeCardMarkdown(text))
        : value,
    );
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const v of value) if (v !== null) out.push(finished(v, false, parentKey));
    return out;
  }
  if (typeof value === 'object' && value !== null) {
    const node = value as Record<string, unknown>;
    const type = typeof node.type === 'string' ? withoutMarks(node.type) : undefined;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node))
      if (v !== null) out[k] = finished(v, rendersMarkdown(type, parentKey, k), k);
    return out;
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
