// How a platform gets a chart image: it fetches our URL, or the bot uploads the PNG (Slack files, an
// inline image in Teams) where the platform cannot reach us: Slack in Socket Mode, or a server without
// a public https address. The local chat's browser always fetches from us.
import type { Config } from '../config.js';

export type ChartDelivery = 'url' | 'upload';

/** What a channel needs to deliver charts: the mode, and the PNG behind one of our image URLs. */
export interface ChartImages {
  delivery: ChartDelivery;
  /** Whether the URL is one of our chart images (a cheap check, before drawing it). */
  owns(url: string): boolean;
  imageFor(url: string): Promise<Buffer | null>;
}

type DeliveryConfig = Pick<Config, 'CHART_DELIVERY' | 'PUBLIC_BASE_URL' | 'SLACK_APP_TOKEN'>;

const PRIVATE_HOST =
  /^(localhost|.*\.local|.*\.internal|.*\.lan|127\.\d+\.\d+\.\d+|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|\[?::1\]?|\[?f[cd][0-9a-f]*:.*)$/i;

/** An https address on a host the internet can reach (not loopback, not a private network). */
export function isPublicHttps(url: string | undefined): boolean {
  if (!url) return false;
  const at = new URL(url);
  return at.protocol === 'https:' && !PRIVATE_HOST.test(at.hostname);
}

export function chartDelivery(
  platform: 'slack' | 'teams',
  c: DeliveryConfig,
  localMode: boolean,
): ChartDelivery {
  if (platform === 'teams' && localMode) return 'url';
  if (c.CHART_DELIVERY !== 'auto') return c.CHART_DELIVERY;
  if (platform === 'slack' && c.SLACK_APP_TOKEN) return 'upload';
  return isPublicHttps(c.PUBLIC_BASE_URL) ? 'url' : 'upload';
}
