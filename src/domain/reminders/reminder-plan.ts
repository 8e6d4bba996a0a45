// The reminder schedule as a pure function: given what the database says (returns, delegations,
// snoozes, the pause switch) and the instant, which messages are due now, under which idempotency key,
// and why. Ticks write these messages to the outbox (a key already there is skipped), so a missed tick
// catches up within a stage's slot, and a second scheduler or a restart writes nothing twice.
import { addDays, type IsoDate } from '../iso-date.js';
import type { Person } from '../plan-schema.js';
import type { ReminderObligation } from './reminder-obligations.js';
import { reminderKey, type OutboxPayload } from './reminder-payload.js';
import type { ReminderPolicy } from './reminder-policy.js';
import { escalationRecipients, isAwaited, lateReturns } from './reminder-late.js';
import { reminderStages, type Stage, type Stages } from './reminder-stages.js';
import { localTime, longDate, sendWindow, type LocalTime, type SendWindow } from './reminder-time.js';
import { stageReason } from './reminder-reasons.js';
import { workingDaysBetween } from '../working-days.js';

export interface ReminderSnooze {
  person: string;
  ref: string;
  period: string;
  /** Reminders wait until this day, and one comes that day. */
  until: IsoDate;
}

export interface ReminderState {
  timezone: string;
  policy: ReminderPolicy;
  paused: { by: string; since: string } | null;
  people: Pick<Person, 'id' | 'name' | 'role'>[];
  obligations: ReminderObligation[];
  snoozes: ReminderSnooze[];
  /** A fixed "today" (demonstrations); else the local date of the instant. */
  today?: IsoDate;
}

export interface PlannedMessage {
  key: string;
  kind: 'reminder' | 'escalation';
  to: string;
  ref: string;
  period: string;
  stage: string;
  reason: string;
  payload: OutboxPayload;
}

export type Outcome = 'send' | 'wait' | 'held' | 'done';

export interface Decision {
  ref: string;
  period: string;
  to: string;
  outcome: Outcome;
  reason: string;
  /** The message's key when the outcome is send. */
  key: string | null;
  next: { stage: string; date: IsoDate } | null;
}

export interface ReminderPlan {
  at: string;
  local: LocalTime;
  window: SendWindow;
  /** What to write to the outbox now (nothing when the window is closed). */
  messages: PlannedMessage[];
  /** One line per return and recipient: what happens and why. */
  decisions: Decision[];
}

interface Ctx {
  state: ReminderState;
  today: IsoDate;
  name(key: string): string;
}

export function reminderPlan(state: ReminderState, now: Date): ReminderPlan {
  const clock = localTime(now, state.timezone);
  const local = state.today ? { ...clock, date: state.today } : clock;
  const ctx: Ctx = {
    state,
    today: local.date,
    name: (key) => state.people.find((p) => p.id === key)?.name ?? key,
  };
  const window = windowOf(state, local, ctx);
  const planned = state.obligations.map((o) => decide(o, ctx));
  return {
    at: now.toISOString(),
    local,
    window,
    messages: window.open ? planned.flatMap((p) => p.messages) : [],
    decisions: planned.flatMap((p) => p.decisions),
  };
}

function windowOf(state: ReminderState, local: LocalTime, ctx: Ctx): SendWindow {
  if (!state.policy.enabled)
    return { open: false, reason: 'reminders are off in the plan (reminders.enabled)' };
  if (state.paused) {
    const since = state.paused.since.slice(0, 10);
    return { open: false, reason: `reminders are paused (by ${ctx.name(state.paused.by)} on ${since})` };
  }
  return sendWindow(local, state.policy);
}

interface Planned {
  decisions: Decision[];
  messages: PlannedMessage[];
}

const decision = (o: ReminderObligation, to: string, outcome: Outcome, reason: string): Decision => ({
  ref: o.ref,
  period: o.period,
  to,
  outcome,
  reason,
  key: null,
  next: null,
});

function decide(o: ReminderObligation, ctx: Ctx): Planned {
  const closed = closedReason(o);
  if (closed) return { decisions: [decision(o, o.recipient, 'done', closed)], messages: [] };
  const until = o.state.kind === 'notAvailable' ? o.state.until : null;
  const stages = reminderStages({
    due: o.due,
    policy: ctx.state.policy,
    from: until !== null && until > o.periodEnd ? until : addDays(o.periodEnd, 1),
    notAvailableUntil: until,
  });
  if (o.state.kind === 'notAvailable' && !isAwaited(o, ctx.today)) {
    const next = stages.owner[0] ?? null;
    const why = `not available until ${longDate(until ?? '')} ("${o.state.reason}"): no chasers until then`;
    const d = decision(o, o.recipient, 'held', why);
    return { decisions: [{ ...d, next: next && { stage: next.name, date: next.date } }], messages: [] };
  }
  const owner = ownerPart(o, stages, ctx);
  const escalation = escalationPart(o, stages, ctx);
  return {
    decisions: [owner.decision, ...escalation.map((e) => e.decision)],
    messages: [...(owner.message ? [owner.message] : []), ...escalation.flatMap((e) => e.message ?? [])],
  };
}

