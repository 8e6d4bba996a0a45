// Starting a financial year: the targets carried into it are written into the measures' `targetsByYear`
// with one audit event each, and the year is recorded as started, in one transaction. A year is started
// once; starting it again may only give targets to measures that still have none.
import type { Target } from '../domain/measure.js';
import { MeasureSchema } from '../domain/measure.js';
import { recordAudit } from './audit-store.js';
import type { Db } from './open-database.js';
import { canonicalJson } from './plan-steps.js';
import { prismaOf } from './db.js';
import { transaction } from './raw-rows.js';

export interface YearStart {
  by: string;
  at: string;
  channel: string;
}

export interface CarriedTarget {
  ref: string;
  target: Target;
  /** How it was carried, for the audit trail: "the same as last year", "-5% on last year's outturn". */
  how: string;
}

export interface StartYear {
  partnershipId: number;
  year: string;
  by: string;
  channel: string;
  at: Date;
  targets: CarriedTarget[];
}

export type StartOutcome = { kind: 'started'; set: string[] } | { kind: 'alreadySet'; refs: string[] };

export async function yearStarted(db: Db, partnershipId: number, year: string): Promise<YearStart | null> {
  const row = await prismaOf(db).planYear.findUnique({
    where: { partnershipId_year: { partnershipId, year } },
  });
  return row ? { by: row.startedBy, at: row.startedAt.toISOString(), channel: row.channel } : null;
}

/**
 * Sets each target for the year, unless the measure has one for it already (then nothing is written:
 * `alreadySet` names them), records the year as started (the first start stays), and audits each target.
 */
export async function startYear(db: Db, s: StartYear): Promise<StartOutcome> {
  return transaction(db, async (tx) => {
    const rows = await tx.measure.findMany({
      where: { partnershipId: s.partnershipId, ref: { in: s.targets.map((t) => t.ref) } },
    });
    const byRef = new Map(rows.map((r) => [r.ref, r]));
    const clash = s.targets.filter((t) => {
      const def = JSON.parse(byRef.get(t.ref)?.definition ?? '{}') as {
        targetsByYear?: Record<string, unknown>;
      };
      return def.targetsByYear?.[s.year] !== undefined;
    });
    if (clash.length > 0) return { kind: 'alreadySet', refs: clash.map((t) => t.ref) };
    for (const t of s.targets) {
      const row = byRef.get(t.ref);
      if (!row) continue;
      const def = MeasureSchema.parse(JSON.parse(row.definition));
      const next = { ...def, targetsByYear: { ...def.targetsByYear, [s.year]: t.target } };
      await tx.measure.update({ where: { id: row.id }, data: { definition: canonicalJson(next) } });
      await recordAudit(tx, {
        partnershipId: s.partnershipId,
        at: s.at,
        actor: s.by,
        channel: s.channel,
        action: 'target.set',
        ref: t.ref,
        period: s.year,
        before: null,
        after: t.target,
        reason: `carried into ${s.year}: ${t.how}`,
      });
    }
    const key = { partnershipId_year: { partnershipId: s.partnershipId, year: s.year } };
    if (!(await tx.planYear.findUnique({ where: key }))) {
      await tx.planYear.create({
        data: {
          partnershipId: s.partnershipId,
          year: s.year,
          startedBy: s.by,
          startedAt: s.at,
          channel: s.channel,
        },
      });
      await recordAudit(tx, {
        partnershipId: s.partnershipId,
        at: s.at,
        actor: s.by,
        channel: s.channel,
        action: 'year.start',
        period: s.year,
        after: { targets: s.targets.length },
      });
    }
    await tx.partnership.update({ where: { id: s.partnershipId }, data: { planVersion: { increment: 1 } } });
    return { kind: 'started', set: s.targets.map((t) => t.ref) };
  });
}
