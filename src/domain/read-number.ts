// Reading a typed figure. A point marks decimals; commas, or spaces, may only separate groups of three
// digits ("1,234.5", "1 234"). A comma anywhere else is a decimal comma or a slip ("25,5", "1.000,00",
// "1 000,00"): it is never guessed at, and the answer shows what the text could mean.
import type { Parsed } from './period.js';

/** Spaces written between thousands: ordinary, no-break, thin and narrow no-break. */
const SPACE = '[ \\u00a0\\u2009\\u202f]';

/** 1234, 1,234 or 1 234 (groups of three after a first group that does not start with 0), then decimals. */
const WRITTEN = new RegExp(
  `^-?(?:\\d+|[1-9]\\d{0,2}(?:,\\d{3})+|[1-9]\\d{0,2}(?:${SPACE}\\d{3})+)(?:\\.\\d+)?$`,
);

/** The European way: 1.234, 1 234 or 1234 for the whole part, a comma before the decimals. */
const EUROPEAN = new RegExp(
  `^-?(?:\\d+|[1-9]\\d{0,2}(?:\\.\\d{3})+|[1-9]\\d{0,2}(?:${SPACE}\\d{3})+)(?:,\\d+)?$`,
);

const PLAIN = /^-?\d+(?:\.\d+)?$/;

const RULE =
  '(a point marks decimals; commas or spaces go only between groups of three digits, e.g. 1,234.5)';

const digitsOnly = (text: string) => `"${text}" is not a number: enter digits only, e.g. 336`;

/** The number the text is, or what is wrong with it. A trailing % is allowed (percentages). */
export function readNumber(typed: string): Parsed<number> {
  const text = typed.trim().replace(/\s*%$/, '');
  if (WRITTEN.test(text)) return { ok: true, value: Number(text.replace(/[^\d.-]/g, '')) };
  // The European reading, and the reading with every comma and space dropped (as they once were).
  const european = EUROPEAN.test(text) ? Number(text.replace(/[^\d,-]/g, '').replace(',', '.')) : null;
  const dropped = text.replace(new RegExp(`[,${SPACE.slice(1, -1)}]`, 'g'), '');
  const unseparated = PLAIN.test(dropped) ? Number(dropped) : null;
  if (european !== null && unseparated !== null && european !== unseparated)
    return {
      ok: false,
      error: `"${text}" could be ${european} or ${unseparated}: write ${european}, or ${unseparated} without a comma ${RULE}`,
    };
  if (european !== null)
    return {
      ok: false,
      error: `"${text}" looks like ${european} written the European way: write ${european} ${RULE}`,
    };
  if (unseparated !== null)
    return {
      ok: false,
      error: `"${text}" has commas or spaces in the wrong places: write ${unseparated} if that is the number ${RULE}`,
    };
  return { ok: false, error: digitsOnly(typed.trim()) };
}
