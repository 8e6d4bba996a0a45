// Saves a validated plan (idempotently, in one transaction) and loads a partnership back as domain types.
import { MeasureSchema, type Measure } from '../domain/measure.js';
import type { FinancialCalendar } from '../domain/period.js';
import {
  PartnershipSettingsSchema,
  type PartnershipSettings,
  type Person,
  type Plan,
  type Theme,
} from '../domain/plan-schema.js';
import type { NormalOverride, NormalReturn } from '../domain/validate-plan.js';
import { recordAudit, type AuditInput } from './audit-store.js';
import type { Db } from './open-database.js';
import { importReturns, type ForcedImport, type ReturnConflict } from './import-returns.js';
import type { Tx } from './db.js';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}
export type ImportSummary = Record<'people' | 'themes' | 'measures' | 'returns' | 'overrides', ImportCounts>;

export interface Partnership {
  id: number;
  settings: PartnershipSettings;
  people: Person[];
  themes: Theme[];
  measures: Measure[];
  measureIds: Map<string, number>;
}

const counts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0 });

export interface SaveOptions {
  /** Who imports, for the audit trail: "import" (the plan loaded at first start) unless told. */
  by?: PlanActor;
  people?: PeopleImport;
  /** Replace returns submitted in chat whose figures the file gives differently (else they are kept). */
  force?: ForcedImport | null;
}

/** What an import did, and the chat returns it kept (or, forced, replaced). */
export interface SavedPlan {
  summary: ImportSummary;
  conflicts: ReturnConflict[];
}

export async function savePlan(
  db: Db,
  cal: FinancialCalendar,
  plan: Plan,
  checked: { returns: NormalReturn[]; overrides: NormalOverride[] },
  now: Date,
  opts: SaveOptions = {},
): Promise<SavedPlan> {
  const by = opts.by ?? { actor: 'import', channel: 'import' };
  const people = opts.people ?? 'merge';
  let conflicts: ReturnConflict[] = [];
  const summary: ImportSummary = {
    people: counts(),
    themes: counts(),
    measures: counts(),
    returns: counts(),
    overrides: counts(),
  };
  await db.$transaction(async (tx) => {
    // Every change the import makes, written in this transaction (see planAudit).
    const trail: TrailEntry[] = [];
    const settings = JSON.stringify(plan.partnership);
    const was = await tx.partnership.findUnique({ where: { slug: plan.partnership.id } });
    if (!was || was.settings !== settings || was.name !== plan.partnership.name)
      trail.push({
        action: 'plan.settings',
        before: was ? (JSON.parse(was.settings) as unknown) : null,
        after: plan.partnership,
      });
    const partnership = await tx.partnership.upsert({
      where: { slug: plan.partnership.id },
      create: { slug: plan.partnership.id, name: plan.partnership.name, settings },
      update: { name: plan.partnership.name, settings },
    });
    const pid = partnership.id;
    for (const p of plan.people) {
      const data = {
        name: p.name,
        email: p.email ?? null,
        slackId: p.slackId ?? null,
        teamsId: p.teamsId ?? null,
        role: p.role,
      };
      const existing = await tx.person.findUnique({
        where: { partnershipId_key: { partnershipId: pid, key: p.id } },
      });
      trail.push(...personAudit(p.id, existing, data));
      await upsertCounted(summary.people, existing, data, {
        create: () => tx.person.create({ data: { partnershipId: pid, key: p.id, ...data } }),
        update: (id) => tx.person.update({ where: { id }, data }),
      });
    }
    const listed = plan.people.map((p) => p.id);
    if (people === 'replace') trail.push(...(await removeUnlisted(tx, pid, listed)));
    for (const [position, t] of plan.themes.entries()) {
      const data = { name: t.name, position, approver: t.approver ?? null };
      await upsertCounted(
        summary.themes,
        await tx.theme.findUnique({ where: { partnershipId_key: { partnershipId: pid, key: t.id } } }),
        data,
        {
          create: () => tx.theme.create({ data: { partnershipId: pid, key: t.id, ...data } }),
          update: (id) => tx.theme.update({ where: { id }, data }),
        },
      );
    }
    const measureIds = new Map<string, number>();
    for (const [position, m] of plan.measures.entries()) {
      const data = { position, definition: canonicalJson(m) };
      const existing = await tx.measure.findUnique({
        where: { partnershipId_ref: { partnershipId: pid, ref: m.ref } },
      });
      if (existing?.definition !== data.definition)
        trail.push({
          action: existing ? 'measure.change' : 'measure.add',
          ref: m.ref,
          before: existing ? (JSON.parse(existing.definition) as unknown) : null,
          after: m,
        });
      const saved = await upsertCounted(summary.measures, existing, data, {
        create: () => tx.measure.create({ data: { partnershipId: pid, ref: m.ref, ...data } }),
        update: (id) => tx.measure.update({ where: { id }, data }),
      });
      measureIds.set(m.ref, saved.id);
    }
    // Returns submitted in chat are kept where the file differs (or, forced, replaced): see importReturns.
    const { conflicts: met, ...returnCounts } = await importReturns(tx, cal, {
      partnershipId: pid,
      measureIds,
      returns: checked.returns,
      now,
      by,
      force: opts.force ?? null,
    });
    conflicts = met;
    summary.returns = returnCounts;
    for (const o of checked.overrides) {
      const measureId = measureIds.get(o.ref) as number;
      const period = cal.format(o.period);
      const existing = await tx.override.findUnique({ where: { measureId_period: { measureId, period } } });
      const data = { rag: o.rag, reason: o.reason, setBy: o.by };
      if (!existing || existing.rag !== o.rag || existing.reason !== o.reason || existing.setBy !== o.by)
        trail.push({
          action: 'override.set',
          ref: o.ref,
          period,
          before: existing ? { rag: existing.rag, reason: existing.reason, by: existing.setBy } : null,
          after: { rag: o.rag, reason: o.reason, by: o.by },
          reason: o.reason,
        });
      await upsertCounted(summary.overrides, existing, data, {
        create: () => tx.override.create({ data: { measureId, period, ...data, setAt: now } }),
        update: (id) => tx.override.update({ where: { id }, data: { ...data, setAt: now } }),
      });
    }
    const changed =
      Object.values(summary).some((c) => c.created + c.updated > 0) ||
      trail.some((e) => e.action === 'person.remove');
    if (changed)
      trail.push({
        action: 'plan.import',
        after: importAudit(summary, conflicts),
        reason: opts.force?.reason,
      });
    // Servers that keep plans in memory (loadPartnership) see the new version and load this plan again.
    const planChanged =
      [summary.people, summary.themes, summary.measures].some((c) => c.created + c.updated > 0) ||
      trail.some((e) => e.action === 'person.remove' || e.action === 'plan.settings');
    if (planChanged)
      await tx.partnership.update({ where: { id: pid }, data: { planVersion: { increment: 1 } } });
    for (const e of trail) await recordAudit(tx, { partnershipId: pid, at: now, ...by, ...e });
  });
  return { summary, conflicts };
}

