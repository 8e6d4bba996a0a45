// The steps of a plan import, one per kind of row: each upserts its rows in the import's transaction,
// counts what it created, updated or left alone, and adds what changed to the audit trail.
import type { Measure } from '../domain/measure.js';
import type { FinancialCalendar } from '../domain/period.js';
import type { PartnershipSettings, Person, Theme } from '../domain/plan-schema.js';
import type { NormalOverride } from '../domain/validate-plan.js';
import type { AuditInput } from './audit-store.js';
import type { Tx } from './db.js';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}
export type ImportSummary = Record<'people' | 'themes' | 'measures' | 'returns' | 'overrides', ImportCounts>;

export const counts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0 });

/**
 * `replace`: the plan lists every person of the partnership (a YAML plan), so people stored but no
 * longer listed are removed. `merge`: it only adds (a CSV of measures or returns), removing nobody.
 */
export type PeopleImport = 'replace' | 'merge';

export type TrailEntry = Omit<AuditInput, 'partnershipId' | 'at' | 'actor' | 'channel'>;

/** What every step works on: the transaction, the partnership's id, the counts and the trail. */
export interface PlanStep {
  tx: Tx;
  pid: number;
  summary: ImportSummary;
  trail: TrailEntry[];
}

/** The partnership's own row (its settings), by slug; returns its id. */
export async function savePartnershipRow(step: PlanStep, settings: PartnershipSettings): Promise<number> {
  const { tx, trail } = step;
  const text = JSON.stringify(settings);
  const was = await tx.partnership.findUnique({ where: { slug: settings.id } });
  if (!was || was.settings !== text || was.name !== settings.name)
    trail.push({
      action: 'plan.settings',
      before: was ? (JSON.parse(was.settings) as unknown) : null,
      after: settings,
    });
  const partnership = await tx.partnership.upsert({
    where: { slug: settings.id },
    create: { slug: settings.id, name: settings.name, settings: text },
    update: { name: settings.name, settings: text },
  });
  return partnership.id;
}

export async function savePeople(step: PlanStep, people: Person[], mode: PeopleImport): Promise<void> {
  const { tx, pid, summary, trail } = step;
  for (const p of people) {
    const data = {
      name: p.name,
      email: p.email ?? null,
      slackId: p.slackId ?? null,
      teamsId: p.teamsId ?? null,
      role: p.role,
      prefer: p.prefer?.join(',') ?? null,
      agency: p.agency ?? null,
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
  const listed = people.map((p) => p.id);
  if (mode === 'replace') trail.push(...(await removeUnlisted(tx, pid, listed)));
}

export async function saveThemes(step: PlanStep, themes: Theme[]): Promise<void> {
  const { tx, pid, summary } = step;
  for (const [position, t] of themes.entries()) {
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
}

/** Saves the measures; returns each one's stored id by ref. */
export async function saveMeasures(step: PlanStep, measures: Measure[]): Promise<Map<string, number>> {
  const { tx, pid, summary, trail } = step;
  const measureIds = new Map<string, number>();
  for (const [position, m] of measures.entries()) {
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
  return measureIds;
}

export async function saveOverrides(
  step: PlanStep,
  cal: FinancialCalendar,
  overrides: NormalOverride[],
  measureIds: Map<string, number>,
  now: Date,
): Promise<void> {
  const { tx, summary, trail } = step;
  for (const o of overrides) {
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
}

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
  prefer: string | null;
  agency: string | null;
}

const personFields = (p: PersonFields): PersonFields => ({
  name: p.name,
  email: p.email,
  slackId: p.slackId,
  teamsId: p.teamsId,
  role: p.role,
  prefer: p.prefer,
  agency: p.agency,
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
