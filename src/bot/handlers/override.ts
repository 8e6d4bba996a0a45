// "override 2.2 to amber because …" and "clear override 2.2": a coordinator or the chair sets the status
// the board reads beside the computed one, always with a reason; each set and clear is audited.
import { checkText } from '../../domain/check-text.js';
import type { Measure } from '../../domain/measure.js';
import type { Parsed, Period } from '../../domain/period.js';
import type { Rag } from '../../domain/plan-schema.js';
import { ragWordsOf } from '../../domain/rag.js';
import { checkPeriodFor } from '../../domain/status.js';
import { readPartnershipView, type PartnershipView } from '../../app/partnership-view.js';
import { findMeasure } from '../../app/status-query.js';
import { changeOverride } from '../../store/override-store.js';
import { may, refuse } from '../actor-of.js';
import type { Reply } from '../reply.js';
import type { Ctx } from '../handler-context.js';

const OVERRIDABLE = ['red', 'amber', 'green'] as const;

const say = (text: string, buttons: { label: string; say: string }[] = []): Reply[] => [
  { kind: 'text', text, ...(buttons.length ? { buttons } : {}) },
];

/** "AMBER (Some concerns)", in the partnership's words. */
const word = (ctx: Ctx, rag: Rag) =>
  rag === 'none'
    ? 'no RAG'
    : `${rag.toUpperCase()} (${ragWordsOf(ctx.turn.partnership.settings.ragWords)[rag]})`;

/** The period asked (it must be one of the measure's and have ended), else the latest the status shows. */
function periodOf(ctx: Ctx, view: PartnershipView, m: Measure, asked: string | null): Parsed<Period> {
  const { cal, today } = ctx.turn;
  if (!asked) return { ok: true, value: view.latestStatus(m).period };
  const parsed = cal.parse(asked, { defaultYear: view.year });
  if (!parsed.ok) return parsed;
  const fits = checkPeriodFor(cal, m, parsed.value);
  if (!fits.ok) return fits;
  if (cal.end(parsed.value) >= today)
    return {
      ok: false,
      error: `${cal.format(parsed.value)} has not ended yet: there is no status to override.`,
    };
  return parsed;
}

async function target(ctx: Ctx, ref: string, asked: string | null) {
  const { turn } = ctx;
  const found = findMeasure(turn.partnership, ref);
  if (!found.ok) return { error: found.error };
  const view = await readPartnershipView(ctx.deps.db, turn.cal, turn.partnership, turn.today);
  const period = periodOf(ctx, view, found.value, asked);
  if (!period.ok) return { error: period.error };
  return { m: found.value, period: period.value, view };
}

export async function setOverride(
  ctx: Ctx,
  ref: string,
  asked: string | null,
  ragSaid: string,
  reason: string | null,
): Promise<Reply[]> {
  const { turn, deps } = ctx;
  if (!may(turn, 'override.change')) return [refuse(turn, 'override.change', 'override a status')];
  const rag = OVERRIDABLE.find((r) => r === ragSaid);
  if (!rag)
    return say(
      `"${ragSaid}" is not a status I can set: say red, amber or green, e.g. "override ${ref} to amber because …".`,
    );
  if (!reason)
    return say(`Say why the status differs from the computed one: "override ${ref} to ${rag} because …".`);
  const problem = checkText('The reason', reason);
  if (problem) return say(problem);
  const t = await target(ctx, ref, asked);
  if ('error' in t) return say(t.error ?? '');
  const period = turn.cal.format(t.period);
  const computed = t.view.statusAt(t.m, t.period);
  await changeOverride(deps.db, {
    partnershipId: turn.partnership.id,
    measureId: turn.partnership.measureIds.get(t.m.ref) as number,
    ref: t.m.ref,
    period,
    rag,
    reason,
    by: turn.person.id,
    channel: turn.channel,
    at: turn.now,
  });
  return say(
    `${t.m.ref} ${period} now shows ${word(ctx, rag)} instead of the computed ${word(ctx, computed.rag)}, because "${reason}". The change is in the audit trail; "clear override ${t.m.ref} ${period}" undoes it.`,
    [{ label: `Status of ${t.m.ref}`, say: `status of ${t.m.ref} ${period}` }],
  );
}

export async function clearOverride(
  ctx: Ctx,
  ref: string,
  asked: string | null,
  reason: string | null,
): Promise<Reply[]> {
  const { turn, deps } = ctx;
  if (!may(turn, 'override.change')) return [refuse(turn, 'override.change', 'clear a status override')];
  const problem = checkText('The reason', reason ?? '');
  if (problem) return say(problem);
  const t = await target(ctx, ref, asked);
  if ('error' in t) return say(t.error ?? '');
  const period = turn.cal.format(t.period);
  const measureId = turn.partnership.measureIds.get(t.m.ref) as number;
  if (!t.view.overrides.has(`${measureId}|${period}`))
    return say(`${t.m.ref} ${period} has no override to clear.`, [
      { label: `Status of ${t.m.ref}`, say: `status of ${t.m.ref} ${period}` },
    ]);
  await changeOverride(deps.db, {
    partnershipId: turn.partnership.id,
    measureId,
    ref: t.m.ref,
    period,
    rag: null,
    reason: reason ?? 'cleared',
    by: turn.person.id,
    channel: turn.channel,
    at: turn.now,
  });
  const computed = t.view.statusAt(t.m, t.period);
  return say(
    `The override of ${t.m.ref} ${period} is cleared: it shows its computed status, ${word(ctx, computed.rag)}.`,
    [{ label: `Status of ${t.m.ref}`, say: `status of ${t.m.ref} ${period}` }],
  );
}
