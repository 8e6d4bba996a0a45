// Who "Joanne", "Dr Ruth Okafor" or "joanne.lister@example.org" is among a partnership's people, for
// "delegate 2.2 to Joanne". A name that fits several people is refused with their names.
import type { Parsed } from '../period.js';
import type { Person } from '../plan-schema.js';

const TITLES = /^(mr|mrs|ms|miss|mx|dr|prof|cllr|insp|sgt|pc|supt|ch|chief|rev|sir|dame)$/;

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[.,]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !TITLES.test(w));

function matches(p: Person, said: string): boolean {
  const wanted = said.trim().toLowerCase();
  if (p.id === wanted || p.email?.toLowerCase() === wanted) return true;
  const name = words(p.name);
  const asked = words(said);
  return asked.length > 0 && asked.every((w) => name.includes(w));
}

export function findPersonNamed(people: Person[], said: string): Parsed<Person> {
  const found = people.filter((p) => matches(p, said));
  const only = found[0];
  if (found.length === 1 && only) return { ok: true, value: only };
  if (found.length > 1)
    return {
      ok: false,
      error: `"${said}" could be ${found.map((p) => p.name).join(' or ')}: say the full name.`,
    };
  const names = people.map((p) => p.name).join(', ');
  return { ok: false, error: `There is nobody called "${said}" in the plan. The people are: ${names}.` };
}