function closedReason(o: ReminderObligation): string | null {
  if (o.state.kind === 'received') return `received ${o.state.at.slice(0, 10)}`;
  if (o.state.kind === 'notAvailable' && o.state.until === null)
    return `not available ("${o.state.reason}"), with no date given: no chasers`;
  return null;
}

interface Part {
  decision: Decision;
  message: PlannedMessage | null;
}

/** The owner's (or delegate's) stages, with a snooze's own reminder on its day. */
function ownerStages(stages: Stages, snoozeUntil: IsoDate | null): Stage[] {
  if (snoozeUntil === null) return stages.owner;
  const later = stages.owner.find((s) => s.date > snoozeUntil);
  const last = stages.owner[stages.owner.length - 1];
  const snooze: Stage = {
    name: `snooze-${snoozeUntil}`,
    kind: 'snooze',
    date: snoozeUntil,
    until: later?.date ?? (last && last.until > snoozeUntil ? last.until : addDays(snoozeUntil, 1)),
  };
  // On the same day a regular stage wins: it says more than "as you asked".
  return [...stages.owner, snooze].sort((a, b) =>
    a.date === b.date ? (a.kind === 'snooze' ? -1 : 1) : a.date < b.date ? -1 : 1,
  );
}

function ownerPart(o: ReminderObligation, stages: Stages, ctx: Ctx): Part {
  const to = o.recipient;
  const snooze = ctx.state.snoozes.find((s) => s.person === to && s.ref === o.ref && s.period === o.period);
  const all = ownerStages(stages, snooze?.until ?? null);
  const next = all.find((s) => s.date > ctx.today) ?? null;
  const nextInfo = next && { stage: next.name, date: next.date };
  if (snooze && snooze.until > ctx.today) {
    const d = decision(o, to, 'held', `snoozed until ${longDate(snooze.until)}`);
    return { decision: { ...d, next: nextInfo }, message: null };
  }
  const current = all.filter((s) => s.date <= ctx.today).pop();
  if (!current || current.until <= ctx.today) {
    const why = next
      ? `next: ${next.name} on ${longDate(next.date)}`
      : `no more reminders: the last (${current?.name ?? 'none'}) was on ${longDate(current?.date ?? o.due)}`;
    return { decision: { ...decision(o, to, next ? 'wait' : 'done', why), next: nextInfo }, message: null };
  }
  const message = reminderMessage(o, current, stages.deadline, ctx);
  return {
    decision: { ...decision(o, to, 'send', message.reason), key: message.key, next: nextInfo },
    message,
  };
}

function reminderMessage(o: ReminderObligation, stage: Stage, deadline: IsoDate, ctx: Ctx): PlannedMessage {
  const key = reminderKey(o.ref, o.period, stage.name, o.recipient);
  const item = {
    stage: stage.kind as Exclude<Stage['kind'], 'escalate'>,
    ref: o.ref,
    title: o.title,
    period: o.period,
    due: o.due,
    deadline,
    workingDaysLate: workingDaysBetween(deadline, ctx.today),
    lastFigure: o.lastFigure,
    lastYearFigure: o.lastYearFigure,
    delegatedBy: o.delegated ? ctx.name(o.owner) : null,
    askedBy: null,
  };
  const delegatedBy = o.delegated ? ctx.name(o.owner) : null;
  const reason = stageReason(stage, deadline, ctx.state.policy, delegatedBy, ctx.today);
  return {
    key,
    kind: 'reminder',
    to: o.recipient,
    ref: o.ref,
    period: o.period,
    stage: stage.name,
    reason,
    payload: { kind: 'reminder', item },
  };
}

function escalationPart(o: ReminderObligation, stages: Stages, ctx: Ctx): Part[] {
  const stage = stages.escalation;
  if (!stage || stage.date > ctx.today || stage.until <= ctx.today) return [];
  const { policy, people, obligations } = ctx.state;
  const recipients = escalationRecipients(people, policy.escalateToChair);
  const late = lateReturns(obligations, people, ctx.today);
  const reason = stageReason(stage, stages.deadline, policy, null, ctx.today);
  return recipients.map((to) => {
    const key = reminderKey(o.ref, o.period, stage.name, to);
    const message: PlannedMessage = {
      key,
      kind: 'escalation',
      to,
      ref: o.ref,
      period: o.period,
      stage: stage.name,
      reason,
      payload: { kind: 'escalation', late, escalateAfter: policy.escalateAfterWorkingDays },
    };
    return { decision: { ...decision(o, to, 'send', reason), key }, message };
  });
}
