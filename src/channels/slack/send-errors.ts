// Sorts a Slack Web API error into what the delivery loop does next. Nothing that may have created a
// message is retried blindly: it is "unknown", and the DM's history is checked first.
import { webApi } from '@slack/bolt';
import type { SendResult } from '../../jobs/senders/sender.js';

// Never deliverable as things are: dead letter, and the coordinator is told.
const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'account_inactive',
  'user_not_found',
  'user_disabled',
  'users_not_found',
  'cannot_dm_bot',
  'invalid_blocks',
  'missing_scope',
  'msg_too_long',
  'no_text',
]);
// Slack says the operation may have partly happened.
const MAYBE_DONE = new Set(['internal_error', 'fatal_error', 'request_timeout', 'service_unavailable']);
// Refused before anything happened: safe to retry.
const NOT_SENT = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH/;

interface SlackErrorShape {
  code?: string;
  retryAfter?: number;
  statusCode?: number;
  data?: { error?: string };
  original?: Error & { cause?: { code?: string } };
}

/** `creates` is true for calls that create a message (chat.postMessage), false for look-ups. */
export function slackResult(e: unknown, creates: boolean): SendResult {
  const err = (e ?? {}) as SlackErrorShape;
  const text = e instanceof Error ? e.message : String(e);
  const maybe = (): SendResult =>
    creates ? { kind: 'unknown', error: text } : { kind: 'retry', error: text, retryAfterMs: null };
  switch (err.code) {
    case webApi.ErrorCode.RateLimitedError:
      return { kind: 'retry', error: text, retryAfterMs: (err.retryAfter ?? 1) * 1000 };
    case webApi.ErrorCode.PlatformError: {
      const code = err.data?.error ?? '';
      if (code === 'ratelimited') return { kind: 'retry', error: code, retryAfterMs: null };
      if (MAYBE_DONE.has(code)) return maybe();
      return PERMANENT.has(code) || code !== ''
        ? { kind: 'failed', error: `Slack: ${code}` }
        : { kind: 'unknown', error: text };
    }
    case webApi.ErrorCode.HTTPError:
      return (err.statusCode ?? 500) >= 500 ? maybe() : { kind: 'failed', error: text };
    case webApi.ErrorCode.RequestError: {
      const cause = `${err.original?.message ?? ''} ${err.original?.cause?.code ?? ''}`;
      return NOT_SENT.test(cause) ? { kind: 'retry', error: text, retryAfterMs: null } : maybe();
    }
    default:
      return maybe();
  }
}
