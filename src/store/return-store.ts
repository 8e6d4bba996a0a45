// Returns and their revisions: every submission is kept; the highest revision of a period is current.
import { FiguresSchema } from '../domain/figures.js';
import type { IsoDate } from '../domain/iso-date.js';
import type { FinancialCalendar, Period } from '../domain/period.js';
import {
  closingQuarter,
  periodClosure,
  type Closure,
  type PeriodStateRecord,
} from '../domain/period-closure.js';
import type { PartnershipSettings, Rag } from '../domain/plan-schema.js';
import type { OverrideRecord, ReturnContent, ReturnRecord } from '../domain/return-record.js';
import { signOffSubjects, type SignOffSubject } from '../domain/sign-off.js';
import { prismaOf, type DbClient, type Db, type Tx } from './db.js';
import { inList, insertInto, Prisma, rawExecute, rawRows } from './raw-rows.js';
import { storedPeriods } from './stored-periods.js';
import type { Override as OverrideRow, PeriodState as PeriodStateRow } from '../generated/prisma/client.js';

export interface NewRevision extends ReturnContent {
  measureId: number;
  submittedAt: Date;
  /** False for an import whose file gave no submittedAt, so submittedAt is the import's time (default true). */
  dated?: boolean;
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
  const latest = await tx.return.findFirst({
    where: { measureId: r.measureId, period: cal.format(r.period) },
    orderBy: { revision: 'desc' },
  });
  return storeRevision(tx, cal, r, latest);
}

/** Stores `r` after `latest`, the period's current revision read in the same transaction. */
export async function storeRevision(
  tx: Tx,
  cal: FinancialCalendar,
  r: NewRevision,
  latest: ReturnRow | null,
): Promise<RevisionOutcome> {
  const content = storedContent(r);
  if (r.onlyIfChanged && latest && sameContent(latest, content))
    return { kind: 'unchanged', revision: latest.revision };
  const revision = (latest?.revision ?? 0) + 1;
  const row = {
    measureId: r.measureId,
    period: cal.format(r.period),
    periodEnd: cal.end(r.period),
    revision,
    ...content,
    submittedBy: r.submittedBy,
    submittedAt: r.submittedAt,
    dated: r.dated ?? true,
    source: r.source,
    requestKey: r.requestKey,
  };
  await rawExecute(tx, insertInto('Return', row));
  return { kind: 'stored', revision };
}

/** A return's content as its columns hold it. */
const storedContent = (r: Omit<ReturnContent, 'period' | 'submittedBy'>) => ({
  figures: r.figures ? JSON.stringify(r.figures) : null,
  narrative: r.narrative,
  correctiveAction: r.correctiveAction,
  notAvailable: r.notAvailable,
  expectedDate: r.expectedDate,
});

/**
 * How a return compares with a stored revision: the same content, the same figures (or the same lack of
 * them) with other commentary, or other figures.
 */
