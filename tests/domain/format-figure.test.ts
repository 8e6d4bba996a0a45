// How figures read on the dashboard and in chat.
import { describe, expect, it } from 'vitest';
import {
  formatFigure,
  formatNumber,
  formatPct,
  formatSigned,
  suppressSmall,
} from '../../src/domain/format-figure.js';
import type { Unit } from '../../src/domain/measure.js';

describe('formatNumber', () => {
  it.each([
    [1628, '1,628'],
    [12043, '12,043'],
    [101, '101'],
    [0, '0'],
    [52.4344, '52.4'],
    [3356.25, '3,356.3'],
    [-1382, '-1,382'],
  ])('%f reads "%s"', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});

describe('formatSigned', () => {
  it.each([
    [560, '+560'],
    [-115, '−115'],
    [-1382, '−1,382'],
    [0, '±0'],
    [0.25, '+0.3'],
  ])('%f reads "%s", with a true minus sign', (value, text) => {
    expect(formatSigned(value)).toBe(text);
  });
});

describe('formatPct', () => {
  it.each([
    [52.4344, '+52.4%'],
    [82.7676, '+82.8%'],
    [-10.2942, '−10.3%'],
    [-1.44, '−1.4%'],
    [0, '±0%'],
  ])('%f reads "%s"', (value, text) => {
    expect(formatPct(value)).toBe(text);
  });
});

describe('formatFigure by unit', () => {
  it.each<[number | null, Unit, string]>([
    [1628, 'count', '1,628'],
    [12043, 'count', '12,043'],
    [94, 'percent', '94%'],
    [79.2208, 'percent', '79.2%'],
    [4.8, 'percent', '4.8%'],
    [3.456, 'rate', '3.5'],
    [1, 'rank', '1st'],
    [2, 'rank', '2nd'],
    [3, 'rank', '3rd'],
    [4, 'rank', '4th'],
    [5, 'rank', '5th'],
    [11, 'rank', '11th'],
    [12, 'rank', '12th'],
    [13, 'rank', '13th'],
    [15, 'rank', '15th'],
    [21, 'rank', '21st'],
    [22, 'rank', '22nd'],
    [23, 'rank', '23rd'],
    [101, 'rank', '101st'],
    [111, 'rank', '111th'],
    [4.6, 'rank', '5th'],
    [null, 'count', '–'],
    [null, 'percent', '–'],
    [null, 'rank', '–'],
  ])('%s as %s reads "%s"', (value, unit, text) => {
    expect(formatFigure(value, unit)).toBe(text);
  });
});

describe('suppressSmall', () => {
  it.each<[number | null, number, string | null]>([
    [3, 5, '<5'],
    [1, 5, '<5'],
    [4, 5, '<5'],
    [0, 5, null],
    [5, 5, null],
    [7, 5, null],
    [null, 5, null],
    [9, 10, '<10'],
  ])('%s with threshold %i shows as %s', (value, threshold, shown) => {
    expect(suppressSmall(value, threshold)).toBe(shown);
  });
});
