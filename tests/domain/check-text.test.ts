// What a typed commentary, action, reason or comment may hold: visible text, no hidden controls.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText, isBlank } from '../../src/domain/check-text.js';

/** Characters that show nothing: format (Cf) characters, variation selectors, fillers, odd spaces. */
const INVISIBLE = [
  '\u200b', // zero-width space
  '\u180e', // Mongolian vowel separator
  '\ufeff', // byte-order mark / zero-width no-break space
  '\u200c', // zero-width non-joiner
  '\u200d', // zero-width joiner
  '\u2060', // word joiner
  '\u2061', // function application (invisible maths operator)
  '\u00ad', // soft hyphen
  '\u034f', // combining grapheme joiner
  '\u061c', // Arabic letter mark
  '\u115f', // Hangul choseong filler
  '\u3164', // Hangul filler
  '\uffa0', // half-width Hangul filler
  '\u2800', // Braille pattern blank
  '\ufe0f', // variation selector 16
  '\u{e0100}', // variation selector 17
  '\u{e0041}', // tag Latin capital A
  '\u{1d173}', // musical symbol begin beam
  '\u00a0', // no-break space
  '\u3000', // ideographic space
  '\u2028', // line separator
];

describe('isBlank', () => {
  it.each(INVISIBLE.map((c) => [c.codePointAt(0)?.toString(16), c]))(
    'U+%s on its own is blank',
    (_code, c) => {
      expect(isBlank(c)).toBe(true);
      expect(isBlank(` ${c}${c} \n`)).toBe(true);
    },
  );

  it.each([
    ['a letter', 'a'],
    ['a digit', '0'],
    ['a full stop', '.'],
    ['an emoji with a variation selector', '\u2764\ufe0f'],
    ['an emoji family joined with zero-width joiners', '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}'],
    ['Arabic', '\u0645\u0631\u062d\u0628\u0627'],
    ['a Hangul syllable', '\ud55c'],
  ])('%s is not blank', (_what, text) => {
    expect(isBlank(text)).toBe(false);
  });

  it('a string of only invisible characters and spaces is always blank', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...INVISIBLE, ' ', '\t', '\n')), (chars) => {
        expect(isBlank(chars.join(''))).toBe(true);
      }),
    );
  });

  it('any string with a visible letter or digit is not blank', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...INVISIBLE, ' ')),
        fc.constantFrom('a', 'Z', '7', 'é', '\u4e2d'),
        fc.array(fc.constantFrom(...INVISIBLE, ' ')),
        (before, visible, after) => {
          expect(isBlank(before.join('') + visible + after.join(''))).toBe(false);
        },
      ),
    );
  });
});

describe('checkText', () => {
  it.each([
    ['zero-width spaces only', '\u200b\u200b\u200b'],
    ['a Mongolian vowel separator only', '\u180e'],
    ['byte-order marks between spaces', ' \ufeff \ufeff '],
    ['variation selectors and joiners only', '\ufe0f\u200d\ufe0e'],
    ['a Hangul filler only', '\u3164'],
  ])('refuses %s, saying there is nothing to read', (_what, text) => {
    expect(checkText('The commentary', text, 2000)).toMatch(
      /^The commentary has no visible text, only hidden characters: type it again as plain text$/,
    );
  });

  it('a string of only format (Cf) or invisible characters is always refused', () => {
    const invisible = fc.oneof(
      fc.constantFrom(...INVISIBLE),
      fc
        .integer({ min: 0, max: 0x10ffff })
        .map((n) => String.fromCodePoint(n))
        .filter((c) => /^\p{Cf}$/u.test(c)),
    );
    fc.assert(
      fc.property(fc.array(invisible, { minLength: 1 }), (chars) => {
        expect(checkText('The reason', chars.join(''), 500)).not.toBeNull();
      }),
    );
  });

  it.each([
    ['a NUL', 'Fine\u0000 really', /hidden control or direction characters/],
    ['a right-to-left override', 'Up \u202e54', /hidden control or direction characters/],
    ['a lone surrogate', 'Half \ud800 a character', /hidden control or direction characters/],
    ['too many characters', 'x'.repeat(2001), /is 2001 characters: shorten it to 2000 or fewer/],
  ])('refuses %s', (_what, text, message) => {
    expect(checkText('The commentary', text, 2000)).toMatch(message);
  });

  it.each([
    ['plain text', 'Night-time economy: 12 more than Q3.'],
    ['nothing (whether it is required is for the form to say)', ''],
    ['a soft hyphen inside a word', 'anti\u00adsocial behaviour'],
    ['an emoji with its variation selector', 'Good news \u2764\ufe0f'],
    ['a zero-width space between words', 'Stockton\u200bon\u200bTees'],
    ['Welsh, Arabic and Chinese', 'Diolch \u0634\u0643\u0631\u0627 \u8c22\u8c22'],
    ['tabs and line breaks', 'Line one\n\tLine two\r\nLine three'],
  ])('accepts %s', (_what, text) => {
    expect(checkText('The commentary', text, 2000)).toBeNull();
  });
});
