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
import type { Db } from './open-database.js';
import { appendRevision, type Tx } from './return-store.js';

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

export async function savePlan(
  db: Db,
  cal: FinancialCalendar,
  plan: Plan,
  checked: { returns: NormalReturn[]; overrides: NormalOverride[] },
  now: Date,
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    people: counts(),
    themes: counts(),
    measures: counts(),
    returns: counts(),
    overrides: counts(),
  };
  await db.$transaction(async (tx) => {
    const settings = JSON.stringify(plan.partnership);
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
      await upsertCounted(
        summary.people,
        await tx.person.findUnique({ where: { partnershipId_key: { partnershipId: pid, key: p.id } } }),
        data,
        {
          create: () => tx.person.create({ data: { partnershipId: pid, key: p.id, ...data } }),
          update: (id) => tx.person.update({ where: { id }, data }),
        },
      );
    }
    for (const [position, t] of plan.themes.entries()) {
      const data = { name: t.name, position };
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
      const saved = await upsertCounted(summary.measures, existing, data, {
        create: () => tx.measure.create({ data: { partnershipId: pid, ref: m.ref, ...data } }),
        update: (id) => tx.measure.update({ where: { id }, data }),
      });
      measureIds.set(m.ref, saved.id);
    }
    for (const r of checked.returns) {
      const outcome = await appendRevision(tx as Tx, cal, {
        measureId: measureIds.get(r.ref) as number,
        ...r,
        submittedAt: r.submittedAt ? new Date(r.submittedAt) : now,
        source: 'import',
        requestKey: null,
        onlyIfChanged: true,
      });
      summary.returns[
        outcome.kind === 'unchanged' ? 'unchanged' : outcome.revision === 1 ? 'created' : 'updated'
      ]++;
    }
    for (const o of checked.overrides) {
      const measureId = measureIds.get(o.ref) as number;
      const period = cal.format(o.period);
      const existing = await tx.override.findUnique({ where: { measureId_period: { measureId, period } } });
      const data = { rag: o.rag, reason: o.reason, setBy: o.by };
      await upsertCounted(summary.overrides, existing, data, {
        create: () => tx.override.create({ data: { measureId, period, ...data, setAt: now } }),
        update: (id) => tx.override.update({ where: { id }, data: { ...data, setAt: now } }),
      });
    }
  });
  return summary;
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

/** Loads a partnership by slug; with no slug, the only one (null when there are none or several). */
export async function loadPartnership(db: Db, slug?: string): Promise<Partnership | null> {
  const rows = await db.partnership.findMany({
    where: slug ? { slug } : {},
    take: 2,
    include: {
      people: { orderBy: { id: 'asc' } },
      themes: { orderBy: { position: 'asc' } },
      measures: { orderBy: { position: 'asc' } },
    },
  });
  const row = rows.length === 1 ? rows[0] : undefined;
  if (!row) return null;
  const measures = row.measures.map((m) => MeasureSchema.parse(JSON.parse(m.definition)));
  return {
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
    themes: row.themes.map((t) => ({ id: t.key, name: t.name })),
    measures,
    measureIds: new Map(row.measures.map((m) => [m.ref, m.id])),
  };
}
