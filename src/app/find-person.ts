// Who is speaking: a platform identity (Teams AAD object id, email, Slack id, or a plan key in local
// mode) mapped to a person of a loaded partnership. Null for a stranger.
import type { Person } from '../domain/plan-schema.js';
import type { Db } from '../store/open-database.js';
import { listPartnerships, loadPartnership, type Partnership } from '../store/plan-store.js';

export interface Identity {
  teamsId?: string;
  email?: string;
  slackId?: string;
  /** Limit the search to this partnership (slug). */
  partnership?: string;
  /** The person's key in the plan (local mode only: the caller decides it can be trusted). */
  key?: string;
}

export interface Found {
  partnership: Partnership;
  person: Person;
}

const same = (a: string | undefined, b: string) =>
  a !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The identifiers in the order they are trusted: a platform's own user id before an email address. */
const FIELDS: { field: 'teamsId' | 'slackId' | 'email' | 'key'; of: (p: Person) => string | undefined }[] = [
  { field: 'teamsId', of: (p) => p.teamsId },
  { field: 'slackId', of: (p) => p.slackId },
  { field: 'email', of: (p) => p.email },
  { field: 'key', of: (p) => p.id },
];

/** The person matching the identity, trying its fields strongest first; null for a stranger. */
export async function findPerson(db: Db, who: Identity): Promise<Found | null> {
  const slugs = who.partnership ? [who.partnership] : (await listPartnerships(db)).map((p) => p.slug);
  const partnerships: Partnership[] = [];
  for (const slug of slugs) {
    const p = await loadPartnership(db, slug);
    if (p) partnerships.push(p);
  }
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
