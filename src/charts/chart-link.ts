// Chart image links carry a signature, so only links the bot handed out (in cards to a partnership's
// people) draw a partnership's figures; anyone else guessing a URL gets nothing.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface ChartLinks {
  statusUrl(ref: string, period: string): string;
  verify(ref: string, period: string, sig: string): boolean;
}

export function createChartLinks(baseUrl: () => string, key: Buffer): ChartLinks {
  const sign = (ref: string, period: string) =>
    createHmac('sha256', key).update(`status\n${ref}\n${period}`).digest('base64url').slice(0, 32);
  return {
    statusUrl: (ref, period) => {
      const q = new URLSearchParams({ ref, period, sig: sign(ref, period) });
      return `${baseUrl()}/chart/status.svg?${q.toString()}`;
    },
    verify: (ref, period, sig) => {
      const want = Buffer.from(sign(ref, period));
      const got = Buffer.from(sig);
      return got.length === want.length && timingSafeEqual(got, want);
    },
  };
}
