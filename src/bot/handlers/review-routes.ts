// Routes the sign-off, closed-period and history intents, and the review card's actions, to their
// handlers. A card's hidden fields only name what to look up: who acts is the turn's person.
import type { ReviewIntent } from '../parse-review-intent.js';
import type { CardAction, Reply } from '../reply.js';
import type { Ctx } from '../handler-context.js';
import { history } from './history.js';
import { closePeriod, reopenPeriod } from './period.js';
import { startYearTurn } from './start-year.js';
import { approvals } from './approvals.js';
import { approve, reopenReturn, sendBack, showReview } from './review.js';

export function onReviewIntent(ctx: Ctx, intent: ReviewIntent): Promise<Reply[]> {
  switch (intent.kind) {
    case 'approve':
      return approve(ctx, intent.ref, intent.period, intent.revision);
    case 'sendBack':
      return sendBack(ctx, intent.ref, intent.period, intent.revision, intent.comment);
    case 'review':
      return showReview(ctx, intent.ref, intent.period);
    case 'approvals':
      return approvals(ctx);
    case 'reopenReturn':
      return reopenReturn(ctx, intent.ref, intent.period, intent.reason);
    case 'reopenPeriod':
      return reopenPeriod(ctx, intent.period, intent.reason);
    case 'closePeriod':
      return closePeriod(ctx, intent.period, intent.reason);
    case 'history':
      return history(ctx, intent.ref, intent.period);
    case 'startYear':
      return startYearTurn(ctx, intent.year, intent.choices);
    default: {
      const never: never = intent;
      throw new Error(`unhandled review intent ${JSON.stringify(never)}`);
    }
  }
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** approveReturn, sendBackReturn (with the card's comment) and the read-only refreshReview. */
export function onReviewAction(ctx: Ctx, action: CardAction): Promise<Reply[]> {
  const ref = text(action.data.ref);
  const period = text(action.data.period) || null;
  const revision = Number.parseInt(text(action.data.revision) || String(action.data.revision ?? ''), 10);
  const seen = Number.isNaN(revision) ? null : revision;
  switch (action.verb) {
    case 'approveReturn':
      return approve(ctx, ref, period, seen);
    case 'sendBackReturn':
      return sendBack(ctx, ref, period, seen, text(action.data.comment) || null);
    default:
      return showReview(ctx, ref, period);
  }
}
