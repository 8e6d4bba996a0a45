// Sign-off decisions on returns (approve, send back, reopen) and the coordinator's word on closed
// periods: each written with its audit event, and any notices it causes, in one transaction.
import type { IsoDate } from '../domain/iso-date.js';
import type { PeriodStateRecord } from '../domain/period-closure.js';
import {
  signOffOf,
  signOffSubjects,
  type ReviewDecision,
  type ReviewRecord,
  type SignOff,
  type SignOffSubject,
} from '../domain/sign-off.js';
import { auditedBy, recordAudit } from './audit-store.js';
import type { Db } from './open-database.js';
import { insertMissing, type NewOutboxMessage } from './outbox-store.js';
import { prismaOf, type DbClient, type Tx } from './db.js';
import { inList, Prisma, rawRows, transaction } from './raw-rows.js';
import type { PeriodState, ReturnReview } from '../generated/prisma/client.js';

type ReviewRow = Awaited<ReturnType<DbClient['returnReview']['findMany']>>[number];

const toReview = (r: ReviewRow): ReviewRecord => ({
  revision: r.revision,
  decision: r.decision as ReviewDecision,
  by: r.by,
  at: r.at.toISOString(),
  comment: r.comment,
});

/** A revision of a return as sign-off sees it. */
export interface SignOffRevision {
  measureId: number;
  period: string;
  revision: number;
  /** 'import', or where else it came from (sign-off only asks whether it was imported). */
  source: string;
}

/**
 * Revisions already read by the caller: every revision of each period of the measures ending on or after
 * `from` (a weekly summary's window holds them), so only the earlier periods' are read here.
 */
export interface RevisionsFrom {
  from: IsoDate;
  revisions: SignOffRevision[];
}

/** The sign-off of the current revision of every return of the measures, keyed `${measureId}|${period}`. */
export async function signOffs(
  db: Db | Tx,
  measureIds: number[],
  given?: RevisionsFrom,
): Promise<Map<string, SignOff>> {
  const [rows, reviews] = await Promise.all([
    signOffRows(db, measureIds, given?.from),
    reviewsOf(db, measureIds),
  ]);
  return signOffsOver(signOffSubjects(given ? [...rows, ...given.revisions] : rows), reviews);
}

/**
 * Every revision of the measures' returns as sign-off sees it (four columns; a partnership's history is
 * thousands of revisions), or of the periods ending before `before`; each return's oldest first, oldest
 * period first.
 */
const signOffRows = (db: Db | Tx, measureIds: number[], before?: IsoDate) =>
  rawRows<SignOffRevision>(
    db,
    Prisma.sql`SELECT "measureId", "period", "revision", "source" FROM "Return" WHERE ${inList('measureId', measureIds)}${before === undefined ? Prisma.empty : Prisma.sql` AND "periodEnd" < ${before}`} ORDER BY "measureId", "periodEnd", "revision"`,
  );

/** The sign-off of each return given (its current revision) from the reviews of its measure. */
export function signOffsOver(
  subjects: ReadonlyMap<string, SignOffSubject>,
  reviews: ReadonlyMap<string, ReviewRecord[]>,
): Map<string, SignOff> {
  return new Map([...subjects].map(([key, c]) => [key, signOffOf(c, reviews.get(key) ?? [])]));
}

/** Every review of the measures' returns, oldest first, keyed `${measureId}|${period}`. */
export async function reviewsOf(db: Db | Tx, measureIds: number[]): Promise<Map<string, ReviewRecord[]>> {
  const rows = await rawRows<ReturnReview>(
    db,
    Prisma.sql`SELECT * FROM "ReturnReview" WHERE ${inList('measureId', measureIds)} ORDER BY "id"`,
  );
  const byKey = new Map<string, ReviewRecord[]>();
  for (const r of rows) {
    const key = `${r.measureId}|${r.period}`;
    byKey.set(key, [...(byKey.get(key) ?? []), toReview(r)]);
  }
  return byKey;
}

/** One return's current revision and its sign-off; null when no return is stored. */
export async function signOffOfReturn(
  db: Db | Tx,
  measureId: number,
  period: string,
): Promise<{ revision: number; signOff: SignOff } | null> {
  const latest = await prismaOf(db).return.findFirst({
    where: { measureId, period },
    orderBy: { revision: 'desc' },
    select: { revision: true, source: true },
  });
  if (!latest) return null;
  const [reviews, chat] = await Promise.all([
    prismaOf(db).returnReview.findMany({ where: { measureId, period }, orderBy: { id: 'asc' } }),
    prismaOf(db).return.findFirst({
      where: { measureId, period, source: { not: 'import' } },
      select: { id: true },
    }),
  ]);
  const subject = { ...latest, fromChat: chat !== null };
  return { revision: latest.revision, signOff: signOffOf(subject, reviews.map(toReview)) };
}

