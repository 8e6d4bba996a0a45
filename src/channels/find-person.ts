// Who is speaking: a platform identity (Teams AAD object id, email, Slack id, or a plan key in local
// mode) mapped to a person of a loaded partnership. Null for a stranger.
//
// Tenancy: a Slack or Teams request is matched only to people of partnerships bound to the workspace
// (Slack team) or tenant (Entra) it comes from: a partnership's `slackTeams` / `teamsTenants`. A
// partnership that names none is unbound: it accepts any workspace or tenant while it is the only
// partnership of the deployment (as a single-partnership install always has), and none once there are
// several, so that one partnership's people can never be found from another's workspace.
import type { Person } from '../domain/plan-schema.js';
import type { Db } from '../store/open-database.js';
import type { Partnership } from '../domain/partnership.js';
import { loadPartnership, personDirectory, type PersonIdentity } from '../store/partnership-store.js';

export interface Identity {
  teamsId?: string;
  email?: string;
  slackId?: string;
  /** Limit the search to this partnership (slug). */
  partnership?: string;
  /** The person's key in the plan (local mode only: the caller decides it can be trusted). */
  key?: string;
  /** Where a Slack or Teams request comes from; absent for local mode and the command line. */
  from?: Workspace;
}

export interface Workspace {
  platform: 'slack' | 'teams';
  /** The Slack team id or Entra tenant id, asked only when a binding or several partnerships make it matter. */
  id: () => Promise<string | null>;
}

export interface Found {
  partnership: Partnership;
  person: Person;
}

const normal = (value: string) => value.trim().toLowerCase();
const same = (a: string | undefined, b: string) => a !== undefined && normal(a) === normal(b);

/** The identifiers in the order they are trusted: a platform's own user id before an email address. */
const FIELDS: { field: 'teamsId' | 'slackId' | 'email' | 'key'; of: (p: Person) => string | undefined }[] = [
  { field: 'teamsId', of: (p) => p.teamsId },
  { field: 'slackId', of: (p) => p.slackId },
  { field: 'email', of: (p) => p.email },
  { field: 'key', of: (p) => p.id },
];

/** The person matching the identity, trying its fields strongest first; null for a stranger. */
export async function findPerson(db: Db, who: Identity): Promise<Found | null> {
  const directory = await personDirectory(db);
  const all = directory.heads;
  // Only the plans where someone matches are loaded: loading all of them was most of a turn's time.
  const matching = partnershipsMatching(directory.people, who);
  const heads = (who.partnership ? all.filter((h) => h.slug === who.partnership) : all).filter((h) =>
    matching.has(h.slug),
  );
  const loaded: Partnership[] = [];
  for (const head of heads) {
    const p = await loadPartnership(db, head.slug, head);
    if (p) loaded.push(p);
  }
  const partnerships = who.from ? await boundTo(loaded, all.length, who.from) : loaded;
  for (const { field, of } of FIELDS) {
    const wanted = who[field];
    if (wanted === undefined || wanted.trim() === '') continue;
    for (const partnership of partnerships) {
      const person = partnership.people.find((p) => same(of(p), wanted));
      if (person) return { partnership, person };
    }
  }
  return null;
}

/** The slugs of the partnerships with someone matching any of the identity's fields (as findPerson matches). */
function partnershipsMatching(people: PersonIdentity[], who: Identity): Set<string> {
  const index = indexOf(people);
  const out = new Set<string>();
  for (const { field } of FIELDS) {
    const value = who[field];
    if (value === undefined || value.trim() === '') continue;
    for (const slug of index[field].get(normal(value)) ?? []) out.add(slug);
  }
  return out;
}

type Field = (typeof FIELDS)[number]['field'];
type DirectoryIndex = Record<Field, Map<string, string[]>>;

/** The directory's slugs by each identifier, built once for each directory the store reads. */
const indexes = new WeakMap<PersonIdentity[], DirectoryIndex>();

function indexOf(people: PersonIdentity[]): DirectoryIndex {
  const kept = indexes.get(people);
  if (kept) return kept;
  const index: DirectoryIndex = { teamsId: new Map(), slackId: new Map(), email: new Map(), key: new Map() };
  for (const p of people) {
    const of = { teamsId: p.teamsId, slackId: p.slackId, email: p.email, key: p.key };
    for (const { field } of FIELDS) {
      const value = of[field];
      if (!value) continue;
      const slugs = index[field].get(normal(value)) ?? [];
      if (!slugs.includes(p.slug)) slugs.push(p.slug);
      index[field].set(normal(value), slugs);
    }
  }
  indexes.set(people, index);
  return index;
}

/** The bindings a partnership gives for a platform (none: unbound). */
function bindingsOf(p: Partnership, platform: Workspace['platform']): string[] {
  return (platform === 'slack' ? p.settings.slackTeams : p.settings.teamsTenants) ?? [];
}

/** The partnerships a request from this workspace or tenant may be matched to (see the top of the file). */
async function boundTo(
  partnerships: Partnership[],
  deployed: number,
  from: Workspace,
): Promise<Partnership[]> {
  const anyBound = partnerships.some((p) => bindingsOf(p, from.platform).length > 0);
  if (!anyBound && deployed === 1) return partnerships;
  const id = (await from.id())?.trim().toLowerCase() ?? null;
  return partnerships.filter((p) => {
    const bound = bindingsOf(p, from.platform);
    if (bound.length === 0) return deployed === 1;
    return id !== null && bound.some((b) => b.trim().toLowerCase() === id);
  });
}
