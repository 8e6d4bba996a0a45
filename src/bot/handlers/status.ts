// "status of 2.2", "status 2.2 Q3", "how is ASB doing": find the measure(s) and show the status card.
import { suppressionThreshold, type Measure } from '../../domain/measure.js';
import { checkPeriodFor, type MeasureStatus } from '../../domain/status.js';
import { readPartnershipView, type PartnershipView } from '../../app/partnership-view.js';
import { findMeasure } from '../../app/status-query.js';
import { isIn } from '../../domain/partnership-calendar.js';
import { dueText } from '../../domain/period-state-text.js';
import { may, SENSITIVE_COMMENTARY } from '../actor-of.js';
import type { Turn } from '../conversation.js';
import { submitSay, type Reply, type SayButton, type StatusView } from '../reply.js';
import type { Ctx } from '../handler-context.js';
import { canSubmit } from '../return-form/return-actions.js';
import { signOffText } from '../return-form/sign-off-text.js';
import { statusView } from '../status-view.js';
import { searchMeasures } from '../measure-search.js';

export async function showStatus(ctx: Ctx, ref: string, periodText: string | null): Promise<Reply[]> {
  const { turn, deps } = ctx;
  const found = findMeasure(turn.partnership, ref);
  if (!found.ok)
    return [{ kind: 'text', text: `${found.error}. Try "how is ASB doing" to search by words.` }];
  const m = found.value;
  const view = await readPartnershipView(deps.db, turn.cal, turn.partnership, turn.today, [m]);
  let status = view.latestStatus(m);
  if (periodText) {
    const parsed = turn.cal.parse(periodText, { defaultYear: view.year });
    if (!parsed.ok) return [{ kind: 'text', text: parsed.error }];
    const fits = checkPeriodFor(turn.cal, m, parsed.value);
    if (!fits.ok) return [{ kind: 'text', text: fits.error }];
    const inPlan = view.calendar.inPlan(parsed.value);
    if (!inPlan.ok) return [{ kind: 'text', text: inPlan.error }];
    status = view.statusAt(m, parsed.value);
  }
  // Where the period stands in the reporting calendar, when it is not simply in (sign-off says the rest).
  const entry = view.calendar.entry(m, status.period);
  const standing = isIn(entry) ? null : `${turn.cal.format(status.period)}: ${dueText(entry)}`;
  const period = turn.cal.format(status.period);
  const signOff = signOffLine(ctx, m, status, view);
  const actions: SayButton[] = [];
  if (canSubmit(turn, m)) actions.push({ label: 'Submit return', say: submitSay(m.ref, period) });
  if (signOff?.review) actions.push(signOff.review);
  actions.push({
    label: 'Last quarter',
    say: `status of ${m.ref} ${turn.cal.format(turn.cal.previous(status.period))}`,
  });
  actions.push({ label: 'Exceptions', say: 'exceptions' });
  const sensitive = suppressionThreshold(m, turn.partnership.settings.smallNumberThreshold);
  const card = statusView(turn, status, {
    chartUrl: deps.chartUrl(m.ref, period, turn.now, turn.partnership.settings.id),
    suppressBelow: sensitive,
    actions,
    signOff: signOff?.text ?? standing,
  });
  return [{ kind: 'status', view: readsInFull(turn, m) ? card : withoutCommentary(card) }];
}

/**
 * Whether the person may read the measure's returns in full: its commentary and, on cards drawn only
 * for them, its exact small counts. Anyone may, unless the measure is sensitive.
 */
export const readsInFull = (turn: Turn, m: Measure): boolean =>
  !m.sensitive || may(turn, 'return.readFull', m);

/** A sensitive measure's commentary can name or identify people: a notice instead, for the others. */
export const withoutCommentary = (view: StatusView): StatusView => ({
  ...view,
  narrative: SENSITIVE_COMMENTARY,
  correctiveAction: null,
});

/**
 * The sign-off of the return the card shows (the latest inside its period), in the confirmation's
 * words, and for those who may approve it a Review button while it awaits them. Null for figures
 * imported with the plan (no sign-off asked for) and when no return is stored.
 */
function signOffLine(
  ctx: Ctx,
  m: Measure,
  status: MeasureStatus,
  view: PartnershipView,
): { text: string; review: SayButton | null } | null {
  const { turn } = ctx;
  if (!status.latest) return null;
  const period = turn.cal.format(status.latest.period);
  const signOff = view.signOffAt(m, status.latest.period);
  if (!signOff || signOff.kind === 'none') return null;
  const review =
    signOff.kind === 'awaiting' && may(turn, 'return.approve', m)
      ? { label: 'Review', say: `review ${m.ref} ${period}` }
      : null;
  return { text: signOffText(turn, m, signOff), review };
}

export async function searchStatus(ctx: Ctx, words: string, periodText: string | null): Promise<Reply[]> {
  const p = ctx.turn.partnership;
  const matches = searchMeasures(p.measures, p.themes, words);
  const only = matches[0];
  if (matches.length === 1 && only) return showStatus(ctx, only.ref, periodText);
  const suffix = periodText ? ` ${periodText}` : '';
  if (matches.length === 0) {
    const themes = ctx.turn.partnership.themes.map((t) => t.name).join(', ');
    return [
      {
        kind: 'text',
        text: `I found no measure about "${words}". Try a reference ("status of 2.2") or a theme: ${themes}.`,
      },
    ];
  }
  const shown = matches.slice(0, 10);
  const view = await readPartnershipView(ctx.deps.db, ctx.turn.cal, p, ctx.turn.today, shown);
  return [
    {
      kind: 'list',
      title: `${matches.length} measures match "${words}"`,
      intro: 'Which one?',
      sections: [
        {
          heading: 'Measures',
          items: shown.map((m) => ({
            text: `${m.ref} ${m.title}`,
            detail: [view.latestStatus(m).label, m.source].filter(Boolean).join(' · ') || null,
            rag: view.latestStatus(m).finalRag,
            button: { label: 'Status', say: `status of ${m.ref}${suffix}` },
          })),
        },
      ],
    },
  ];
}
