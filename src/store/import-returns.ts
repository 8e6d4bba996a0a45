// The returns of a plan file (or a CSV of returns), stored as imported revisions. An import never
// replaces a return whose current revision came through chat with other figures: it keeps it and reports
// the conflict, unless forced, when it replaces it with an audit event naming who and why.
import type { FinancialCalendar } from '../domain/period.js';
import type { ReturnRecord } from '../domain/return-record.js';
import type { SignOff } from '../domain/sign-off.js';
import type { NormalReturn } from '../domain/validate-plan.js';
import { recordAudit, type AuditInput } from './audit-store.js';
import type { Db } from './open-database.js';
import {
  auditContent,
  compareWithStored,
  storeRevision,
  toRecord,
  type NewRevision,
  type ReturnRow,
} from './return-store.js';
import { prismaOf, type Tx } from './db.js';
import { signOffOfReturn } from './review-store.js';

/** A return submitted in chat whose figures the file gives differently. */
export interface ReturnConflict {
  ref: string;
  /** Canonical period, e.g. "2015/16 Q4". */
  period: string;
  /** The current revision, as it came through chat. */
  chat: ReturnRecord;
  /** What the file says for the period. */
  file: NormalReturn;
  /** The chat revision's sign-off when the import met it (awaiting approval, approved...). */
  signOff: SignOff;
  /** The revision the forced import stored over it; null when the chat return was kept. */
  replacedBy: number | null;
}

/** `--force --reason "…"`: replace chat returns whose figures differ, saying why. */
export interface ForcedImport {
  reason: string;
}

export interface ReturnsImport {
  partnershipId: number;
  /** Measure ref → id, every ref of `returns` included. */
  measureIds: ReadonlyMap<string, number>;
  returns: NormalReturn[];
  now: Date;
  /** Who imports, for the audit trail. */
  by: Pick<AuditInput, 'actor' | 'channel'>;
  force: ForcedImport | null;
}

export interface ReturnsImported {
  created: number;
  updated: number;
  unchanged: number;
  conflicts: ReturnConflict[];
}

const isChat = (row: ReturnRow | null): row is ReturnRow => row !== null && row.source !== 'import';

const latestRevision = (db: Db | Tx, measureId: number, period: string) =>
  prismaOf(db).return.findFirst({ where: { measureId, period }, orderBy: { revision: 'desc' } });

/** The revision an import stores: the file's date when it gives one, else the import's time, said so. */
function importedRevision(measureId: number, r: NormalReturn, now: Date): NewRevision {
  const { ref: _ref, submittedAt, ...content } = r;
  return {
    measureId,
    ...content,
    submittedAt: submittedAt ? new Date(submittedAt) : now,
    dated: submittedAt !== null,
    source: 'import',
    requestKey: null,
    onlyIfChanged: true,
  };
}

/** Stores the file's returns in the import's transaction; see the module comment for chat returns. */
export async function importReturns(
  tx: Tx,
  cal: FinancialCalendar,
  i: ReturnsImport,
): Promise<ReturnsImported> {
  const out: ReturnsImported = { created: 0, updated: 0, unchanged: 0, conflicts: [] };
  for (const r of i.returns) {
    const measureId = i.measureIds.get(r.ref) as number;
    const latest = await latestRevision(tx, measureId, cal.format(r.period));
    if (!isChat(latest)) {
      const stored = await storeRevision(tx, cal, importedRevision(measureId, r, i.now), latest);
      out[stored.kind === 'unchanged' ? 'unchanged' : stored.revision === 1 ? 'created' : 'updated']++;
      continue;
    }
    // The owner's words over the same figures stay theirs: nothing to report, nothing written.
    if (compareWithStored(latest, r) !== 'different') {
      out.unchanged++;
      continue;
    }
    const conflict = await chatConflict(tx, cal, r, measureId, latest);
    if (i.force) {
      conflict.replacedBy = await replaceChatReturn(tx, cal, i, r, latest);
      out.updated++;
    } else out.unchanged++;
    out.conflicts.push(conflict);
  }
  return out;
}

/** A forced import over a chat return: the file's revision, and its audit event naming who and why. */
async function replaceChatReturn(
  tx: Tx,
  cal: FinancialCalendar,
  i: ReturnsImport,
  r: NormalReturn,
  chat: ReturnRow,
): Promise<number> {
  const revision = { ...importedRevision(chat.measureId, r, i.now), onlyIfChanged: false };
  const stored = await storeRevision(tx, cal, revision, chat);
  await recordAudit(tx, {
    partnershipId: i.partnershipId,
    at: i.now,
    ...i.by,
    action: 'return.replace',
    ref: r.ref,
    period: chat.period,
    before: { ...auditContent(toRecord(cal, chat)), submittedBy: chat.submittedBy, source: chat.source },
    after: auditContent({ ...r, revision: stored.revision }),
    reason: i.force?.reason ?? null,
  });
  return stored.revision;
}

async function chatConflict(
  db: Db | Tx,
  cal: FinancialCalendar,
  r: NormalReturn,
  measureId: number,
  chat: ReturnRow,
): Promise<ReturnConflict> {
  const period = cal.format(r.period);
  const signOff = (await signOffOfReturn(db, measureId, period))?.signOff ?? { kind: 'none' };
  return { ref: r.ref, period, chat: toRecord(cal, chat), file: r, signOff, replacedBy: null };
}

/**
 * The conflicts an import of `returns` would meet, writing nothing (a dry run): the chat returns whose
 * figures the file gives differently. None for a partnership not stored yet.
 */
export async function returnConflicts(
  db: Db,
  cal: FinancialCalendar,
  slug: string,
  returns: NormalReturn[],
): Promise<ReturnConflict[]> {
  const measures = await prismaOf(db).measure.findMany({
    where: { partnership: { slug } },
    select: { id: true, ref: true },
  });
  const ids = new Map(measures.map((m) => [m.ref, m.id]));
  const out: ReturnConflict[] = [];
  for (const r of returns) {
    const measureId = ids.get(r.ref);
    if (measureId === undefined) continue;
    const latest = await latestRevision(db, measureId, cal.format(r.period));
    if (isChat(latest) && compareWithStored(latest, r) === 'different')
      out.push(await chatConflict(db, cal, r, measureId, latest));
  }
  return out;
}
