// Sign-off in the conversation: the approver's card for a return, "approve 2.2 Q4", "send back 2.2 Q4:
// …", the coordinator's "reopen 2.2 Q4 because …", and "approvals" (what waits for me). Whatever a
// card or button says, the server looks the measure and period up again and re-checks who is acting.
import { checkText } from '../../domain/check-text.js';
import { suppressionThreshold, type Measure } from '../../domain/measure.js';
import type { Period } from '../../domain/period.js';
import {
  isUnapproved,
  SEND_BACK_COMMENT_MAX,
  type ReviewDecision,
  type SignOff,
} from '../../domain/sign-off.js';
import { readPartnershipView } from '../../app/partnership-view.js';
import { findMeasure } from '../../app/status-query.js';
import { decideReturn, signOffOfReturn, signOffs, type DecisionOutcome } from '../../store/review-store.js';
import { revisionsOf } from '../../store/return-store.js';
import { may, refuse } from '../actor-of.js';
import { submitSay, type Reply } from '../reply.js';
import type { Ctx } from '../handler-context.js';
import { ownerNotices, signOffText } from '../return-form/sign-off-text.js';
import { statusView } from '../status-view.js';
import { readsInFull, withoutCommentary } from './status.js';

const say = (text: string, buttons: { label: string; say: string }[] = []): Reply => ({
  kind: 'text',
  text,
  ...(buttons.length ? { buttons } : {}),
});

export interface Target {
  m: Measure;
  measureId: number;
  period: Period;
  label: string;
}

/**
 * The return a review intent is about: the period asked, else the latest one waiting for a decision
 * (`prefer`), else the latest stored.
 */
export async function reviewTarget(
  ctx: Ctx,
  ref: string,
  periodText: string | null,
  prefer: (s: SignOff) => boolean = isUnapproved,
): Promise<Target | Reply> {
  const { turn, deps } = ctx;
  const found = findMeasure(turn.partnership, ref);
  if (!found.ok) return say(found.error);
  const m = found.value;
  const measureId = turn.partnership.measureIds.get(m.ref) as number;
  if (periodText) {
    const view = await readPartnershipView(deps.db, turn.cal, turn.partnership, turn.today);
    const parsed = turn.cal.parse(periodText, { defaultYear: view.year });
    if (!parsed.ok) return say(parsed.error);
    if (turn.cal.frequencyOf(parsed.value) !== m.frequency)
      return say(`${m.ref} is reported ${m.frequency}: name one of its periods.`);
    return { m, measureId, period: parsed.value, label: turn.cal.format(parsed.value) };
  }
  const states = [...(await signOffs(deps.db, [measureId]))].flatMap(([key, s]) => {
    const parsed = turn.cal.parse(key.slice(key.indexOf('|') + 1));
    return parsed.ok ? [{ period: parsed.value, s }] : [];
  });
  states.sort((a, b) => turn.cal.compare(b.period, a.period));
  const chosen = states.find((x) => prefer(x.s)) ?? states[0];
  if (!chosen) return say(`No return of ${m.ref} is stored yet.`);
  return { m, measureId, period: chosen.period, label: turn.cal.format(chosen.period) };
}

/** The review card for the person speaking: Approve / Send back only for those who may decide. */
export async function reviewReply(ctx: Ctx, t: Target, commentError: string | null = null): Promise<Reply> {
  const { turn, deps } = ctx;
  const now = await signOffOfReturn(deps.db, t.measureId, t.label);
  if (!now) return say(`No return of ${t.m.ref} for ${t.label} is stored yet.`);
  const view = await readPartnershipView(deps.db, turn.cal, turn.partnership, turn.today);
  // Someone who may not read a sensitive return in full sees its channel-safe figures and no commentary.
  const full = readsInFull(turn, t.m);
  const suppressBelow = full
    ? null
    : suppressionThreshold(t.m, turn.partnership.settings.smallNumberThreshold);
  const figures = statusView(turn, view.statusAt(t.m, t.period), {
    chartUrl: null,
    suppressBelow,
    actions: [
      { label: 'History', say: `history ${t.m.ref} ${t.label}` },
      { label: 'Status', say: `status of ${t.m.ref} ${t.label}` },
    ],
  });
  const status = full ? figures : withoutCommentary(figures);
  const deciders = turn.partnership.people.filter((p) =>
    may({ ...turn, person: p, delegates: turn.delegates }, 'return.approve', t.m),
  );
  return {
    kind: 'review',
    view: {
      status,
      revision: now.revision,
      state: signOffText(turn, t.m, now.signOff),
      canDecide: now.signOff.kind !== 'approved' && may(turn, 'return.approve', t.m),
      deciders: deciders.map((p) => p.id),
      commentError,
    },
  };
}

export async function showReview(ctx: Ctx, ref: string, periodText: string | null): Promise<Reply[]> {
  const t = await reviewTarget(ctx, ref, periodText);
  if ('kind' in t) return [t];
  return [await reviewReply(ctx, t)];
}

/** A comment in quotes ending a sentence: "The March figure is missing." (no second full stop after it). */
const quoted = (comment: string): string => (/[.!?]$/.test(comment) ? `"${comment}"` : `"${comment}".`);

