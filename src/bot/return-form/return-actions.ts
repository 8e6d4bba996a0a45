// Opening, checking and storing a return from a card: the owner's whole path from "submit 2.2" to
// the confirmation, with bad input sent back beside the field and nothing stored until it is right.
import { createHash } from 'node:crypto';
import { figureValue } from '../../domain/figures.js';
import { formatFigure } from '../../domain/format-figure.js';
import type { Measure } from '../../domain/measure.js';
import type { Period } from '../../domain/period.js';
import { plausibilityQuestion } from '../../domain/plausibility.js';
import type { ReturnRecord } from '../../domain/return-record.js';
import { computeStatus } from '../../domain/status.js';
import { readPartnershipView, type PartnershipView } from '../../app/partnership-view.js';
import { findMeasure, rulesFor } from '../../app/status-query.js';
import { closureIn } from '../../store/return-store.js';
import { may } from '../actor-of.js';
import type { Turn } from '../conversation.js';
import type { Ctx } from '../handler-context.js';
import type { CardAction, Reply } from '../reply.js';
import { personName } from '../status-view.js';
import { buildForm, comparators, emptyState, type FormState } from './build-form.js';
import { periodFor } from './return-period.js';
import { readForm, typedFrom, typedFromFigures, type FormReading } from './form-values.js';
import { closedRefusal, contentLine, lockedRefusal } from './sign-off-text.js';
import { storedReplies, storeReturn } from './store-return.js';

const text = (t: string, say?: string): Reply => ({
  kind: 'text',
  text: t,
  ...(say ? { buttons: [{ label: say, say }] } : {}),
});

/** The owner, the person the measure is delegated to ("delegate 2.2 to Joanne"), or a coordinator. */
export function canSubmit(turn: Turn, m: Measure): boolean {
  return may(turn, 'return.submit', m);
}

function refusal(turn: Turn, m: Measure): Reply {
  const owner = personName(turn, m.owner);
  return text(
    `Only ${owner} (the owner of ${m.ref}) or a coordinator can submit its return. You can still ask for its status.`,
    `status of ${m.ref}`,
  );
}

function tokenFor(turn: Turn, revision: number): string {
  return `${revision}.${createHash('sha256').update(`${turn.channel}:${turn.requestId}`).digest('hex').slice(0, 12)}`;
}

export async function openReturnForm(ctx: Ctx, ref: string | null, asked: string | null): Promise<Reply[]> {
  const { turn } = ctx;
  if (!ref) {
    const mine = turn.partnership.measures.filter((m) => m.owner === turn.person.id);
    if (mine.length === 0) return [text('Which measure? Say for example "submit 2.2".')];
    return [
      {
        kind: 'text',
        text: 'Which return would you like to submit?',
        buttons: mine.slice(0, 6).map((m) => ({ label: `${m.ref} ${m.title}`, say: `submit ${m.ref}` })),
      },
    ];
  }
  const found = findMeasure(turn.partnership, ref);
  if (!found.ok) return [text(found.error)];
  const m = found.value;
  if (!canSubmit(turn, m)) return [refusal(turn, m)];
  const view = await readPartnershipView(ctx.deps.db, turn.cal, turn.partnership, turn.today, [m]);
  const period = periodFor(turn, view, m, asked);
  if (!period.ok) return [text(period.error)];
  const shut = await whyUnchangeable(ctx, view, m, period.value);
  if (shut) return [text(shut)];
  const current = currentReturn(turn, view, m, period.value);
  // A new return starts empty but for what the plan knows (a rank's usual group size).
  const typed = current ? typedFromReturn(m, current) : typedFromFigures(m, null);
  const revision = (current?.revision ?? 0) + 1;
  return [
    {
      kind: 'returnForm',
      form: buildForm(turn, view, m, period.value, emptyState(typed, tokenFor(turn, revision - 1), revision)),
    },
  ];
}

/** What the card starts with when a return exists: its figures, commentary, or "not available" reason. */
function typedFromReturn(m: Measure, r: ReturnRecord): Record<string, string> {
  return {
    ...typedFromFigures(m, r.figures),
    narrative: r.narrative,
    correctiveAction: r.correctiveAction ?? '',
    ...(r.notAvailable
      ? { notAvailable: 'true', notAvailableReason: r.notAvailable, expected: r.expectedDate ?? '' }
      : {}),
  };
}

/** Why the return cannot change now (its period is closed, or it is approved), or null. */
async function whyUnchangeable(
  ctx: Ctx,
  view: PartnershipView,
  m: Measure,
  period: Period,
): Promise<string | null> {
  const { turn, deps } = ctx;
  const { partnership: p, cal } = turn;
  const closure = await closureIn(deps.db, cal, p.id, p.settings, period, turn);
  if (closure.closed) return closedRefusal(turn, closure);
  const now = view.signOffAt(m, period);
  if (now?.kind === 'approved') return lockedRefusal(turn, m.ref, cal.format(period), now.by, now.at);
  return null;
}

function currentReturn(turn: Turn, view: PartnershipView, m: Measure, period: Period): ReturnRecord | null {
  return (view.returns.get(m.ref) ?? []).find((r) => turn.cal.equals(r.period, period)) ?? null;
}

