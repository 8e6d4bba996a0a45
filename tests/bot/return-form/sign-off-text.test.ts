// Sign-off words end as one sentence: no double full stop after commentary or a comment that has its own.
import { describe, expect, it } from 'vitest';
import { sentence } from '../../../src/bot/return-form/sign-off-text.js';

describe('sentence', () => {
  it.each([
    ['Commentary: tested from the Playground.', 'Commentary: tested from the Playground.'],
    ['Commentary: tested from the Playground', 'Commentary: tested from the Playground.'],
    ['Figure: 489', 'Figure: 489.'],
    ['Is it right?', 'Is it right?'],
    ['Sent back: "Check March."', 'Sent back: "Check March."'],
    ['  spaced  ', 'spaced.'],
  ])('%j → %j', (text, expected) => {
    expect(sentence(text)).toBe(expected);
  });
});
