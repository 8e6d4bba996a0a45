// Signed links to the web return form. A link names one person and one return (a measure's period) by a
// random id kept in the database, signed with a secret of this deployment: `/return/<id>.<signature>`.
// No figure, name or measure is in the URL. A link works until it expires (RETURN_LINK_DAYS) or a
// coordinator revokes it; the form itself refuses once the return is approved.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { keepServerSecret } from '../../store/chart-key-store.js';
import type { Db } from '../../store/db.js';
import { createReturnLink, findReturnLink, type ReturnLinkRow } from '../../store/return-link-store.js';

export const RETURN_PATH = '/return';

export interface LinkFor {
  partnershipId: number;
  person: string;
  ref: string;
  period: string;
}

export type OpenedLink =
  | { ok: true; link: ReturnLinkRow }
  | { ok: false; why: 'invalid' | 'expired' | 'revoked'; link: ReturnLinkRow | null };

export interface ReturnLinks {
  /** A new link for this person and return, valid for `days` from `now`. */
  mint(to: LinkFor, now: Date): Promise<{ url: string; expiresAt: Date }>;
  /** The link's row when its signature holds and it is live. */
  open(token: string, now: Date): Promise<OpenedLink>;
}

export async function returnLinksKey(db: Db, now: Date): Promise<Buffer> {
  const secret = await keepServerSecret(db, 'return-links', randomBytes(32).toString('base64url'), now);
  return createHmac('sha256', secret).update('perfbot return form links v1').digest();
}

export function createReturnLinks(o: {
  db: Db;
  key: Buffer;
  baseUrl: () => string;
  days: number;
}): ReturnLinks {
  const sign = (id: string) => createHmac('sha256', o.key).update(id).digest('base64url').slice(0, 32);
  return {
    async mint(to, now) {
      const id = randomBytes(18).toString('base64url');
      const expiresAt = new Date(now.getTime() + o.days * 24 * 3600 * 1000);
      await createReturnLink(o.db, { id, ...to, createdAt: now, expiresAt });
      return { url: `${o.baseUrl()}${RETURN_PATH}/${id}.${sign(id)}`, expiresAt };
    },
    async open(token, now) {
      const [id = '', signature = ''] = token.split('.');
      const expected = Buffer.from(sign(id));
      const given = Buffer.from(signature);
      if (!/^[\w-]{24}$/.test(id) || given.length !== expected.length || !timingSafeEqual(given, expected))
        return { ok: false, why: 'invalid', link: null };
      const link = await findReturnLink(o.db, id);
      if (!link) return { ok: false, why: 'invalid', link: null };
      if (link.revokedAt) return { ok: false, why: 'revoked', link };
      if (link.expiresAt <= now) return { ok: false, why: 'expired', link };
      return { ok: true, link };
    },
  };
}