/** The plan.import event's record: the counts, and the chat returns kept or replaced when there were any. */
function importAudit(summary: ImportSummary, conflicts: ReturnConflict[]) {
  if (conflicts.length === 0) return summary;
  const replaced = conflicts.filter((c) => c.replacedBy !== null).length;
  return { ...summary, chatReturns: { kept: conflicts.length - replaced, replaced } };
}

/** Who imports a plan, for the audit trail: "import" (the plan loaded at first start) unless told. */
export interface PlanActor {
  actor: string;
  channel: string;
}

/**
 * `replace`: the plan lists every person of the partnership (a YAML plan), so people stored but no
 * longer listed are removed. `merge`: it only adds (a CSV of measures or returns), removing nobody.
 */
export type PeopleImport = 'replace' | 'merge';

type TrailEntry = Omit<AuditInput, 'partnershipId' | 'at' | 'actor' | 'channel'>;

/**
 * Removes the people a plan no longer lists, so that they are strangers from now on, and the
 * delegations of returns to them (the measure's returns go back to its owner). The plan's own
 * validation makes sure none of them owns a measure or approves a theme of the plan.
 */
async function removeUnlisted(tx: Tx, partnershipId: number, listed: string[]): Promise<TrailEntry[]> {
  const gone = await tx.person.findMany({ where: { partnershipId, key: { notIn: listed } } });
  if (gone.length === 0) return [];
  const keys = gone.map((p) => p.key);
  const delegations = await tx.delegation.findMany({ where: { partnershipId, delegate: { in: keys } } });
  await tx.delegation.deleteMany({ where: { partnershipId, delegate: { in: keys } } });
  await tx.person.deleteMany({ where: { id: { in: gone.map((p) => p.id) } } });
  return [
    ...gone.map((p) => ({
      action: 'person.remove',
      ref: null,
      before: { key: p.key, ...personFields(p) },
      after: null,
    })),
    ...delegations.map((d) => ({
      action: 'delegation.clear',
      ref: d.ref,
      before: { delegate: d.delegate },
      after: null,
      reason: `${d.delegate} is no longer in the plan`,
    })),
  ];
}

