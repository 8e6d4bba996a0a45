// Loads partnerships back as domain types, keeping each loaded plan while its version is unchanged; lists
// the partnerships and every person's identifiers.
import { MeasureSchema } from '../domain/measure.js';
import type { Partnership } from '../domain/partnership.js';
import {
  CHANNEL_NAMES,
  PartnershipSettingsSchema,
  type PartnershipSettings,
  type Person,
} from '../domain/plan-schema.js';
import { prismaOf, type Db } from './db.js';
import { Prisma, rawRows } from './raw-rows.js';

export async function listPartnerships(db: Db): Promise<{ slug: string; name: string }[]> {
  return prismaOf(db).partnership.findMany({ select: { slug: true, name: true }, orderBy: { id: 'asc' } });
}

/** How a person is recognised, with their partnership's slug. */
export interface PersonIdentity {
  slug: string;
  key: string;
  email: string | null;
  slackId: string | null;
  teamsId: string | null;
}

/** A partnership as a turn first sees it: enough to know whether a plan loaded before is still current. */
export interface PartnershipHead {
  id: number;
  slug: string;
  planVersion: number;
}

/** The partnerships (as listPartnerships orders them) and every person's identifiers. */
export interface PersonDirectory {
  heads: PartnershipHead[];
  people: PersonIdentity[];
}

/** The partnerships and people's identifiers a server read, by client, with the stamp they were read at. */
const directories = new WeakMap<object, { stamp: string } & PersonDirectory>();

/**
 * What changes when a partnership is added or removed, or any plan is imported: every import raises its
 * partnership's `planVersion` (in its transaction), and ids are never reused.
 */
const directoryStamp = async (db: Db): Promise<string> => {
  const [row] = await rawRows<{ n: unknown; top: unknown; versions: unknown }>(
    db,
    Prisma.sql`SELECT COUNT(*) AS "n", MAX("id") AS "top", SUM("planVersion") AS "versions" FROM "Partnership"`,
  );
  return `${String(row?.n)}:${String(row?.top)}:${String(row?.versions)}`;
};

/**
 * Finding who speaks without loading every plan. People change only with a plan, so one small query per
 * turn reads the partnerships' stamp, and the partnerships and people are read again only when a plan
 * changed, here or in another process. The arrays are the same objects while nothing changed (callers
 * may index them; they are frozen).
 */
export async function personDirectory(db: Db): Promise<PersonDirectory> {
  const stamp = await directoryStamp(db);
  const kept = directories.get(db);
  if (kept?.stamp === stamp) return kept;
  const heads = await rawRows<PartnershipHead>(
    db,
    Prisma.sql`SELECT "id", "slug", "planVersion" FROM "Partnership" ORDER BY "id"`,
  );
  const rows = await prismaOf(db).person.findMany({
    select: { partnershipId: true, key: true, email: true, slackId: true, teamsId: true },
  });
  const slugOf = new Map(heads.map((p) => [p.id, p.slug]));
  const people = rows.map(({ partnershipId, ...r }) => ({ slug: slugOf.get(partnershipId) ?? '', ...r }));
  const directory = { stamp, heads: deepFreeze(heads), people: deepFreeze(people) };
  directories.set(db, directory);
  return directory;
}

/** The plans a server has loaded, by client and partnership id, with the plan version they were loaded at. */
const loaded = new WeakMap<object, Map<number, { version: number; partnership: Partnership }>>();

/** The stored order of preference ("email,teams"), keeping only channels this version knows. */
const preferOf = (stored: string): Person['prefer'] =>
  stored
    .split(',')
    .filter((c): c is NonNullable<Person['prefer']>[number] =>
      (CHANNEL_NAMES as readonly string[]).includes(c),
    );

/**
 * Loads a partnership by slug; with no slug, the only one (null when there are none or several). Every
 * chat turn needs its partnership's plan, which changes only when a plan is imported: a plan loaded
 * before is used again while the partnership's `planVersion` (raised by every import, in its
 * transaction) is unchanged, so one small query replaces four (none when the caller gives the head it
 * read this turn), and an import made by another process or instance is seen on the next turn. The plan
 * is frozen: callers share it.
 */
export async function loadPartnership(
  db: Db,
  slug?: string,
  known?: PartnershipHead,
): Promise<Partnership | null> {
  const head = known && known.slug === slug ? known : await headOf(db, slug);
  if (!head) return null;
  const kept = loaded.get(db) ?? new Map<number, { version: number; partnership: Partnership }>();
  loaded.set(db, kept);
  const hit = kept.get(head.id);
  if (hit?.version === head.planVersion) return hit.partnership;
  const row = await prismaOf(db).partnership.findUnique({
    where: { id: head.id },
    include: {
      people: { orderBy: { id: 'asc' } },
      themes: { orderBy: { position: 'asc' } },
      measures: { orderBy: { position: 'asc' } },
    },
  });
  if (!row) return null;
  const measures = row.measures.map((m) => MeasureSchema.parse(JSON.parse(m.definition)));
  const partnership: Partnership = deepFreeze({
    id: row.id,
    settings: settingsFromText(row.settings),
    people: row.people.map((p) => ({
      id: p.key,
      name: p.name,
      role: p.role as Person['role'],
      ...(p.email ? { email: p.email } : {}),
      ...(p.slackId ? { slackId: p.slackId } : {}),
      ...(p.teamsId ? { teamsId: p.teamsId } : {}),
      ...(p.prefer ? { prefer: preferOf(p.prefer) } : {}),
      ...(p.agency ? { agency: p.agency } : {}),
    })),
    themes: row.themes.map((t) => ({
      id: t.key,
      name: t.name,
      ...(t.approver ? { approver: t.approver } : {}),
    })),
    measures,
    measureIds: new Map(row.measures.map((m) => [m.ref, m.id])),
  });
  kept.set(row.id, { version: row.planVersion, partnership });
  return partnership;
}

/** The head of the partnership with this slug; with no slug, of the only one (null: none or several). */
async function headOf(db: Db, slug?: string): Promise<{ id: number; planVersion: number } | undefined> {
  const heads = await prismaOf(db).partnership.findMany({
    where: slug ? { slug } : {},
    take: 2,
    select: { id: true, planVersion: true },
  });
  return heads.length === 1 ? heads[0] : undefined;
}

/** Settings read before, by their stored text (a handful per server: one per partnership and plan). */
const settingsRead = new Map<string, PartnershipSettings>();

/**
 * A partnership's stored settings, read: the same frozen object for the same text. A submission reads
 * them in its transaction, and checking them against the schema cost about 0.2 ms each time.
 */
export function settingsFromText(text: string): PartnershipSettings {
  let settings = settingsRead.get(text);
  if (!settings) {
    settings = deepFreeze(PartnershipSettingsSchema.parse(JSON.parse(text)));
    // Old plans' settings are let go now and then, rather than counted.
    if (settingsRead.size >= 256) settingsRead.clear();
    settingsRead.set(text, settings);
  }
  return settings;
}

/** Freezes a plan's objects and arrays all the way down (a Map's entries stay as they are). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !(value instanceof Map) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The partnership with this id (links and outbox rows name partnerships by id). */
export async function loadPartnershipById(db: Db, id: number): Promise<Partnership | null> {
  const row = await prismaOf(db).partnership.findUnique({ where: { id }, select: { slug: true } });
  return row ? loadPartnership(db, row.slug) : null;
}
