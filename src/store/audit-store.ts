// The audit trail: append-only events (nothing here updates or deletes). Write an event in the same
// transaction as the change it records, so that a change without its event cannot be stored.
import type { Db } from './open-database.js';
import { prismaOf, type Tx } from './db.js';
import { insertInto, rawExecute } from './raw-rows.js';

export interface AuditInput {
  partnershipId: number;
  at: Date;
  /** The person's key, or "cli" / "import" / "job". */
  actor: string;
  /** teams | slack | local | cli | import | job */
  channel: string;
  /** e.g. return.submit, return.approve, return.sendBack, return.reopen, override.set, period.reopen, plan.import. */
  action: string;
  ref?: string | null;
  period?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export interface AuditEventRecord {
  id: number;
  at: string;
  actor: string;
  channel: string;
  action: string;
  ref: string | null;
  period: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));
const parse = (v: string | null): unknown => (v === null ? null : (JSON.parse(v) as unknown));

/** Who made a change, when and where, as a change record says it (`by` for the person's key). */
export const auditedBy = (c: { partnershipId: number; at: Date; by: string; channel: string }) => ({
  partnershipId: c.partnershipId,
  at: c.at,
  actor: c.by,
  channel: c.channel,
});

/** Appends one event; pass the transaction that makes the change. */
export async function recordAudit(db: Db | Tx, e: AuditInput): Promise<void> {
  await rawExecute(
    db,
    insertInto('AuditEvent', {
      partnershipId: e.partnershipId,
      at: e.at,
      actor: e.actor,
      channel: e.channel,
      action: e.action,
      ref: e.ref ?? null,
      period: e.period ?? null,
      before: json(e.before),
      after: json(e.after),
      reason: e.reason ?? null,
    }),
  );
}

export interface AuditQuery {
  partnershipId: number;
  ref?: string;
  period?: string;
  /** Newest first, at most this many (default 200). */
  limit?: number;
}

/** Events, newest first. */
export async function readAudit(db: Db, q: AuditQuery): Promise<AuditEventRecord[]> {
  const rows = await prismaOf(db).auditEvent.findMany({
    where: {
      partnershipId: q.partnershipId,
      ...(q.ref === undefined ? {} : { ref: q.ref }),
      ...(q.period === undefined ? {} : { period: q.period }),
    },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: q.limit ?? 200,
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actor,
    channel: r.channel,
    action: r.action,
    ref: r.ref,
    period: r.period,
    before: parse(r.before),
    after: parse(r.after),
    reason: r.reason,
  }));
}