interface PersonFields {
  name: string;
  email: string | null;
  slackId: string | null;
  teamsId: string | null;
  role: string;
}

const personFields = (p: PersonFields): PersonFields => ({
  name: p.name,
  email: p.email,
  slackId: p.slackId,
  teamsId: p.teamsId,
  role: p.role,
});

/** A person added, their role changed, or how they are recognised changed: each decides who sees what. */
function personAudit(key: string, existing: PersonFields | null, data: PersonFields) {
  if (existing && canonicalJson(personFields(existing)) === canonicalJson(personFields(data))) return [];
  const action = !existing ? 'person.add' : existing.role !== data.role ? 'role.change' : 'person.change';
  return [
    {
      action,
      ref: null,
      before: existing ? { key, ...personFields(existing) } : null,
      after: { key, ...data },
    },
  ];
}

/**
 * JSON with object keys sorted, so that the same measure always gives the same text: a measure loaded
 * back and saved again (as a CSV import does) has its keys in another order and would count as changed.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

async function upsertCounted<T extends { id: number }>(
  tally: ImportCounts,
  existing: (T & Record<string, unknown>) | null,
  data: Record<string, unknown>,
  ops: { create: () => Promise<T>; update: (id: number) => Promise<T> },
): Promise<T> {
  if (!existing) {
    tally.created++;
    return ops.create();
  }
  if (Object.entries(data).every(([k, v]) => existing[k] === v)) {
    tally.unchanged++;
    return existing;
  }
  tally.updated++;
  return ops.update(existing.id);
}

export async function listPartnerships(db: Db): Promise<{ slug: string; name: string }[]> {
  return db.partnership.findMany({ select: { slug: true, name: true }, orderBy: { id: 'asc' } });
}

/** How a person is recognised, with their partnership's slug. */
export interface PersonIdentity {
  slug: string;
  key: string;
  email: string | null;
  slackId: string | null;
  teamsId: string | null;
}

/** The partnerships' slugs (as listPartnerships orders them) and every person's identifiers. */
export interface PersonDirectory {
  slugs: string[];
  people: PersonIdentity[];
}

/** Finding who speaks without loading every plan: two queries on every turn, so kept to two. */
export async function personDirectory(db: Db): Promise<PersonDirectory> {
  // Two flat queries: a relation select costs three times as much here.
  const [partnerships, people] = await Promise.all([
    db.partnership.findMany({ select: { id: true, slug: true }, orderBy: { id: 'asc' } }),
    db.person.findMany({
      select: { partnershipId: true, key: true, email: true, slackId: true, teamsId: true },
    }),
  ]);
  const slugOf = new Map(partnerships.map((p) => [p.id, p.slug]));
  return {
    slugs: partnerships.map((p) => p.slug),
    people: people.map(({ partnershipId, ...r }) => ({ slug: slugOf.get(partnershipId) ?? '', ...r })),
  };
}

/** The plans a server has loaded, by client and partnership id, with the plan version they were loaded at. */
const loaded = new WeakMap<object, Map<number, { version: number; partnership: Partnership }>>();

/**
 * Loads a partnership by slug; with no slug, the only one (null when there are none or several). Every
 * chat turn needs its partnership's plan, which changes only when a plan is imported: a plan loaded
 * before is used again while the partnership's `planVersion` (raised by every import, in its
 * transaction) is unchanged, so one small query replaces four, and an import made by another process
 * or instance is seen on the next turn. The plan is frozen: callers share it.
 */
export async function loadPartnership(db: Db, slug?: string): Promise<Partnership | null> {
  const heads = await db.partnership.findMany({
    where: slug ? { slug } : {},
    take: 2,
    select: { id: true, planVersion: true },
  });
  const head = heads.length === 1 ? heads[0] : undefined;
  if (!head) return null;
  const kept = loaded.get(db) ?? new Map<number, { version: number; partnership: Partnership }>();
  loaded.set(db, kept);
  const hit = kept.get(head.id);
  if (hit?.version === head.planVersion) return hit.partnership;
  const row = await db.partnership.findUnique({
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
    settings: PartnershipSettingsSchema.parse(JSON.parse(row.settings)),
    people: row.people.map((p) => ({
      id: p.key,
      name: p.name,
      role: p.role as Person['role'],
      ...(p.email ? { email: p.email } : {}),
      ...(p.slackId ? { slackId: p.slackId } : {}),
      ...(p.teamsId ? { teamsId: p.teamsId } : {}),
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

/** Freezes a plan's objects and arrays all the way down (a Map's entries stay as they are). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !(value instanceof Map) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
