// Escaping text for Adaptive Card Markdown: whatever is typed renders as typed, with no formatting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeAll, escapeCardMarkdown } from '../../../src/render/adaptive-card/escape-card-markdown.js';
import { markupOf, shownText } from '../card-markdown.js';

/** Characters Markdown gives meaning to, with letters, digits and line breaks between them. */
const MARKDOWNISH = fc
  .array(
    fc.constantFrom(
      ...'[]()!*_`~#>-+=|<&\\.:/ \t\n1a'.split(''),
      'https://evil.example',
      '&amp;',
      '&#91;',
      '    ',
      '1. ',
      '- ',
      '# ',
      '```',
      '***',
      '---',
      '<b>',
      '<https://x.example>',
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

const collapsed = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('escapeCardMarkdown', () => {
  it("leaves a link's query string as it was", () => {
    const link =
      'https://bot.example/reports/stockton/2015-16-Q4.docx?by=priya-sandhu&expires=1462190400&sig=AbC-9';
    expect(escapeCardMarkdown(link)).toBe(link);
  });

  it('leaves a web address the bot made exactly as it was, "_" between letters and all', () => {
    const link =
      'https://perf.example/reports/stockton/2015-16-Q4.xlsx?by=dan_mercer&expires=1462185000&sig=9f86d081884c7d65';
    expect(escapeCardMarkdown(`• Excel workbook: ${link}`)).toBe(`• Excel workbook: ${link}`);
  });

  it('escapes what Markdown would read in an address: it is not a link of ours', () => {
    expect(escapeCardMarkdown('https://evil.example/_x_ [y](z)')).toBe(
      'https://evil.example/\\_x\\_ \\[y\\](z)',
    );
  });

  it('leaves ordinary prose exactly as it was', () => {
    const prose =
      "2.2 rose 12% (from 439 to 489): see Q3's note; up 11.4% — isn't it? Yes! #3 on the list, -5 on Q2.";
    expect(escapeCardMarkdown(prose)).toBe(prose);
  });

  it.each([
    [
      'a link',
      '[Reset your password](https://evil.example/login)',
      '\\[Reset your password\\](https://evil.example/login)',
    ],
    ['bold', '**now**', '\\*\\*now\\*\\*'],
    ['a heading', '# Big', '\\# Big'],
    ['a bullet', '- one', '\\- one'],
    ['a numbered item', '1. first', '1\\. first'],
    ['HTML', '<b>x</b>', '\\<b\\>x\\</b\\>'],
    ['an entity', '&amp;', '\\&amp;'],
    ['indentation', '    code', 'code'],
    ['a numeric entity', 'x &#91;y&#x5D;', 'x \\&#91;y\\&#x5D;'],
  ])('escapes %s', (_what, text, escaped) => {
    expect(escapeCardMarkdown(text)).toBe(escaped);
  });

  it('any text, escaped, renders with no formatting at all', () => {
    fc.assert(
      fc.property(MARKDOWNISH, (text) => {
        expect(markupOf(escapeCardMarkdown(text))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves a text with nothing to escape as it is, as every escape run on it would', () => {
    const texts = fc.oneof(MARKDOWNISH, fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string());
    fc.assert(
      fc.property(texts, (text) => {
        expect(escapeCardMarkdown(text)).toBe(escapeAll(text));
      }),
      { numRuns: 2000 },
    );
    for (const plain of ['Reduce anti-social behaviour', 'Q3 2015/16: 1,628 (target 1,500)', 'Sam Lee'])
      expect(escapeCardMarkdown(plain)).toBe(plain);
  });

  it('any text, escaped, reads as typed', () => {
    fc.assert(
      fc.property(MARKDOWNISH, (text) => {
        expect(shownText(escapeCardMarkdown(text))).toBe(collapsed(text));
      }),
      { numRuns: 500 },
    );
  });
});
