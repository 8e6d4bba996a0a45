// Chart image links. A status or theme chart is drawn by our server from the database, so its link
// carries no figures, only what to draw and a signature: only links the bot handed out (in cards to a
// partnership's people) draw a partnership's figures; anyone guessing a URL gets nothing. Other charts
// (summaries) travel as QuickChart links, to our /chart endpoint unless QUICKCHART_URL says otherwise.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ChartSpec } from './chart-spec.js';
import { quickChartUrl } from './quickchart-url.js';

export type SignedChart = 'status' | 'theme';

// The signature covers the partnership (`p`) too, so a link cannot be edited to draw another one's.
export interface ChartLinks {
  /** The PNG of a measure's year to date against target and last year, e.g. /chart/status.png?ref=2.2&… */
  statusUrl(ref: string, period: string, partnership?: string): string;
  /** The PNG of a theme's measures as small multiples. */
  themeUrl(theme: string, period: string, partnership?: string): string;
  /** A chart whose figures are in its configuration (a QuickChart link). */
  quickChartUrl(spec: ChartSpec): string;
  verify(kind: SignedChart, subject: string, period: string, sig: string, partnership?: string): boolean;
}

export interface ChartLinkOptions {
  /** Our address as chat clients reach it (PUBLIC_BASE_URL, else where the server listens). */
  baseUrl: () => string;
  /** An outside QuickChart service (QUICKCHART_URL), or null to draw on our own /chart endpoint. */
  quickChartBase: string | null;
  key: Buffer;
}

export function createChartLinks(o: ChartLinkOptions): ChartLinks {
  const sign = (kind: SignedChart, subject: string, period: string, partnership?: string) =>
    createHmac('sha256', o.key)
      .update(`${kind}\n${subject}\n${period}${partnership ? `\n${partnership}` : ''}`)
      .digest('base64url')
      .slice(0, 32);
  const link = (kind: SignedChart, param: 'ref' | 'theme', subject: string, period: string, p?: string) => {
    const q = new URLSearchParams({
      [param]: subject,
      period,
      ...(p ? { p } : {}),
      sig: sign(kind, subject, period, p),
    });
    return `${o.baseUrl()}/chart/${kind}.png?${q.toString()}`;
  };
  return {
    statusUrl: (ref, period, p) => link('status', 'ref', ref, period, p),
    themeUrl: (theme, period, p) => link('theme', 'theme', theme, period, p),
    quickChartUrl: (spec) => quickChartUrl(spec, o.quickChartBase ?? o.baseUrl()),
    verify: (kind, subject, period, sig, partnership) => {
      const want = Buffer.from(sign(kind, subject, period, partnership));
      const got = Buffer.from(sig);
      return got.length === want.length && timingSafeEqual(got, want);
    },
  };
}
