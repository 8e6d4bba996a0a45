// Reminder requests in the conversation: owners snooze ("remind me on Monday"), say a return is not
// available until a date, or delegate a measure; coordinators nudge now ("remind all", "remind 2.2")
// and pause or resume a partnership's reminders. Messages they cause go through the outbox.
import { checkText } from '../../domain/check-text.js';
import { isoDateOf } from '../../domain/iso-date.js';
import { findPersonNamed } from '../../domain/reminders/reminder-delegate.js';
import { resolveDay } from '../../domain/reminders/reminder-day.js';
import { isAwaited } from '../../domain/reminders/reminder-late.js';
import { manualNudges } from '../../domain/reminders/reminder-nudge.js';
import type { ReminderObligation } from '../../domain/reminders/reminder-obligations.js';
import { longDate } from '../../domain/reminders/reminder-time.js';
import type { Measure } from '../../domain/measure.js';
import { findMeasure } from '../../app/status-query.js';
import type { NewOutboxMessage } from '../../store/outbox-store.js';
import { delegateWithNotices, writeNudges } from '../../store/reminder-requests.js';
import { readReminderState } from '../../store/reminder-state.js';
import { saveSnoozes, setRemindersPaused } from '../../store/reminder-store.js';
import { submitRevision } from '../../store/submit-revision.js';
import { revisionsOf } from '../../store/return-store.js';
import { may, refuse } from '../actor-of.js';
import type { Reply } from '../reply.js';
import { REASON_MAX } from '../return-form/form-values.js';
import type { Ctx } from '../handler-context.js';
import { canSubmit } from '../return-form/return-actions.js';
import { closedRefusal, lockedRefusal } from '../return-form/sign-off-text.js';
import { personName } from '../status-view.js';

const say = (text: string, buttons: { label: string; say: string }[] = []): Reply[] => [
  { kind: 'text', text, ...(buttons.length ? { buttons } : {}) },
];

const listOf = (os: { ref: string; period: string }[]) => os.map((o) => `${o.ref} ${o.period}`).join(', ');

async function awaited(ctx: Ctx): Promise<ReminderObligation[]> {
  const { turn } = ctx;
  const state = await readReminderState(ctx.deps.db, turn.partnership, turn.now, turn.today);
  return state.obligations.filter((o) => isAwaited(o, turn.today));
}

const sameRef = (ref: string | null) => (o: ReminderObligation) =>
  ref === null || o.ref.toLowerCase() === ref.toLowerCase();

export async function snooze(ctx: Ctx, ref: string | null, when: string): Promise<Reply[]> {
  const { turn } = ctx;
  const day = resolveDay(when, turn.today);
  if (!day.ok) return say(day.error);
  const mine = (await awaited(ctx)).filter((o) => o.recipient === turn.person.id).filter(sameRef(ref));
  if (mine.length === 0) {
    const what = ref ? `no return of ${ref}` : 'no returns';
    return say(`You have ${what} waiting, so there is nothing to snooze.`, [
      { label: 'My returns', say: 'my returns' },
    ]);
  }
  await saveSnoozes(ctx.deps.db, turn.partnership.id, turn.person.id, mine, day.value, turn.now);
  return say(
    `OK: no reminders about ${listOf(mine)} until ${longDate(day.value)}. I will remind you that morning.`,
  );
}

function chooseReturn(ctx: Ctx, open: ReminderObligation[], ref: string | null, period: string | null) {
  const { turn } = ctx;
  const mine = open.filter((o) => (ref ? sameRef(ref)(o) : o.recipient === turn.person.id));
  const wanted = period ? turn.cal.parse(period) : null;
  if (wanted && !wanted.ok) return { error: wanted.error };
  const chosen = wanted ? mine.filter((o) => o.period === turn.cal.format(wanted.value)) : mine;
  if (chosen.length === 1) return { obligation: chosen[0] as ReminderObligation };
  if (chosen.length === 0)
    return {
      error: `There is no return ${ref ? `of ${ref} ` : ''}waiting${period ? ` for ${period}` : ''}.`,
    };
  const which = chosen.map((o) => `"${o.ref} ${o.period} not available until …"`).join(' or ');
  return { error: `Which return? Say ${which}.` };
}

export async function notAvailableUntil(
  ctx: Ctx,
  ref: string | null,
  period: string | null,
  when: string,
  reason: string | null,
): Promise<Reply[]> {
  const { turn, deps } = ctx;
  const problem = checkText('The reason', reason ?? '', REASON_MAX);
  if (problem) return say(problem);
  const day = resolveDay(when, turn.today);
  if (!day.ok) return say(day.error);
  const chosen = chooseReturn(ctx, await awaited(ctx), ref, period);
  if ('error' in chosen) return say(chosen.error ?? '');
  const o = chosen.obligation;
  const m = turn.partnership.measures.find((x) => x.ref === o.ref) as Measure;
  if (!canSubmit(turn, m)) return [refuse(turn, 'return.submit', 'say that', m)];
  const parsed = turn.cal.parse(o.period);
  if (!parsed.ok) return say(parsed.error);
  const measureId = turn.partnership.measureIds.get(m.ref) as number;
  const revisions = await revisionsOf(deps.db, turn.cal, measureId, parsed.value);
  const said = reason ?? `Not available until ${longDate(day.value)}`;
  const outcome = await submitRevision(
    deps.db,
    turn.cal,
    {
      measureId,
      period: parsed.value,
      figures: null,
      narrative: revisions[revisions.length - 1]?.narrative ?? '',
      correctiveAction: null,
      notAvailable: said,
      expectedDate: day.value,
      submittedBy: turn.person.id,
      submittedAt: turn.now,
      source: turn.channel,
      requestKey: `na:${m.ref}:${o.period}:${turn.person.id}:${turn.requestId}`,
      onlyIfChanged: false,
    },
    revisions[revisions.length - 1]?.revision ?? 0,
    { today: turn.today },
  );
  if (outcome.kind === 'closed') return say(closedRefusal(turn, outcome.closure));
  if (outcome.kind === 'locked')
    return say(lockedRefusal(turn, m.ref, o.period, outcome.approvedBy, outcome.approvedAt));
  if (outcome.kind === 'conflict')
    return say('Someone stored this return a moment ago: please say it again.');
  return say(
    `Noted on the return: ${m.ref} ${o.period} is not available until ${longDate(day.value)} ("${said}"). No chasers until then; I will remind you that day.`,
    [{ label: `Status of ${m.ref}`, say: `status of ${m.ref} ${o.period}` }],
  );
}

