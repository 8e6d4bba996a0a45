// Words typed with a slip ("statsu of 2.2", "shwo me the dashbaord"): each word of four letters or more
// that the bot does not know is put right when one known word is nearest, within one edit (two for words
// of seven letters or more), counting a swap of neighbours as one. Measure refs, numbers and periods are left as typed.
import { PHRASES } from './phrasings.js';

/** The words of every phrasing the bot knows, and the verbs of its commands. */
const VOCABULARY = new Set([
  ...Object.values(PHRASES)
    .flat()
    .flatMap((p) => p.split(/\s+/)),
  ...['status', 'submit', 'history', 'remind', 'approve', 'delegate', 'revoke', 'override', 'agency'],
  // What rephrase() takes off the front of a question ("show me …", "tell me …").
  ...['show', 'tell', 'give', 'what', 'which', 'please'],
]);

/** Optimal string alignment distance (Levenshtein with adjacent swaps), stopping once over `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = d[i] as number[];
    const up = d[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

function corrected(word: string): string {
  if (word.length < 4 || !/^[a-z]+$/.test(word) || VOCABULARY.has(word)) return word;
  const max = word.length >= 7 ? 2 : 1;
  let best: string[] = [];
  let bestDistance = max + 1;
  for (const v of VOCABULARY) {
    if (v.length < 3) continue;
    const d = distance(word, v, max);
    if (d < bestDistance) [best, bestDistance] = [[v], d];
    else if (d === bestDistance) best.push(v);
  }
  // Two known words as near as each other: which was meant is a guess, so the word stays as typed.
  return best.length === 1 ? (best[0] as string) : word;
}

/** The text with slipped words put right; the same text when nothing was. */
export function spellFixed(text: string): string {
  return text
    .split(' ')
    .map((w) => corrected(w))
    .join(' ');
}
