// A return's sign-off card: the figures as submitted and their status, the sign-off state, and for
// those who may decide a comment box with Approve / Send back. The card refreshes for each decider
// (Universal Actions, `refreshReview`, read-only), so a card seen by anyone else has no buttons.
import type { ReviewView } from '../../bot/reply.js';
import reviewJson from '../../../cards/review.json' with { type: 'json' };
import type { AdaptiveCard } from './card-types.js';
import { cardTemplate } from './expand-template.js';
import { executeAction, sayAction } from './execute-action.js';
import { ragText } from '../rag-style.js';

const template = cardTemplate(reviewJson, 'cards/review.json');

const orNull = (s: string | null): string | null => (s && s.trim() ? s : null);

/** `refreshUserIds`: the platform's ids of the deciders (Teams: `refresh.userIds`), at most five used. */
export function reviewCard(view: ReviewView, refreshUserIds: string[] = []): AdaptiveCard {
  const s = view.status;
  const target = { ref: s.ref, period: s.period, revision: view.revision };
  const decisions = view.canDecide
    ? [
        executeAction({
          title: 'Approve',
          verb: 'approveReturn',
          data: target,
          associatedInputs: 'none',
          style: 'positive',
        }),
        executeAction({ title: 'Send back', verb: 'sendBackReturn', data: target, style: 'destructive' }),
      ]
    : [];
  const card = template({
    heading: `${s.ref} ${s.title}`,
    subheading: [s.period, s.theme].filter((x) => x.trim()).join(' · '),
    state: view.state,
    rag: ragText(s.rag, s.ragLabel),
    figures: s.figures,
    notAvailable: orNull(s.notAvailable),
    narrative: orNull(s.narrative),
    correctiveAction: orNull(s.correctiveAction),
    submitted: s.submitted ? (s.imported ? s.submitted : `Submitted by ${s.submitted}`) : null,
    decide: view.canDecide ? { error: view.commentError } : null,
    actions: [...decisions, ...s.actions.map(sayAction)],
  });
  const refresh = {
    action: executeAction({
      title: 'Refresh',
      verb: 'refreshReview',
      data: { ref: s.ref, period: s.period },
    }),
    // At most five (Teams' advice).
    userIds: refreshUserIds.slice(0, 5),
  };
  return { ...card, refresh };
}