function delegationNotices(ctx: Ctx, m: Measure, to: string, owner: string): NewOutboxMessage[] {
  const { turn } = ctx;
  const by = turn.person.name;
  const ownerName = personName(turn, owner) ?? owner;
  const toName = personName(turn, to) ?? to;
  const notices: { recipient: string; text: string }[] = [];
  if (to !== owner)
    notices.push({
      recipient: to,
      text: `${by} has delegated ${m.ref} ${m.title} to you: you will get its reminders and can submit its returns (say "submit ${m.ref}").`,
    });
  if (turn.person.id !== owner)
    notices.push({
      recipient: owner,
      text:
        to === owner
          ? `${by} has given ${m.ref} ${m.title} back to you: its reminders come to you again.`
          : `${by} has delegated ${m.ref} ${m.title} to ${toName}: ${toName} gets its reminders and can submit its returns. You can still submit too (${ownerName}).`,
    });
  return notices.map((n) => ({
    key: `notice:delegate:${m.ref}:${to}:${turn.requestId}:${n.recipient}`,
    partnershipId: turn.partnership.id,
    kind: 'notice',
    recipient: n.recipient,
    ref: m.ref,
    period: null,
    stage: null,
    payload: { kind: 'notice', text: n.text, buttons: [] },
  }));
}

export async function delegate(ctx: Ctx, ref: string, toSaid: string | null): Promise<Reply[]> {
  const { turn, deps } = ctx;
  const found = findMeasure(turn.partnership, ref);
  if (!found.ok) return say(found.error);
  const m = found.value;
  if (!may(turn, 'delegation.change', m)) return [refuse(turn, 'delegation.change', 'delegate it', m)];
  const to = toSaid === null ? null : findPersonNamed(turn.partnership.people, toSaid);
  if (to && !to.ok) return say(to.error);
  const delegateKey = to && to.value.id !== m.owner ? to.value.id : null;
  await delegateWithNotices(
    deps.db,
    { partnershipId: turn.partnership.id, ref: m.ref, delegate: delegateKey },
    { by: turn.person.id, at: turn.now, channel: turn.channel },
    delegationNotices(ctx, m, delegateKey ?? m.owner, m.owner),
  );
  if (delegateKey === null)
    return say(`${m.ref} is back with ${personName(turn, m.owner)}: its reminders go to them again.`);
  const told = turn.person.id === m.owner ? '' : ` I have told ${personName(turn, m.owner)}.`;
  return say(
    `Done: ${personName(turn, delegateKey)} now gets the reminders for ${m.ref} ${m.title} and can submit its returns.${told}`,
  );
}

export async function remindNow(ctx: Ctx, ref: string | null): Promise<Reply[]> {
  const { turn, deps } = ctx;
  if (!may(turn, 'reminders.nudge')) return [refuse(turn, 'reminders.nudge', 'send reminders on demand')];
  if (ref) {
    const found = findMeasure(turn.partnership, ref);
    if (!found.ok) return say(found.error);
  }
  const state = await readReminderState(deps.db, turn.partnership, turn.now, turn.today);
  const nudges = manualNudges(state, turn.today, ref, turn.person.id);
  if (nudges.length === 0)
    return say(`Nothing to chase${ref ? ` for ${ref}` : ''}: every return due so far is in.`);
  const written = await writeNudges(deps.db, turn.partnership.id, nudges, turn.now);
  // One entry per person: "Joanne Lister (1.1 2015/16 Q4, 1.2 2015/16 Q4)".
  const line = (keys: string[]) => {
    const picked = nudges.filter((n) => keys.includes(n.key));
    return [...new Set(picked.map((n) => n.to))]
      .map((to) => `${personName(turn, to)} (${listOf(picked.filter((n) => n.to === to))})`)
      .join('; ');
  };
  const again = nudges.map((n) => n.key).filter((k) => !written.includes(k));
  const parts = [
    written.length ? `Nudging now: ${line(written)}.` : '',
    again.length ? `Already nudged today: ${line(again)}.` : '',
  ];
  return say(parts.filter(Boolean).join('\n'));
}

export async function setPaused(ctx: Ctx, paused: boolean): Promise<Reply[]> {
  const { turn, deps } = ctx;
  if (!may(turn, 'reminders.pause'))
    return [refuse(turn, 'reminders.pause', `${paused ? 'pause' : 'resume'} reminders`)];
  await setRemindersPaused(deps.db, turn.partnership.id, paused, turn.person.id, turn.now);
  const name = turn.partnership.settings.name;
  const since = isoDateOf(turn.now, turn.partnership.settings.timezone);
  return paused
    ? say(
        `Reminders for ${name} are paused (${since}). "remind all" still works; say "resume reminders" to start them again.`,
      )
    : say(
        `Reminders for ${name} are on again: whatever is due goes out at the next check, within working hours.`,
      );
}
