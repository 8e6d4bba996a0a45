// Signed, expiring download links of the board dashboard, handed to coordinators in chat. The signature
// (HMAC-SHA256) covers the partnership, period, format, person and expiry, so changing any of them, or
// waiting past the expiry, makes the link useless.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { periodSlug } from './dashboard-period.js';
import { keepServerSecret } from '../store/chart-key-store.js';
import type { Db } from '../store/open-database.js';

export const REPORTS_KEY_NAME = 'reports-signing-key';

export interface ReportLink {
  /** The partnership's slug, e.g. stockton. */
  partnership: string;
  /** The canonical period, e.g. "2015/16 Q4". */
  period: string;
  /** The file extension: html, csv, xlsx, docx... */
  ext: string;
  /** The person's key in the plan. */
  person: string;
}

export type LinkCheck =
  { ok: true } | { ok: false; code: 'unsigned' | 'tampered' | 'expired'; reason: string };

export interface ReportLinks {
  /** How long a link works, in minutes. */
  minutes: number;
  url(link: ReportLink, now: Date): string;
  /** Checks the query of a request (`by`, `expires`, `sig`) against the link it names. */
  check(link: Omit<ReportLink, 'person'>, query: URLSearchParams, now: Date): LinkCheck & { person: string };
}

export interface ReportLinkOptions {
  baseUrl: () => string;
  key: Buffer;
  minutes: number;
}

export function createReportLinks(o: ReportLinkOptions): ReportLinks {
  const sign = (l: ReportLink, expires: string) =>
    createHmac('sha256', o.key)
      .update(JSON.stringify(['report', l.partnership, l.period, l.ext, l.person, expires]))
      // Hex, not base64url: a link shown in a card's text must hold nothing Markdown reads ("_").
      .digest('hex');
  return {
    minutes: o.minutes,
    url: (l, now) => {
      const expires = String(Math.floor(now.getTime() / 1000) + o.minutes * 60);
      const q = new URLSearchParams({ by: l.person, expires, sig: sign(l, expires) });
      const path = `/reports/${encodeURIComponent(l.partnership)}/${encodeURIComponent(periodSlug(l.period))}.${l.ext}`;
      return `${o.baseUrl()}${path}?${q.toString()}`;
    },
    check: (l, q, now) => {
      const person = q.get('by') ?? '';
      const expires = q.get('expires') ?? '';
      const sig = q.get('sig') ?? '';
      if (!person || !expires || !sig)
        return {
          ok: false,
          person,
          code: 'unsigned',
          reason:
            'This link is not signed: coordinators get a download link by saying "dashboard" to the bot.',
        };
      const want = Buffer.from(sign({ ...l, person }, expires));
      const got = Buffer.from(sig);
      if (!/^\d{1,12}$/.test(expires) || got.length !== want.length || !timingSafeEqual(got, want))
        return {
          ok: false,
          person,
          code: 'tampered',
          reason:
            'This link has been changed since the bot signed it: say "dashboard" to the bot for a new one.',
        };
      if (now.getTime() > Number(expires) * 1000)
        return {
          ok: false,
          person,
          code: 'expired',
          reason: `This link expired at ${new Date(Number(expires) * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC: say "dashboard" to the bot for a new one.`,
        };
      return { ok: true, person };
    },
  };
}

/**
 * The key that signs report links: from REPORTS_SIGNING_KEY when the operator sets one, else a random
 * secret made on first start and kept in the database, so links survive a restart.
 */
export async function reportSigningKey(db: Db, configured: string | undefined, now: Date): Promise<Buffer> {
  const secret =
    configured ?? (await keepServerSecret(db, REPORTS_KEY_NAME, randomBytes(32).toString('base64url'), now));
  // A key for this one purpose: the same secret could sign something else without links being forged.
  return createHmac('sha256', secret).update('perfbot report links v1').digest();
}
