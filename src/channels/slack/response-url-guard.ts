// Bolt builds `respond` from whatever response_url a request carries and posts to it. Only Slack's own
// hosts (https, *.slack.com) or the host of SLACK_API_URL (tests, a proxy) are trusted: a request whose
// response_url points anywhere else is acknowledged, logged and answered nowhere, so a leaked signing
// secret cannot turn the bot into a way to post to other machines.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../log.js';

function urlOf(value: unknown): URL | null {
  if (typeof value !== 'string') return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

const isSlackHost = (host: string) => host === 'slack.com' || host.endsWith('.slack.com');

export function responseUrlAllowed(value: unknown, apiUrl: string | undefined): boolean {
  const url = urlOf(value);
  if (!url || url.username || url.password) return false;
  if (url.protocol === 'https:' && url.port === '' && isSlackHost(url.hostname)) return true;
  const api = urlOf(apiUrl);
  return api !== null && url.protocol === api.protocol && url.host === api.host;
}

/** The response URLs bolt would post to: `response_url`, or a view submission's `response_urls`. */
function responseUrlsOf(body: unknown): unknown[] {
  if (!body || typeof body !== 'object') return [];
  const { response_url: one, response_urls: many } = body as Record<string, unknown>;
  const listed = Array.isArray(many)
    ? many.map((r: unknown) => (r && typeof r === 'object' ? (r as Record<string, unknown>).response_url : r))
    : [];
  return [one, ...listed].filter((u) => u !== undefined && u !== null && u !== '');
}

export function guardResponseUrl(log: Logger, apiUrl: string | undefined): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const refused = responseUrlsOf(args.body).find((u) => !responseUrlAllowed(u, apiUrl));
    if (refused === undefined) return args.next();
    log.warn({ host: urlOf(refused)?.host ?? 'not a URL' }, 'response_url refused: not a Slack host');
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
  };
}
