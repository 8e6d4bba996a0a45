// Reading a typed figure: thousands separators, decimal points, and decimal commas that are never guessed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readNumber } from '../../src/domain/read-number.js';

const valueOf = (text: string) => {
  const read = readNumber(text);
  return read.ok ? read.value : read.error;
};

describe('readNumber accepts the unambiguous forms', () => {
  it.each([
    ['489', 489],
    ['0', 0],
    ['007', 7],
    ['12.5', 12.5],
    ['1.234', 1.234],
    ['1,234', 1234],
    ['1,068', 1068],
    ['13,425', 13425],
    ['1,234.5', 1234.5],
    ['1,234,567.89', 1234567.89],
    ['1 000', 1000],
    ['1 000 000', 1000000],
    ['1 234.5', 1234.5],
    ['1\u00a0234', 1234],
    ['1\u202f234', 1234],
    ['1\u2009234', 1234],
    ['94%', 94],
    ['94 %', 94],
    ['71.1%', 71.1],
    ['-5', -5],
    ['-1,382', -1382],
    ['  336  ', 336],
    ['1,000,000,000', 1_000_000_000],
  ])('"%s" is %d', (text, value) => {
    expect(valueOf(text)).toBe(value);
  });
});

describe('readNumber refuses decimal commas and misplaced separators, showing what they could mean', () => {
  it.each([
    ['25,5', '"25,5" could be 25.5 or 255: write 25.5, or 255 without a comma'],
    ['1.000,00', '"1.000,00" could be 1000 or 1: write 1000, or 1 without a comma'],
    ['1 000,00', '"1 000,00" could be 1000 or 100000: write 1000, or 100000 without a comma'],
    ['0,5', '"0,5" could be 0.5 or 5: write 0.5, or 5 without a comma'],
    ['0,123', '"0,123" could be 0.123 or 123: write 0.123, or 123 without a comma'],
    ['1234,567', '"1234,567" could be 1234.567 or 1234567: write 1234.567, or 1234567 without a comma'],
    ['12,5%', '"12,5" could be 12.5 or 125: write 12.5, or 125 without a comma'],
    ['1,2345', '"1,2345" could be 1.2345 or 12345: write 1.2345, or 12345 without a comma'],
  ])('"%s"', (text, message) => {
    expect(valueOf(text)).toMatch(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(valueOf(text)).toMatch(/a point marks decimals/);
  });

  it.each([
    ['1.234.567', '"1.234.567" looks like 1234567 written the European way: write 1234567'],
    ['1.234.567,89', '"1.234.567,89" looks like 1234567.89 written the European way: write 1234567.89'],
    ['0,00', '"0,00" looks like 0 written the European way: write 0'],
  ])('"%s" (one reading, written the European way)', (text, message) => {
    expect(valueOf(text)).toContain(message);
  });

  it.each([
    ['12 5', '"12 5" has commas or spaces in the wrong places'],
    ['1,23,456', '"1,23,456" has commas or spaces in the wrong places'],
    ['1,000 000', '"1,000 000" has commas or spaces in the wrong places'],
    ['25,', '"25," has commas or spaces in the wrong places'],
  ])('"%s" (separators out of place)', (text, message) => {
    expect(valueOf(text)).toContain(message);
    expect(valueOf(text)).toMatch(/groups of three/);
  });

  it.each([
    ['abc'],
    ['1e9'],
    ['0x1F'],
    ['NaN'],
    ['Infinity'],
    ['\uff11\uff12\uff13'],
    ['\u0664\u0668\u0669'],
    ['12.'],
    ['.5'],
    ['1..2'],
    ['--5'],
    ['+5'],
    [''],
    ['%'],
  ])('"%s" is not a number', (text) => {
    expect(valueOf(text)).toBe(`"${text}" is not a number: enter digits only, e.g. 336`);
  });
});

describe('readNumber, for any figure', () => {
  const figure = fc.integer({ min: 0, max: 1_000_000_000 });
  const cents = fc.integer({ min: 0, max: 100_000_000_000 }).map((n) => n / 100);

  it('reads back any whole number written with thousands commas', () => {
    fc.assert(
      fc.property(figure, (n) => {
        expect(valueOf(n.toLocaleString('en-GB'))).toBe(n);
      }),
    );
  });

  it('reads back any whole number written with spaces between thousands', () => {
    fc.assert(
      fc.property(figure, (n) => {
        expect(valueOf(n.toLocaleString('en-GB').replace(/,/g, ' '))).toBe(n);
      }),
    );
  });

  it('reads back any number to two places written with thousands commas and a decimal point', () => {
    fc.assert(
      fc.property(cents, (n) => {
        expect(valueOf(n.toLocaleString('en-GB', { minimumFractionDigits: 2 }))).toBe(n);
      }),
    );
  });

  it('reads back any number written as plain digits', () => {
    fc.assert(
      fc.property(cents, (n) => {
        expect(valueOf(String(n))).toBe(n);
      }),
    );
  });

  it('never reads a decimal comma silently: both readings are shown', () => {
    const notThree = fc.stringMatching(/^(\d{1,2}|\d{4,6})$/);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), notThree, (whole, decimals) => {
        const read = readNumber(`${whole},${decimals}`);
        expect(read.ok).toBe(false);
        expect(valueOf(`${whole},${decimals}`)).toContain(
          `could be ${Number(`${whole}.${decimals}`)} or ${Number(`${whole}${decimals}`)}`,
        );
      }),
    );
  });

  it('never reads a number written the German or French way as another number', () => {
    fc.assert(
      fc.property(cents, fc.constantFrom('de-DE', 'fr-FR', 'es-ES', 'it-IT'), (n, locale) => {
        const text = n.toLocaleString(locale, { minimumFractionDigits: 2, useGrouping: true });
        const read = readNumber(text);
        expect(read.ok).toBe(false);
        expect(valueOf(text)).toContain(String(n));
      }),
    );
  });
});
