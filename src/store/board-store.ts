// What the board saw (see domain/board-snapshot.ts): written once per measure and closed quarter, never
// updated, so a later revision can be shown against it.
import type { BoardView } from '../domain/board-view.js';
import type { Db } from './open-database.js';
import { prismaOf } from './db.js';
import { inList, Prisma, rawRows, transaction } from './raw-rows.js';
import type { BoardSnapshot } from '../generated/prisma/client.js';

export interface BoardRow {
  ref: string;
  /** The measure's period for the quarter: the quarter, or the year for annual measures. */
  period: string;
  quarter: string;
  view: BoardView;
}

/** The snapshots of the partnership's measures (`refs`, else all), keyed `${ref}|${period}`. */
export async function boardViews(
  db: Db,
  partnershipId: number,
  refs?: string[],
): Promise<Map<string, BoardView>> {
  const ofRefs = refs ? Prisma.sql` AND ${inList('ref', refs)}` : Prisma.empty;
  const rows = await rawRows<BoardSnapshot>(
    db,
    Prisma.sql`SELECT * FROM "BoardSnapshot" WHERE "partnershipId" = ${partnershipId}${ofRefs}`,
  );
  return new Map(rows.map((r) => [`${r.ref}|${r.period}`, JSON.parse(r.seen) as BoardView]));
}

/** The quarters that have their snapshot already. */
export async function snapshotQuarters(db: Db, partnershipId: number): Promise<Set<string>> {
  const rows = await prismaOf(db).boardSnapshot.findMany({
    where: { partnershipId, ref: '' },
    select: { period: true },
  });
  return new Set(rows.map((r) => r.period));
}

/**
 * Writes the snapshot of one closed quarter, unless it is there already (a second scheduler, a retry):
 * one row per measure, and a marker row (ref "") that says the quarter is done.
 */
export async function saveQuarterSnapshot(
  db: Db,
  partnershipId: number,
  quarter: string,
  rows: BoardRow[],
  at: Date,
): Promise<boolean> {
  return transaction(db, async (tx) => {
    const marker = { partnershipId_period_ref: { partnershipId, period: quarter, ref: '' } };
    if (await tx.boardSnapshot.findUnique({ where: marker })) return false;
    await tx.boardSnapshot.create({
      data: { partnershipId, period: quarter, ref: '', seen: '{}', takenAt: at },
    });
    for (const r of rows) {
      const key = { partnershipId_period_ref: { partnershipId, period: r.period, ref: r.ref } };
      if (await tx.boardSnapshot.findUnique({ where: key })) continue;
      await tx.boardSnapshot.create({
        data: { partnershipId, period: r.period, ref: r.ref, seen: JSON.stringify(r.view), takenAt: at },
      });
    }
    return true;
  });
}
