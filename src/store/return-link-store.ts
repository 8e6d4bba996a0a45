// The web return form's links: one row per link (person, measure, period), so a link can expire and be
// revoked. The link itself carries only the row's id and a signature (channels/email/return-links.ts).
import { auditedBy, recordAudit } from './audit-store.js';
import { prismaOf, type Db } from './db.js';
import { transaction } from './raw-rows.js';

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
  await prismaOf(db).returnLink.create({ data: row });
}

export async function findReturnLink(db: Db, id: string): Promise<ReturnLinkRow | null> {
  return prismaOf(db).returnLink.findUnique({ where: { id } });
}

/** Revokes the live links of a measure (all its periods), or of one person, with its audit event; how many. */
export async function revokeReturnLinks(
  db: Db,
  which: { ref?: string; person?: string },
  c: { partnershipId: number; by: string; at: Date; channel: string },
): Promise<number> {
  return transaction(db, async (tx) => {
    const { count } = await tx.returnLink.updateMany({
      where: { partnershipId: c.partnershipId, revokedAt: null, expiresAt: { gt: c.at }, ...which },
      data: { revokedAt: c.at, revokedBy: c.by },
    });
    await recordAudit(tx, {
      ...auditedBy(c),
      action: 'links.revoke',
      ref: which.ref ?? null,
      after: { person: which.person ?? null, revoked: count },
    });
    return count;
  });
}
