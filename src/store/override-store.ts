// Status overrides set and cleared in chat: the change and its audit event in one transaction, so an
// override never changes without a trace of who, when, why and what it was before.
import type { Rag } from '../domain/plan-schema.js';
import { auditedBy, recordAudit } from './audit-store.js';
import type { Db } from './open-database.js';
import { transaction } from './raw-rows.js';

export interface OverrideChange {
  partnershipId: number;
  measureId: number;
  ref: string;
  /** The canonical period, e.g. "2015/16 Q4". */
  period: string;
  /** The new RAG, or null to clear the override. */
  rag: Rag | null;
  reason: string;
  by: string;
  channel: string;
  at: Date;
}

export interface OverrideState {
  rag: Rag;
  reason: string;
  by: string;
}

/** Sets or clears an override; returns what it was before (null: none). Clearing none writes nothing. */
export async function changeOverride(db: Db, c: OverrideChange): Promise<OverrideState | null> {
  return transaction(db, async (tx) => {
    const where = { measureId_period: { measureId: c.measureId, period: c.period } };
    const row = await tx.override.findUnique({ where });
    const before: OverrideState | null = row
      ? { rag: row.rag as Rag, reason: row.reason, by: row.setBy }
      : null;
    if (c.rag === null) {
      if (!row) return null;
      await tx.override.delete({ where });
    } else {
      const data = { rag: c.rag, reason: c.reason, setBy: c.by, setAt: c.at };
      await tx.override.upsert({
        where,
        create: { measureId: c.measureId, period: c.period, ...data },
        update: data,
      });
    }
    await recordAudit(tx, {
      ...auditedBy(c),
      action: c.rag === null ? 'override.clear' : 'override.set',
      ref: c.ref,
      period: c.period,
      before,
      after: c.rag === null ? null : { rag: c.rag, reason: c.reason, by: c.by },
      reason: c.reason,
    });
    return before;
  });
}