export function compareWithStored(row: ReturnRow, r: ReturnContent): 'same' | 'sameFigures' | 'different' {
  const content = storedContent(r);
  if (sameContent(row, content)) return 'same';
  const sameLack = (row.notAvailable === null) === (content.notAvailable === null);
  return sameFigures(row.figures, content.figures) && sameLack ? 'sameFigures' : 'different';
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

export type ReturnRow = Awaited<ReturnType<DbClient['return']['findMany']>>[number];

/** The columns a return record is made from (reads of many revisions select only these). */
const RECORD_COLUMNS = {
  measureId: true,
  period: true,
  revision: true,
  figures: true,
  narrative: true,
  correctiveAction: true,
  notAvailable: true,
  expectedDate: true,
  submittedBy: true,
  submittedAt: true,
  source: true,
  dated: true,
} as const satisfies Partial<Record<keyof ReturnRow, true>>;

type RecordRow = Pick<ReturnRow, keyof typeof RECORD_COLUMNS>;

export function toRecord(
  cal: FinancialCalendar,
  row: RecordRow,
  periodOf: (text: string) => Period = storedPeriods(cal),
): ReturnRecord {
  return {
    period: periodOf(row.period),
    figures: row.figures ? FiguresSchema.parse(JSON.parse(row.figures)) : null,
    narrative: row.narrative,
    correctiveAction: row.correctiveAction,
    notAvailable: row.notAvailable,
    expectedDate: row.expectedDate,
    submittedBy: row.submittedBy,
    submittedAt: row.submittedAt.toISOString(),
    revision: row.revision,
    ...(row.source === 'import' ? { imported: { dated: row.dated } } : {}),
  };
}

/** Which revisions to read: those of the periods ending on or after `from`, and any submitted after `orSubmittedAfter`. */
export interface RevisionWindow {
  from: IsoDate;
  orSubmittedAfter: Date;
}

const RECORD_SELECT = Prisma.raw(`"${Object.keys(RECORD_COLUMNS).join('", "')}"`);

/** Every revision of the given measures' returns (in the window, if any), by measure, period end, then revision. */
const allRevisionRows = (db: Db, measureIds: number[], window?: RevisionWindow): Promise<RecordRow[]> => {
  const inWindow = window
    ? Prisma.sql` AND ("periodEnd" >= ${window.from} OR "submittedAt" > ${window.orSubmittedAfter})`
    : Prisma.empty;
  return rawRows<RecordRow>(
    db,
    Prisma.sql`SELECT ${RECORD_SELECT} FROM "Return" WHERE ${inList('measureId', measureIds)}${inWindow} ORDER BY "measureId", "periodEnd", "revision"`,
  );
};

/** The current revision of every return of the given measures, grouped by measure id, oldest period first. */
export async function currentReturns(
  db: Db,
  cal: FinancialCalendar,
  measureIds: number[],
): Promise<Map<number, ReturnRecord[]>> {
  return (await currentReturnsAndSubjects(db, cal, measureIds)).current;
}

/**
 * The current returns, and each return's current revision as sign-off sees it (keyed
 * `${measureId}|${period}`), from one read of every revision.
 */
export async function currentReturnsAndSubjects(
  db: Db,
  cal: FinancialCalendar,
  measureIds: number[],
): Promise<{ current: Map<number, ReturnRecord[]>; subjects: Map<string, SignOffSubject> }> {
  const rows = await allRevisionRows(db, measureIds);
  const latest = new Map<string, RecordRow>();
  for (const row of rows) latest.set(`${row.measureId}|${row.period}`, row);
  const current = new Map<number, ReturnRecord[]>(measureIds.map((id) => [id, []]));
  const periodOf = storedPeriods(cal);
  for (const row of latest.values()) current.get(row.measureId)?.push(toRecord(cal, row, periodOf));
  return { current, subjects: signOffSubjects(rows) };
}

/**
 * Every revision of every return of the given measures (in the window, if any), grouped by measure id,
 * oldest first (summaries).
 */
export async function revisionHistory(
  db: Db,
  cal: FinancialCalendar,
  measureIds: number[],
  window?: RevisionWindow,
): Promise<Map<number, ReturnRecord[]>> {
  const out = new Map<number, ReturnRecord[]>(measureIds.map((id) => [id, []]));
  const periodOf = storedPeriods(cal);
  for (const row of await allRevisionRows(db, measureIds, window))
    out.get(row.measureId)?.push(toRecord(cal, row, periodOf));
  return out;
}

/** Every revision of one period's return, oldest first. */
export async function revisionsOf(
  db: Db,
  cal: FinancialCalendar,
  measureId: number,
  period: Period,
): Promise<ReturnRecord[]> {
  const rows = await prismaOf(db).return.findMany({
    where: { measureId, period: cal.format(period) },
    orderBy: { revision: 'asc' },
  });
  const periodOf = storedPeriods(cal);
  return rows.map((row) => toRecord(cal, row, periodOf));
}

/** Overrides keyed by `${measureId}|${period}`. */
export async function overridesFor(db: Db, measureIds: number[]): Promise<Map<string, OverrideRecord>> {
  const rows = await rawRows<OverrideRow>(
    db,
    Prisma.sql`SELECT * FROM "Override" WHERE ${inList('measureId', measureIds)}`,
  );
  return new Map(
    rows.map((o) => [
      `${o.measureId}|${o.period}`,
      { rag: o.rag as Rag, reason: o.reason, by: o.setBy, at: o.setAt.toISOString() },
    ]),
  );
}

/** What the audit trail keeps of a revision: its number and content. */
export function auditContent(r: ReturnContent & { revision: number }) {
  return {
    revision: r.revision,
    figures: r.figures,
    narrative: r.narrative,
    correctiveAction: r.correctiveAction,
    notAvailable: r.notAvailable,
    expectedDate: r.expectedDate,
  };
}

/** Whether a period is closed, with the coordinator's latest word on its quarter. */
export async function closureIn(
  db: Db | Tx,
  cal: FinancialCalendar,
  partnershipId: number,
  settings: PartnershipSettings,
  period: Period,
  at: { today: IsoDate },
): Promise<Closure> {
  const quarter = cal.format(closingQuarter(cal, period));
  const [row] = await rawRows<PeriodStateRow>(
    db,
    Prisma.sql`SELECT * FROM "PeriodState" WHERE "partnershipId" = ${partnershipId} AND "period" = ${quarter}`,
  );
  const state = row
    ? {
        state: row.state as PeriodStateRecord['state'],
        by: row.by,
        at: row.at.toISOString(),
        reason: row.reason,
      }
    : null;
  return periodClosure(cal, period, settings.summary.boardDates, state, at.today);
}
