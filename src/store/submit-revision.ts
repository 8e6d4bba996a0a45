// A submission from chat stored as a new revision: one transaction with its audit event, refused when
// the card is out of date, the return approved or the period closed.
import { isoDateOf, type IsoDate } from '../domain/iso-date.js';
import type { FinancialCalendar } from '../domain/period.js';
import type { Closure } from '../domain/period-closure.js';
import type { ReturnRecord } from '../domain/return-record.js';
import { recordAudit } from './audit-store.js';
import type { Db, Tx } from './db.js';
import { settingsFromText } from './partnership-store.js';
import { withRetry } from './retry.js';
import {
  auditContent,
  closureIn,
  storeRevision,
  toRecord,
  type NewRevision,
  type ReturnRow,
  type RevisionOutcome,
} from './return-store.js';
import { Prisma, rawRows, transaction } from './raw-rows.js';
import type { ReturnReview } from '../generated/prisma/client.js';
import { isUniqueClash } from './unique-clash.js';

export type SubmitOutcome =
  | RevisionOutcome
  /** Someone stored a revision after the card was opened: `current` is what they stored. */
  | { kind: 'conflict'; revision: number; submittedBy: string | null; current: ReturnRecord | null }
  /** The current revision is approved: only the coordinator's reopening unlocks it. */
  | { kind: 'locked'; revision: number; approvedBy: string; approvedAt: string }
  /** The period is closed (its board date has passed, or the coordinator closed it). */
  | { kind: 'closed'; closure: Closure };

export interface SubmitOptions {
  /** The partnership's date (TODAY in demonstrations); by default the submission's local date. */
  today?: IsoDate;
  /** Writes what a stored revision causes (the approver's notice) in the same transaction. */
  afterStore?: (tx: Tx, revision: number) => Promise<void>;
}

/**
 * Stores a submission from chat as a new revision, in one transaction with its audit event. `basedOn`
 * is the revision the card was opened on: if someone else stored one since, nothing is written and
 * `conflict` says so (optimistic concurrency), so two edits of the same return cannot overwrite each
 * other. Nothing is written into a closed period or over an approved (locked) return either.
 */
export async function submitRevision(
  db: Db,
  cal: FinancialCalendar,
  r: NewRevision,
  basedOn: number,
  opts: SubmitOptions = {},
): Promise<SubmitOutcome> {
  // A busy or briefly unreachable database: the transaction rolled back, so it is run again (the
  // request key makes a commit whose answer was lost come back as a duplicate).
  return withRetry(async () => {
    try {
      return await submitOnce(db, cal, r, basedOn, opts);
    } catch (e) {
      // On PostgreSQL two submissions read the same latest revision at once and the second's insert
      // meets the first's key when that commits. Run again, it reads what the first stored and
      // answers `conflict` (or `duplicate`, for the same card) like any later submission would.
      if (!isUniqueClash(e)) throw e;
      return submitOnce(db, cal, r, basedOn, opts);
    }
  });
}

function submitOnce(
  db: Db,
  cal: FinancialCalendar,
  r: NewRevision,
  basedOn: number,
  opts: SubmitOptions,
): Promise<SubmitOutcome> {
  return transaction(db, async (tx): Promise<SubmitOutcome> => {
    if (r.requestKey) {
      const [seen] = await rawRows<{ revision: number }>(
        tx,
        Prisma.sql`SELECT "revision" FROM "Return" WHERE "requestKey" = ${r.requestKey}`,
      );
      if (seen) return { kind: 'duplicate', revision: seen.revision };
    }
    const [measure] = await rawRows<{ ref: string; partnershipId: number; settings: string }>(
      tx,
      Prisma.sql`SELECT m."ref", m."partnershipId", p."settings" FROM "Measure" m JOIN "Partnership" p ON p."id" = m."partnershipId" WHERE m."id" = ${r.measureId}`,
    );
    if (!measure) throw new Error(`measure ${r.measureId} is not in the database`);
    const settings = settingsFromText(measure.settings);
    const closure = await closureIn(tx, cal, measure.partnershipId, settings, r.period, {
      today: opts.today ?? isoDateOf(r.submittedAt, settings.timezone),
    });
    if (closure.closed) return { kind: 'closed', closure };
    const period = cal.format(r.period);
    const [latest = null] = await rawRows<ReturnRow>(
      tx,
      Prisma.sql`SELECT * FROM "Return" WHERE "measureId" = ${r.measureId} AND "period" = ${period} ORDER BY "revision" DESC LIMIT 1`,
    );
    if ((latest?.revision ?? 0) !== basedOn) {
      return {
        kind: 'conflict',
        revision: latest?.revision ?? 0,
        submittedBy: latest?.submittedBy ?? null,
        current: latest ? toRecord(cal, latest) : null,
      };
    }
    const locked = latest ? await lockOf(tx, r.measureId, period, latest.revision) : null;
    if (locked) return locked;
    // The request key and the current revision were read above, in this transaction.
    const outcome = await storeRevision(tx, cal, r, latest);
    if (outcome.kind !== 'stored') return outcome;
    await recordAudit(tx, {
      partnershipId: measure.partnershipId,
      at: r.submittedAt,
      actor: r.submittedBy ?? 'unknown',
      channel: r.source,
      action: 'return.submit',
      ref: measure.ref,
      period,
      before: latest ? auditContent(toRecord(cal, latest)) : null,
      after: auditContent({ ...r, revision: outcome.revision }),
    });
    await opts.afterStore?.(tx, outcome.revision);
    return outcome;
  });
}

/** The lock on a return whose current revision is approved; null when it is open to change. */
async function lockOf(
  tx: Tx,
  measureId: number,
  period: string,
  revision: number,
): Promise<SubmitOutcome | null> {
  const [review] = await rawRows<ReturnReview>(
    tx,
    Prisma.sql`SELECT * FROM "ReturnReview" WHERE "measureId" = ${measureId} AND "period" = ${period} ORDER BY "id" DESC LIMIT 1`,
  );
  if (review?.decision !== 'approved' || review.revision !== revision) return null;
  return {
    kind: 'locked',
    revision,
    approvedBy: review.by,
    approvedAt: review.at.toISOString(),
  };
}