export interface Decision {
  partnershipId: number;
  measureId: number;
  ref: string;
  period: string;
  /** The revision the decider saw (a card or a button); null: whatever is current. */
  revision: number | null;
  decision: ReviewDecision;
  by: string;
  at: Date;
  channel: string;
  comment: string | null;
  /** Notices the decision causes (the owner told of a send-back), written in the same transaction. */
  notices: (revision: number) => NewOutboxMessage[];
}

export type DecisionOutcome =
  | { kind: 'done'; revision: number; before: SignOff }
  | { kind: 'noReturn' }
  /** The return changed after the decider saw it: they must look again. */
  | { kind: 'changed'; revision: number; signOff: SignOff }
  /** The decision does not apply in this state (approve an approved return, reopen one not approved...). */
  | { kind: 'notNow'; revision: number; signOff: SignOff };

function applies(decision: ReviewDecision, s: SignOff): boolean {
  switch (decision) {
    case 'approved':
    case 'sentBack':
      return s.kind !== 'approved';
    case 'reopened':
      return s.kind === 'approved';
    default: {
      const never: never = decision;
      throw new Error(`unknown decision ${String(never)}`);
    }
  }
}

const AUDIT_ACTION: Record<ReviewDecision, string> = {
  approved: 'return.approve',
  sentBack: 'return.sendBack',
  reopened: 'return.reopen',
};

/** Records a decision on a return's current revision, with its audit event and notices. */
export async function decideReturn(db: Db, d: Decision): Promise<DecisionOutcome> {
  return transaction(db, async (tx) => {
    const now = await signOffOfReturn(tx, d.measureId, d.period);
    if (!now) return { kind: 'noReturn' as const };
    if (d.revision !== null && d.revision !== now.revision)
      return { kind: 'changed' as const, revision: now.revision, signOff: now.signOff };
    if (!applies(d.decision, now.signOff))
      return { kind: 'notNow' as const, revision: now.revision, signOff: now.signOff };
    await tx.returnReview.create({
      data: {
        measureId: d.measureId,
        period: d.period,
        revision: now.revision,
        decision: d.decision,
        by: d.by,
        at: d.at,
        comment: d.comment,
      },
    });
    await recordAudit(tx, {
      partnershipId: d.partnershipId,
      at: d.at,
      actor: d.by,
      channel: d.channel,
      action: AUDIT_ACTION[d.decision],
      ref: d.ref,
      period: d.period,
      before: { revision: now.revision, signOff: now.signOff.kind },
      after: { revision: now.revision, signOff: d.decision },
      reason: d.comment,
    });
    await insertMissing(tx, d.notices(now.revision), d.at);
    return { kind: 'done' as const, revision: now.revision, before: now.signOff };
  });
}

/** The coordinator's latest word on each quarter, keyed by the quarter ("2015/16 Q4"). */
export async function periodStates(
  db: Db | Tx,
  partnershipId: number,
): Promise<Map<string, PeriodStateRecord>> {
  const rows = await rawRows<PeriodState>(
    db,
    Prisma.sql`SELECT * FROM "PeriodState" WHERE "partnershipId" = ${partnershipId}`,
  );
  return new Map(
    rows.map((r) => [
      r.period,
      { state: r.state as PeriodStateRecord['state'], by: r.by, at: r.at.toISOString(), reason: r.reason },
    ]),
  );
}

export interface PeriodChange {
  partnershipId: number;
  period: string;
  state: PeriodStateRecord['state'];
  by: string;
  at: Date;
  channel: string;
  reason: string;
  /** Whether the period was closed before (for the audit trail). */
  wasClosed: boolean;
}

/** Reopens or closes a quarter, with its audit event. */
export async function setPeriodState(db: Db, c: PeriodChange): Promise<void> {
  await transaction(db, async (tx) => {
    const data = { state: c.state, by: c.by, at: c.at, reason: c.reason };
    await tx.periodState.upsert({
      where: { partnershipId_period: { partnershipId: c.partnershipId, period: c.period } },
      create: { partnershipId: c.partnershipId, period: c.period, ...data },
      update: data,
    });
    await recordAudit(tx, {
      ...auditedBy(c),
      action: c.state === 'reopened' ? 'period.reopen' : 'period.close',
      period: c.period,
      before: { closed: c.wasClosed },
      after: { closed: c.state === 'closed' },
      reason: c.reason,
    });
  });
}
