// The web return form's links: one row per link (person, measure, period), so a link can expire and be
// revoked. The link itself carries only the row's id and a signature (channels/email/return-links.ts).
import type { Db } from './db.js';

export interface ReturnLinkRow {
  id: string;
  partnershipId: number;
  person: string;
  ref: string;
  period: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
}

export async function createReturnLink(db: Db, row: Omit<ReturnLinkRow, 'revokedAt' | 'revokedBy'>) {
  await db.returnLink.create({ data: row });
}

export async function findReturnLink(db: Db, id: string): Promise<ReturnLinkRow | null> {
  return db.returnLink.findUnique({ where: { id } });
}

/** Revokes the live links of a measure (all its periods), or of one person; returns how many. */
export async function revokeReturnLinks(
  db: Db,
  partnershipId: number,
  which: { ref?: string; person?: string },
  by: string,
  now: Date,
): Promise<number> {
  const { count } = await db.returnLink.updateMany({
    where: { partnershipId, revokedAt: null, expiresAt: { gt: now }, ...which },
    data: { revokedAt: now, revokedBy: by },
  });
  return count;
}
