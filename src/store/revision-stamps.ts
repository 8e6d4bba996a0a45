// What tells a kept result about a measure's returns is still current: the count and highest id of its
// revisions and of the reviews of them. Both tables are only ever added to (a correction is a new
// revision, a decision a new review; nothing updates or deletes their rows) and their ids are never
// reused, so any write, by this process or another, changes the stamp.
import type { Db } from './open-database.js';
import { inList, Prisma, rawRows } from './raw-rows.js';

type StampRow = { measureId: number; n: unknown; top: unknown };

const stampsOf = (db: Db, table: 'Return' | 'ReturnReview', measureIds: number[]) =>
  rawRows<StampRow>(
    db,
    Prisma.sql`SELECT "measureId", COUNT(*) AS "n", MAX("id") AS "top" FROM ${Prisma.raw(`"${table}"`)} WHERE ${inList('measureId', measureIds)} GROUP BY "measureId"`,
  );

/** Each measure's stamp: the same text while none of its revisions or reviews was added. */
export async function revisionStamps(db: Db, measureIds: number[]): Promise<Map<number, string>> {
  const [revisions, reviews] = await Promise.all([
    stampsOf(db, 'Return', measureIds),
    stampsOf(db, 'ReturnReview', measureIds),
  ]);
  const text = (rows: StampRow[]) =>
    new Map(rows.map((r) => [Number(r.measureId), `${String(r.n)}:${String(r.top)}`]));
  const byRevisions = text(revisions);
  const byReviews = text(reviews);
  return new Map(measureIds.map((id) => [id, `${byRevisions.get(id) ?? '0'}/${byReviews.get(id) ?? '0'}`]));
}
