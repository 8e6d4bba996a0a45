// The ways people ask. `rephrase` turns what a chair or coordinator types into the bot's own words
// (contractions, politeness, "the third quarter of 2015/16", "this quarter", "compared with last year");
// `PHRASES` lists, for each question without a measure, the phrasings known to mean it; and `closest`
// reads a typo or a near miss against them with Fuse.js (a maintained fuzzy matcher: Bitap scoring
// with a threshold, no model to train or ship; see docs/architecture.md).
import Fuse from 'fuse.js';

const ORDINAL: Record<string, string> = {
  first: '1',
  '1st': '1',
  one: '1',
  second: '2',
  '2nd': '2',
  two: '2',
  third: '3',
  '3rd': '3',
  three: '3',
  fourth: '4',
  '4th': '4',
  four: '4',
};

const RULES: [RegExp, string | ((...m: string[]) => string)][] = [
  [/[’‘`]/g, "'"],
  [/\bwhat'?s\b/g, 'what is'],
  [/\bhow'?s\b/g, 'how is'],
  [/\bwho'?s\b/g, 'who is'],
  [/\bwhere'?s\b/g, 'where is'],
  [/\b(has|have|is|are|do|does|did)n't\b/g, '$1 not'],
  [/\bwe're\b/g, 'we are'],
  [/\b(?:the )?(first|second|third|fourth|1st|2nd|3rd|4th) quarter(?: of)?\b/g, (_m, o) => `q${ORDINAL[o]}`],
  [/\bquarter (one|two|three|four|[1-4])\b/g, (_m, o) => `q${ORDINAL[o] ?? o}`],
  // "Now" is what the bot shows anyway: the calendar's current period.
  [/\b(?:for |in )?(?:this quarter|this year|right now|at the moment|currently|so far|to date|now)\b/g, ''],
  // Every status compares with last year already.
  [/\b(?:compared (?:to|with)|against|vs\.?|versus|than) (?:the same (?:time|period) )?last year\b/g, ''],
  [/^(?:hey |hi )?(?:bot )?(?:please |pls )?/, ''],
  [
    /^(?:can|could|would|will) you (?:please )?(?:show|tell|give|get|send)(?: me| us)? |^(?:show|tell|give|get|send) (?:me|us) |^(?:let me see|i want to see|i'd like to see|i would like to see|i want|i'd like|i would like|bring up|pull up|display|open|view|see) /,
    '',
  ],
  [/ (?:please|pls|thanks|thank you|for me|yet|already)$/, ''],
  [/^(?:the|a|an|our) /, ''],
  [/\s+/g, ' '],
];

/** Periods said relative to today, and what they are today: "last quarter" → "2015/16 Q4". */
export interface RelativePeriods {
  lastQuarter: string;
  lastYear: string;
}

/** What was typed, in the bot's words: lower case, no contractions or pleasantries, periods as "q3". */
export function rephrase(text: string, relative?: RelativePeriods): string {
  let out = text;
  if (relative) {
    out = out
      .replace(/\b(?:last|previous) quarter\b/g, relative.lastQuarter.toLowerCase())
      .replace(
        /(?<!(?:compared (?:to|with)|against|vs\.?|versus|than|same (?:time|period)) )\b(?:last|previous) year\b/g,
        relative.lastYear,
      );
  }
  for (const [from, to] of RULES) out = out.replace(from, to as string);
  return out.trim();
}

export type PhraseKind =
  'exceptions' | 'overdue' | 'overdueByAgency' | 'myReturns' | 'summary' | 'dashboard' | 'help' | 'greeting';

/** Phrasings known to mean each question that names no measure: exact matches, and what typos are read against. */
export const PHRASES: Record<PhraseKind, string[]> = {
  exceptions: [
    'exceptions',
    'exception report',
    'red and amber',
    'red',
    'reds',
    'ambers',
    'which measures are red',
    'which measures are amber',
    'which are red',
    'what is red',
    'what is off track',
    'what is not on target',
    'which measures are off track',
    'what is failing',
    'what needs attention',
    'where are we behind',
    'problems',
  ],
  overdue: [
    'overdue',
    'late',
    'missing',
    'who is missing',
    'who is late',
    'missing returns',
    'outstanding',
    'what is overdue',
    'what is late',
    'late returns',
    'overdue returns',
    'who has not submitted',
    'who has not sent their return',
    'who do i chase',
    'chase list',
  ],
  overdueByAgency: [
    'overdue by agency',
    'completeness by agency',
    'returns by agency',
    'who is late by agency',
    'late by agency',
    'missing by agency',
    'missing returns by agency',
    'overdue returns by agency',
    'outstanding by agency',
    'by agency',
    'agencies',
    'completeness',
    'which agencies are late',
    'which agencies are behind',
    'which agencies have not submitted',
    'how complete are the returns',
  ],
  myReturns: [
    'my returns',
    'my measures',
    'what do i owe',
    'what is due',
    'due',
    'my tasks',
    'what do i need to submit',
    'what do i need to do',
    'my to do list',
    'what am i due',
  ],
  summary: [
    'summary',
    'weekly summary',
    'quarterly summary',
    'how are we doing',
    'how are we doing overall',
    'how is the partnership doing',
    'how is everything going',
    'overall picture',
    'overview',
    'where are we',
    'headlines',
  ],
  dashboard: ['dashboard', 'the dashboard', 'board dashboard', 'board paper', 'board report', 'board pack'],
  help: ['help', 'what can you do', 'commands', 'how does this work', 'what can i ask', 'how do i use this'],
  greeting: ['hi', 'hello', 'hey', 'morning', 'good morning', 'good afternoon'],
};

interface Entry {
  phrase: string;
  kind: PhraseKind;
}

const ENTRIES: Entry[] = Object.entries(PHRASES).flatMap(([kind, phrases]) =>
  phrases.map((phrase) => ({ phrase, kind: kind as PhraseKind })),
);
const EXACT = new Map(ENTRIES.map((e) => [e.phrase, e.kind]));
const FUSE = new Fuse(ENTRIES, {
  keys: ['phrase'],
  includeScore: true,
  threshold: 0.45,
  ignoreLocation: true,
});

/** A phrasing the bot knows word for word. */
export const knownPhrase = (text: string): PhraseKind | null => EXACT.get(text) ?? null;

/** Below this Fuse score a near miss is read as meant ("exeptions", "dashbaord"); up to MAYBE it is offered. */
export const SURE = 0.3;
export const MAYBE = 0.45;

/**
 * The known phrasings nearest to `text`, best first, with Fuse's score (0 is exact). Fuse finds a pattern
 * anywhere in a phrase, so a phrase much longer or shorter than the text ("how" in "how are we doing") is
 * not near it, whatever its score.
 */
export function closest(text: string, limit = 3): (Entry & { score: number })[] {
  if (text.length < 4) return [];
  const near = (phrase: string) => Math.abs(phrase.length - text.length) <= Math.max(2, phrase.length / 4);
  return FUSE.search(text)
    .filter((r) => near(r.item.phrase))
    .slice(0, limit)
    .map((r) => ({ ...r.item, score: r.score ?? 1 }));
}
