// Reading a card as a Markdown host would: every property that Adaptive Cards renders as Markdown, run
// through a strict CommonMark parser, and what formatting (links, emphasis, lists, headings, HTML...)
// it would show. Our cards format with the templates' own properties (weight, colour), never with
// Markdown, so a card whose text produces anything but paragraphs and line breaks lets typed text format.
import MarkdownIt from 'markdown-it';

const commonMark = new MarkdownIt('commonmark');

/** The Markdown-rendered strings of a card: TextBlock text, facts, toggle titles, input error messages. */
export function markdownTexts(card: unknown): string[] {
  const out: string[] = [];
  const walk = (value: unknown, parentKey: string | null): void => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v, parentKey);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const node = value as Record<string, unknown>;
    const take = (key: string) => {
      if (typeof node[key] === 'string') out.push(node[key]);
    };
    if (node.type === 'TextBlock') take('text');
    if (node.type === 'Input.Toggle') take('title');
    if (typeof node.type === 'string' && node.type.startsWith('Input.')) take('errorMessage');
    if (parentKey === 'facts') {
      take('title');
      take('value');
    }
    for (const [k, v] of Object.entries(node)) walk(v, k);
  };
  walk(card, null);
  return out;
}

/** The HTML tags a text renders to, other than paragraphs and line breaks. */
export function markupOf(text: string): string[] {
  const html = commonMark.render(text);
  return [...html.matchAll(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi)]
    .map((m) => m[0])
    .filter((tag) => !/^<\/?(p|br)\b/i.test(tag));
}

/** Every piece of formatting a card's texts would show, with the text it came from. */
export function liveMarkup(card: unknown): { text: string; markup: string[] }[] {
  return markdownTexts(card)
    .map((text) => ({ text, markup: markupOf(text) }))
    .filter((t) => t.markup.length > 0);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** What a reader sees of a text: rendered, tags dropped, entities decoded, spaces collapsed. */
export function shownText(text: string): string {
  return commonMark
    .render(text)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_m, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}
