// Finding measures by words: "how is robbery doing" finds 2.3 "Reduce robbery" (the word is in its title)
// before 2.1 and 2.2 (the word is only in their theme, "Violent crime and robbery"); a typo ("robery",
// "burgalry") is read against the titles with Fuse.js when no measure has the words themselves.
import Fuse from 'fuse.js';
import type { Measure } from '../domain/measure.js';
import type { Theme } from '../domain/plan-schema.js';

const STOP = new Set([
  'the',
  'and',
  'for',
  'are',
  'our',
  'how',
  'with',
  'what',
  'about',
  'doing',
  'going',
  'measure',
  'measures',
  'getting',
  'worse',
  'better',
  'looking',
]);

const stem = (t: string) => t.replace(/(ies|es|s)$/, '');

/** The words that matter in a question: no small or common words. */
export const searchTerms = (words: string): string[] =>
  words
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 2 && !STOP.has(w));

/**
 * Measures matching every word asked: those with every word in their title first (only those, when there
 * are any), else those with every word in their title, theme or data source, else the titles nearest a
 * typo.
 */
export function searchMeasures(
  measures: readonly Measure[],
  themes: readonly Theme[],
  words: string,
): Measure[] {
  const terms = searchTerms(words).map(stem);
  if (terms.length === 0) return [];
  const themeName = (m: Measure) => themes.find((t) => t.id === m.theme)?.name ?? '';
  const inTitle = measures.filter((m) => terms.every((t) => m.title.toLowerCase().includes(t)));
  if (inTitle.length > 0) return inTitle;
  const anywhere = measures.filter((m) =>
    terms.every((t) =>
      `${m.ref} ${m.title} ${themeName(m)} ${m.theme} ${m.source}`.toLowerCase().includes(t),
    ),
  );
  if (anywhere.length > 0) return anywhere;
  return nearTitles(measures, words);
}

/**
 * The measures with a title word nearest a word asked (a typo: "robery", "burgalry"), best first. Words
 * are compared whole, and only close ones count: a word of another length, or a score over 0.25, is not
 * a typo of it.
 */
export function nearTitles(measures: readonly Measure[], words: string, limit = 3): Measure[] {
  const entries = measures.flatMap((m) =>
    m.title
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length > 3 && !STOP.has(w))
      .map((word) => ({ word, m })),
  );
  const fuse = new Fuse(entries, { keys: ['word'], includeScore: true, threshold: 0.25 });
  const scores = new Map<Measure, number>();
  for (const term of searchTerms(words).filter((t) => t.length > 3))
    for (const r of fuse.search(term))
      if (Math.abs(r.item.word.length - term.length) <= 2)
        scores.set(r.item.m, Math.min(scores.get(r.item.m) ?? 1, r.score ?? 1));
  return [...scores]
    .sort((a, b) => a[1] - b[1])
    .slice(0, limit)
    .map(([m]) => m);
}
