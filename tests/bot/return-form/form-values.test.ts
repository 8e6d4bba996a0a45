// Reading a submitted return card field by field: figures with separators, and texts that show nothing.
import { describe, expect, it } from 'vitest';
import { readForm } from '../../../src/bot/return-form/form-values.js';
import { MeasureSchema } from '../../../src/domain/measure.js';

const count = MeasureSchema.parse({ ref: '2.2', title: 'Reduce violence', theme: 'Violence', owner: 'dan' });
const rate = MeasureSchema.parse({ ref: '5.1', title: 'Rate', theme: 'T', owner: 'dan', unit: 'rate' });

const good = { 'figure.value': '489', narrative: 'Night-time economy.', correctiveAction: 'Patrols.' };

describe('figures as typed', () => {
  it.each([
    ['1,234', 1234],
    ['1 234', 1234],
    ['489', 489],
    ['1,234,567', 1234567],
  ])('reads "%s" in a count as %d', (typed, value) => {
    const read = readForm(count, { ...good, 'figure.value': typed });
    expect(read.errors).toEqual({});
    expect(read.figures).toEqual({ value });
  });

  it.each([
    ['25,5', '"25,5" could be 25.5 or 255'],
    ['1.000,00', '"1.000,00" could be 1000 or 1'],
    ['1 000,00', '"1 000,00" could be 1000 or 100000'],
  ])('sends "%s" back beside the figure with both readings, keeping nothing', (typed, message) => {
    const read = readForm(rate, { ...good, 'figure.value': typed });
    expect(read.errors['figure.value']).toContain(message);
    expect(read.figures).toEqual({});
  });

  it('reads "1,234.5" in a rate as 1234.5', () => {
    expect(readForm(rate, { ...good, 'figure.value': '1,234.5' }).figures).toEqual({ value: 1234.5 });
  });
});

describe('texts that show nothing', () => {
  const hidden = ['\u200b\u200b', '\u180e', '\ufeff\u200b\ufeff', '\u2060\ufe0f'];

  it.each(hidden.map((h) => [JSON.stringify(h), h]))('refuses a commentary of %s', (_shown, text) => {
    expect(readForm(count, { ...good, narrative: text }).errors.narrative).toMatch(
      /^The commentary has no visible text|^Add a short commentary/,
    );
  });

  it.each(hidden.map((h) => [JSON.stringify(h), h]))('refuses an action of %s', (_shown, text) => {
    expect(readForm(count, { ...good, correctiveAction: text }).errors.correctiveAction).toMatch(
      /^What is being done has no visible text/,
    );
  });

  it.each(hidden.map((h) => [JSON.stringify(h), h]))(
    'refuses a not-available reason of %s',
    (_shown, text) => {
      const read = readForm(count, { ...good, notAvailable: 'true', notAvailableReason: text });
      expect(read.errors.notAvailableReason).toMatch(/^The reason has no visible text|^Say why/);
    },
  );

  it('keeps an emoji with its variation selector in the commentary', () => {
    const read = readForm(count, { ...good, narrative: 'Down again \u2764\ufe0f' });
    expect(read.errors).toEqual({});
    expect(read.narrative).toBe('Down again \u2764\ufe0f');
  });
});
