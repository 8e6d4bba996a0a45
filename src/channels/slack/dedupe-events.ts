// Slack redelivers an event it thinks was missed (X-Slack-Retry-Num). Each event id is claimed in the
// database (not in memory: a second instance or a restart still sees it), so an event is handled once;
// a claim whose handling failed is released, and one abandoned by a process that died is taken over, so
// a later retry is processed (app/inbound-claims.ts). Slack is acknowledged at once: no waiting here.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { EventEnvelopeSchema } from './payloads.js';
import type { SlackDeps } from './slack-deps.js';

export function dedupeEvents(deps: SlackDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const envelope = EventEnvelopeSchema.safeParse(body);
    if (!envelope.success) return next();
    const { event_id: eventId, team_id: teamId = '' } = envelope.data;
    const key = `slack|${teamId}|${eventId}`;
    if ((await deps.claims.claim(key, 0)) !== 'mine') {
      deps.log.info({ eventId, retryNum: context.retryNum }, 'repeated slack event handled once');
      return;
    }
    try {
      await next();
    } catch (e) {
      await deps.claims.release(key);
      throw e;
    }
    await deps.claims.finish(key);
  };
}