/** The measure and period a card action names, when the person may submit it and the period has ended. */
async function actionTarget(ctx: Ctx, action: CardAction): Promise<{ m: Measure; period: Period } | Reply[]> {
  const { turn } = ctx;
  const found = findMeasure(turn.partnership, String(action.data.ref ?? ''));
  if (!found.ok) return [text(`This card does not name a measure I know. ${found.error}`)];
  const m = found.value;
  if (!canSubmit(turn, m)) return [refusal(turn, m)];
  const parsed = turn.cal.parse(String(action.data.period ?? ''));
  if (!parsed.ok || turn.cal.frequencyOf(parsed.value) !== m.frequency) {
    return [
      text(
        `This card's period is not one of ${m.ref}'s: open a fresh card with "submit ${m.ref}".`,
        `submit ${m.ref}`,
      ),
    ];
  }
  const period = parsed.value;
  if (turn.cal.end(period) >= turn.today) {
    return [
      text(
        `${turn.cal.format(period)} has not ended yet (it ends ${turn.cal.end(period)}): its return opens the day after.`,
      ),
    ];
  }
  return { m, period };
}

/**
 * The form with the figures' preview status; `stop` when it must come back before anything is stored (a
 * RED or AMBER figure with no corrective action, or, on submit, a figure that asks "Are you sure?").
 */
function checkFigures(
  turn: Turn,
  view: PartnershipView,
  target: { m: Measure; period: Period },
  reading: FormReading,
  state: FormState,
  verb: CardAction['verb'],
): { checked: FormState; stop: FormState | null } {
  const { m, period } = target;
  const preview = reading.figures ? previewStatus(turn, view, m, period, reading) : null;
  const correctiveRequired = preview !== null && (preview.rag === 'red' || preview.rag === 'amber');
  const checked: FormState = { ...state, preview, correctiveRequired };
  if (correctiveRequired && !reading.correctiveAction) {
    const word = preview.rag.toUpperCase();
    const stop = {
      ...checked,
      errors: {
        correctiveAction: `These figures would make ${m.ref} ${word}: say what is being done about it`,
      },
    };
    return { checked, stop };
  }
  if (verb === 'submitReturn' && reading.figures) {
    const warnings = Object.entries(reading.figures).flatMap(([key, f]) => {
      const q = plausibilityQuestion(
        m.unit,
        figureValue(f, m.unit === 'percent'),
        comparators(turn, view, m, period, key),
        (v) => formatFigure(v, m.unit),
      );
      return q ? [q] : [];
    });
    if (warnings.length > 0) return { checked, stop: { ...checked, warnings } };
  }
  return { checked, stop: null };
}

export async function onReturnAction(ctx: Ctx, action: CardAction): Promise<Reply[]> {
  const { turn, deps } = ctx;
  const target = await actionTarget(ctx, action);
  if (Array.isArray(target)) return target;
  const { m, period } = target;
  const view = await readPartnershipView(deps.db, turn.cal, turn.partnership, turn.today, [m]);
  const inPlan = view.calendar.inPlan(period);
  if (!inPlan.ok) return [text(inPlan.error)];
  const token = String(action.data.token ?? '');
  const basedOn = Number.parseInt(token, 10);
  const current = currentReturn(turn, view, m, period);
  const revision = (current?.revision ?? 0) + 1;
  const reading = readForm(m, typedFrom(action.data));
  const state: FormState = { ...emptyState(reading.typed, token, revision), errors: reading.errors };
  const form = (s: FormState): Reply[] => [{ kind: 'returnForm', form: buildForm(turn, view, m, period, s) }];

  if (action.verb === 'editReturn') return form(state);
  if (Number.isNaN(basedOn))
    return form({
      ...state,
      token: tokenFor(turn, revision - 1),
      formError: 'This card is out of date: check the figures and submit again.',
    });
  if (Object.keys(reading.errors).length > 0) return form(state);
  const { checked, stop } = checkFigures(turn, view, target, reading, state, action.verb);
  if (stop) return form(stop);

  const label = turn.cal.format(period);
  const outcome = await storeReturn(ctx, target, reading, token, basedOn);
  if (outcome.kind === 'closed') return [text(closedRefusal(turn, outcome.closure))];
  if (outcome.kind === 'locked')
    return [text(lockedRefusal(turn, m.ref, label, outcome.approvedBy, outcome.approvedAt))];
  if (outcome.kind === 'conflict') {
    // Nothing of this card was stored: it comes back with what was typed, and says what is stored now.
    // A forced import names the file's submitter, who did not store it: say where it came from instead.
    const who = outcome.current?.imported
      ? 'An import of the plan file'
      : (personName(turn, outcome.submittedBy) ?? 'Someone');
    const now = outcome.current ? ` Now stored: ${contentLine(m, outcome.current)}.` : '';
    return form({
      ...checked,
      token: tokenFor(turn, outcome.revision),
      revision: outcome.revision + 1,
      formError: `This return changed since you opened it: ${who} stored revision ${outcome.revision}.${now} Nothing of yours was stored: check your figures below and submit again to replace it.`,
    });
  }
  return storedReplies(ctx, target, outcome);
}

function previewStatus(turn: Turn, view: PartnershipView, m: Measure, period: Period, reading: FormReading) {
  const others = (view.returns.get(m.ref) ?? []).filter((r) => !turn.cal.equals(r.period, period));
  const candidate: ReturnRecord = {
    period,
    figures: reading.figures,
    narrative: reading.narrative,
    correctiveAction: reading.correctiveAction,
    notAvailable: null,
    expectedDate: null,
    submittedBy: turn.person.id,
    submittedAt: turn.now.toISOString(),
    revision: 0,
  };
  return computeStatus({
    cal: turn.cal,
    measure: m,
    period,
    returns: [...others, candidate],
    override: null,
    rules: rulesFor(turn.partnership, m),
  });
}
