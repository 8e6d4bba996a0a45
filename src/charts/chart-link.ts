// Chart image links. A status or theme chart is drawn by our server from the database, so its link
// carries no figures, only what to draw, when the link stops working (`e`, CHART_LINK_DAYS after it was
// made: chat clients fetch a card's image again whenever an old message is shown, so it lasts days, not
// minutes) and a signature: only links the bot handed out (in cards to a partnership's people) draw a
// partnership's figures; anyone guessing or editing a URL gets nothing. Other charts (summaries) travel
// as QuickChart links, to our /chart endpoint unless QUICKCHART_URL says otherwise; on our endpoint they
// carry a signature too, so the endpoint knows them for the bot's own (drawn first, never rate-limited).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ChartSpec } from './chart-spec.js';
import { quickChartUrl } from './quickchart-url.js';

export type SignedChart = 'status' | 'theme';

/** What a signed link asks for: read from its query by the chart endpoint. */
export interface SignedLink {
  kind: SignedChart;
  subject: string;
  period: string;
  /** The partnership's id (`p`); absent in a single-partnership deployment's older links. */
  partnership?: string;
  /** `e`: when the link stops working, in seconds since 1970. */
  expires: string;
  sig: string;
}

export type LinkVerdict =
  { ok: true } | { ok: false; reason: 'tampered' } | { ok: false; reason: 'expired'; at: Date };

// The signature covers the partnership (`p`) and the expiry too, so a link cannot be edited to draw
// another one's figures or to last longer.
export interface ChartLinks {
  /** The PNG of a measure's year to date against target and last year, e.g. /chart/status.png?ref=2.2&… */
  statusUrl(ref: string, period: string, now: Date, partnership?: string): string;
  /** The PNG of a theme's measures as small multiples. */
  themeUrl(theme: string, period: string, now: Date, partnership?: string): string;
  /** A chart whose figures are in its configuration (a QuickChart link). */
  quickChartUrl(spec: ChartSpec): string;
  verify(link: SignedLink, now: Date): LinkVerdict;
  /** Whether a /chart query carries our signature (a QuickChart link the bot made). */
  isOwnQuickChart(q: URLSearchParams): boolean;
}

export interface ChartLinkOptions {
  /** Our address as chat clients reach it (PUBLIC_BASE_URL, else where the server listens). */
  baseUrl: () => string;
  /** An outside QuickChart service (QUICKCHART_URL), or null to draw on our own /chart endpoint. */
  quickChartBase: string | null;
  key: Buffer;
  /** How long a link draws (CHART_LINK_DAYS). */
  days: number;
}

export function createChartLinks(o: ChartLinkOptions): ChartLinks {
  const sign = (l: Omit<SignedLink, 'sig'>) =>
    createHmac('sha256', o.key)
      .update(JSON.stringify(['chart', l.kind, l.subject, l.period, l.partnership ?? '', l.expires]))
      .digest('base64url')
      .slice(0, 32);
  const link = (kind: SignedChart, subject: string, period: string, now: Date, p?: string) => {
    const expires = String(Math.floor(now.getTime() / 1000) + o.days * 86_400);
    const q = new URLSearchParams({
      [kind === 'status' ? 'ref' : 'theme']: subject,
      period,
      ...(p ? { p } : {}),
      e: expires,
      sig: sign({ kind, subject, period, partnership: p, expires }),
    });
    return `${o.baseUrl()}/chart/${kind}.png?${q.toString()}`;
  };
  // Over every parameter but the signature, in a fixed order, so re-encoding the query changes nothing.
  const signQuery = (q: URLSearchParams) =>
    createHmac('sha256', o.key)
      .update(JSON.stringify(['quickchart', ...[...q].filter(([k]) => k !== 'sig').sort()]))
      .digest('base64url')
      .slice(0, 32);
  const sameSig = (a: string, b: string) =>
    a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
  return {
    statusUrl: (ref, period, now, p) => link('status', ref, period, now, p),
    themeUrl: (theme, period, now, p) => link('theme', theme, period, now, p),
    quickChartUrl: (spec) => {
      const url = new URL(quickChartUrl(spec, o.quickChartBase ?? o.baseUrl()));
      if (o.quickChartBase === null) url.searchParams.set('sig', signQuery(url.searchParams));
      return url.toString();
    },
    isOwnQuickChart: (q) => sameSig(q.get('sig') ?? '', signQuery(q)),
    verify: (l, now) => {
      if (!/^\d{1,12}$/.test(l.expires) || !sameSig(l.sig, sign(l))) return { ok: false, reason: 'tampered' };
      const at = new Date(Number(l.expires) * 1000);
      return now.getTime() > at.getTime() ? { ok: false, reason: 'expired', at } : { ok: true };
    },
  };
}
