// Returns and their revisions: every submission is kept; the highest revision of a period is current.
import { FiguresSchema } from '../domain/figures.js';
import type { FinancialCalendar, Period } from '../domain/period.js';
import type { Rag } from '../domain/plan-schema.js';
import type { OverrideRecord, ReturnContent, ReturnRecord } from '../domain/return-record.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Db } from './open-database.js';

export type Tx = Prisma.TransactionClient;

export interface NewRevision extends ReturnContent {
  measureId: number;
  submittedAt: Date;
  source: string;
  /** Idempotency key: the same key stores once (a card submitted twice). */
  requestKey: string | null;
  /** Skip storing when the content equals the current revision (imports). */
  onlyIfChanged: boolean;
}

export type RevisionOutcome =
  | { kind: 'stored'; revision: number }
  | { kind: 'unchanged'; revision: number }
  | { kind: 'duplicate'; revision: number };

export async function appendRevision(
  tx: Tx,
  cal: FinancialCalendar,
  r: NewRevision,
): Promise<RevisionOutcome> {
  if (r.requestKey) {
    const seen = await tx.return.findUnique({ where: { requestKey: r.requestKey } });
    if (seen) return { kind: 'duplicate', revision: seen.revision };
  }
  const period = cal.format(r.period);
  const latest = await tx.return.findFirst({
    where: { measureId: r.measureId, period },
    orderBy: { revision: 'desc' },
  });
  const content = {
    figures: r.figures ? JSON.stringify(r.figures) : null,
    narrative: r.narrative,
    correctiveAction: r.correctiveAction,
    notAvailable: r.notAvailable,
    expectedDate: r.expectedDate,
  };
  if (r.onlyIfChanged && latest && sameContent(latest, content))
    return { kind: 'unchanged', revision: latest.revision };
  const revision = (latest?.revision ?? 0) + 1;
  await tx.return.create({
    data: {
      measureId: r.measureId,
      period,
      periodEnd: cal.end(r.period),
      revision,
      ...content,
      submittedBy: r.submittedBy,
      submittedAt: r.submittedAt,
      source: r.source,
      requestKey: r.requestKey,
    },
  });
  return { kind: 'stored', revision };
}

function sameContent(row: Record<string, unknown>, content: Record<string, unknown>): boolean {
  return Object.entries(content).every(([k, v]) =>
    k === 'figures' ? sameFigures(row[k] as string | null, v as string | null) : (row[k] ?? null) === v,
  );
}

function sameFigures(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const x = JSON.parse(a) as Record<string, unknown>;
  const y = JSON.parse(b) as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  return [...keys].every((k) => JSON.stringify(x[k]) === JSON.stringify(y[k]));
}

type ReturnRow = Awaited<ReturnType<Db['return']['findMany']>>[number];

function toRecord(cal: FinancialCalendar, row: ReturnRow): ReturnRecord {
  const parsed = cal.parse(row.period);
  if (!parsed.ok) throw new Error(`stored period "${row.period}" does not parse: ${parsed.error}`);
  return {
    period: parsed.value,
    figures: row.figures ? FiguresSchema.parse(JSON.parse(row.figures)) : null,
    narrative: row.narrative,
    correctiveAction: row.correctiveAction,
    notAvailable: row.notAvailable,
    expectedDate: row.expectedDate,
    submittedBy: row.submittedBy,
    submittedAt: row.submittedAt.toISOString(),
    revision: row.revision,
  };
}

/** Every revision of the given measures' returns, by measure, period end, then revision. */
const allRevisionRows = (db: Db, measureIds: number[]) =>
  db.return.findMany({
    where: { measureId: { in: measureIds } },
    orderBy: [{ measureId: 'asc' }, { periodEnd: 'asc' }, { revision: 'asc' }],
  });

/** The current revision of every return of the given measures, grouped by measure id, oldest period first. */
export async function currentReturns(
  db: Db,
  cal: FinancialCalendar,
  measureIds: number[],
): Promise<Map<number, ReturnRecord[]>> {
  const rows = await allRevisionRows(db, measureIds);
  const latest = new Map<string, ReturnRow>();
  for (const row of rows) latest.set(`${row.measureId}|${row.period}`, row);
  const out = new Map<number, ReturnRecord[]>(measureIds.map((id) => [id, []]));
  for (const row of latest.values()) out.get(row.measureId)?.push(toRecord(cal, row));
  return out;
}

/** Every revision of every return of the given measures, grouped by measure id, oldest first (summaries). */
export async function revisionHistory(
  db: Db,
  cal: FinancialCalendar,
  measureIds: number[],
): Promise<Map<number, ReturnRecord[]>> {
  const out = new Map<number, ReturnRecord[]>(measureIds.map((id) => [id, []]));
  for (const row of await allRevisionRows(db, measureIds)) out.get(row.measureId)?.push(toRecord(cal, row));
  return out;
}

/** Every revision of one period's return, oldest first. */
export async function revisionsOf(
  db: Db,
  cal: FinancialCalendar,
  measureId: number,
  period: Period,
): Promise<ReturnRecord[]> {
  const rows = await db.return.findMany({
    where: { measureId, period: cal.format(period) },
    orderBy: { revision: 'asc' },
  });
  return rows.map((row) => toRecord(cal, row));
}

/** Overrides keyed by `${measureId}|${period}`. */
export async function overridesFor(db: Db, measureIds: number[]): Promise<Map<string, OverrideRecord>> {
  const rows = await db.override.findMany({ where: { measureId: { in: measureIds } } });
  return new Map(
    rows.map((o) => [
      `${o.measureId}|${o.period}`,
      { rag: o.rag as Rag, reason: o.reason, by: o.setBy, at: o.setAt.toISOString() },
    ]),
  );
}

export type SubmitOutcome =
  RevisionOutcome | { kind: 'conflict'; revision: number; submittedBy: string | null };

/**
 * Stores a submission from chat as a new revision, in one transaction. `basedOn` is the revision the
 * card was opened on: if someone else stored one since, nothing is written and `conflict` says so
 * (optimistic concurrency), so two edits of the same return cannot overwrite each other.
 */
export async function submitRevision(
  db: Db,
  cal: FinancialCalendar,
  r: NewRevision,
  basedOn: number,
): Promise<SubmitOutcome> {
  return db.$transaction(async (tx) => {
    if (r.requestKey) {
      const seen = await tx.return.findUnique({ where: { requestKey: r.requestKey } });
      if (seen) return { kind: 'duplicate' as const, revision: seen.revision };
    }
    const latest = await tx.return.findFirst({
      where: { measureId: r.measureId, period: cal.format(r.period) },
      orderBy: { revision: 'desc' },
    });
    if ((latest?.revision ?? 0) !== basedOn) {
      return {
        kind: 'conflict' as const,
        revision: latest?.revision ?? 0,
        submittedBy: latest?.submittedBy ?? null,
      };
    }
    return appendRevision(tx, cal, r);
  });
}