/** What the owner is told of each decision, with the button that follows it. */
function decisionWords(
  who: string,
  m: Measure,
  label: string,
  comment: string | null,
): Record<ReviewDecision, { text: string; say: string; label: string }> {
  return {
    approved: {
      text: `${who} approved ${m.ref} ${m.title} for ${label}: it is now locked.`,
      label: 'Status',
      say: `status of ${m.ref} ${label}`,
    },
    sentBack: {
      text: `${who} sent back ${m.ref} ${m.title} for ${label}: ${quoted(comment ?? '')} Please change it and submit again.`,
      label: 'Change the return',
      say: submitSay(m.ref, label),
    },
    reopened: {
      text: `${who} reopened ${m.ref} ${m.title} for ${label}${comment ? `: ${quoted(comment)}` : '.'} You can change it now.`,
      label: 'Change the return',
      say: submitSay(m.ref, label),
    },
  };
}

async function decide(
  ctx: Ctx,
  t: Target,
  decision: ReviewDecision,
  revision: number | null,
  comment: string | null,
): Promise<Reply[]> {
  const { turn, deps } = ctx;
  const { m, label } = t;
  const submitter = (await revisionsOf(deps.db, turn.cal, t.measureId, t.period)).at(-1)?.submittedBy ?? null;
  const w = decisionWords(turn.person.name, m, label, comment)[decision];
  const outcome = await decideReturn(deps.db, {
    partnershipId: turn.partnership.id,
    measureId: t.measureId,
    ref: m.ref,
    period: label,
    revision,
    decision,
    by: turn.person.id,
    at: turn.now,
    channel: turn.channel,
    comment,
    notices: (rev) => ownerNotices(turn, m, label, rev, submitter, w.text, [{ label: w.label, say: w.say }]),
  });
  return outcomeReplies(ctx, t, decision, outcome);
}

/** The answer to a decision, by what came of it. */
async function outcomeReplies(
  ctx: Ctx,
  t: Target,
  decision: ReviewDecision,
  outcome: DecisionOutcome,
): Promise<Reply[]> {
  const { turn } = ctx;
  const { m, label } = t;
  switch (outcome.kind) {
    case 'noReturn':
      return [say(`No return of ${m.ref} for ${label} is stored yet.`)];
    case 'changed':
      return [
        say(
          `${m.ref} ${label} changed since this was opened: revision ${outcome.revision} is current. Nothing was decided; here it is.`,
        ),
        await reviewReply(ctx, t),
      ];
    case 'notNow':
      return [
        say(
          decision === 'reopened'
            ? `${m.ref} ${label} is not approved, so it is open to change already.`
            : `${m.ref} ${label} is approved already. ${signOffText(turn, m, outcome.signOff)}`,
        ),
      ];
    case 'done':
      return [await reviewReply(ctx, t)];
    default: {
      const never: never = outcome;
      throw new Error(`unknown outcome ${JSON.stringify(never)}`);
    }
  }
}

export async function approve(
  ctx: Ctx,
  ref: string,
  periodText: string | null,
  revision: number | null,
): Promise<Reply[]> {
  const t = await decisionTarget(ctx, ref, periodText, 'approve');
  if ('kind' in t) return [t];
  return decide(ctx, t, 'approved', revision, null);
}

/** The return to approve or send back, when the person speaking may decide on it; else why not. */
async function decisionTarget(
  ctx: Ctx,
  ref: string,
  periodText: string | null,
  doing: 'approve' | 'send back',
): Promise<Target | Reply> {
  const t = await reviewTarget(ctx, ref, periodText);
  if ('kind' in t) return t;
  return may(ctx.turn, 'return.approve', t.m)
    ? t
    : refuse(ctx.turn, 'return.approve', `${doing} ${t.m.ref}`, t.m);
}

export async function sendBack(
  ctx: Ctx,
  ref: string,
  periodText: string | null,
  revision: number | null,
  comment: string | null,
): Promise<Reply[]> {
  const t = await decisionTarget(ctx, ref, periodText, 'send back');
  if ('kind' in t) return [t];
  if (!comment?.trim())
    return [
      await reviewReply(
        ctx,
        t,
        `Say what ${ctx.turn.partnership.people.find((p) => p.id === t.m.owner)?.name ?? 'the owner'} should change (it goes to them with the return): type it in the box, or say "send back ${t.m.ref} ${t.label}: …".`,
      ),
    ];
  const said = comment.trim();
  if (said.length > SEND_BACK_COMMENT_MAX)
    return [
      await reviewReply(
        ctx,
        t,
        `The comment is ${said.length.toLocaleString('en-GB')} characters: keep it to ${SEND_BACK_COMMENT_MAX.toLocaleString('en-GB')}. Nothing was sent back.`,
      ),
    ];
  const problem = checkText('The comment', said);
  if (problem) return [await reviewReply(ctx, t, `${problem}. Nothing was sent back.`)];
  return decide(ctx, t, 'sentBack', revision, said);
}

export async function reopenReturn(
  ctx: Ctx,
  ref: string,
  periodText: string | null,
  reason: string | null,
): Promise<Reply[]> {
  const t = await reviewTarget(ctx, ref, periodText, (s) => s.kind === 'approved');
  if ('kind' in t) return [t];
  if (!may(ctx.turn, 'return.reopen', t.m))
    return [refuse(ctx.turn, 'return.reopen', `reopen an approved return`, t.m)];
  if (!reason?.trim())
    return [say(`Say why, for the audit trail: "reopen ${t.m.ref} ${t.label} because …".`)];
  const problem = checkText('The reason', reason);
  if (problem) return [say(problem)];
  return decide(ctx, t, 'reopened', null, reason.trim());
}
