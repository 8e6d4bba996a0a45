// Just before sending: drop what is no longer wanted (the return came in, the person snoozed, the
// measure was delegated, reminders were paused; a weekly summary whose week is over), keep only the
// newest reminder per return, and group what is left for one person into as few messages as possible
// (one list of reminders, one escalation).
import type { IsoDate } from '../domain/iso-date.js';
import { isAwaited } from '../domain/reminders/reminder-late.js';
import type { ReminderObligation } from '../domain/reminders/reminder-obligations.js';
import type { OutboxKind, OutboxPayload, ReminderItem } from '../domain/reminders/reminder-payload.js';
import type { ReminderState } from '../domain/reminders/reminder-plan.js';
import { longDate } from '../domain/reminders/reminder-time.js';
import type { OutboxRow } from '../store/outbox-store.js';
import { isoWeekOf } from '../domain/iso-week.js';

export interface Unit {
  kind: OutboxKind;
  ids: number[];
  payloads: OutboxPayload[];
}

export interface Prepared {
  units: Unit[];
  cancelled: { id: number; reason: string }[];
}

const nameOf = (state: ReminderState, key: string) => state.people.find((p) => p.id === key)?.name ?? key;

function unwanted(item: ReminderItem, row: OutboxRow, state: ReminderState, today: IsoDate): string | null {
  const o = state.obligations.find((x) => x.ref === item.ref && x.period === item.period);
  if (!o) return null;
  if (o.state.kind === 'received') return 'the return came in';
  if (!isAwaited(o, today)) return notAvailableReason(o);
  if (o.recipient !== row.recipient) return `the return is now with ${nameOf(state, o.recipient)}`;
  if (item.stage === 'manual') return null;
  if (!state.policy.enabled || state.paused) return 'reminders are paused';
  const snooze = state.snoozes.find(
    (s) => s.person === row.recipient && s.ref === o.ref && s.period === o.period,
  );
  return snooze && snooze.until > today ? `snoozed until ${longDate(snooze.until)}` : null;
}

function notAvailableReason(o: ReminderObligation): string {
  return o.state.kind === 'notAvailable' && o.state.until
    ? `not available until ${longDate(o.state.until)}`
    : 'marked not available';
}

function reminderUnit(rows: OutboxRow[], state: ReminderState | null, today: IsoDate): Prepared {
  const cancelled: Prepared['cancelled'] = [];
  const newest = new Map<string, OutboxRow>();
  for (const row of rows) {
    if (row.payload.kind !== 'reminder') continue;
    const why = state ? unwanted(row.payload.item, row, state, today) : null;
    if (why) {
      cancelled.push({ id: row.id, reason: why });
      continue;
    }
    const key = `${row.ref}|${row.period}`;
    const older = newest.get(key);
    if (older) cancelled.push({ id: older.id, reason: `superseded by ${row.key}` });
    newest.set(key, row);
  }
  const kept = [...newest.values()];
  const units =
    kept.length > 0
      ? [{ kind: 'reminder' as const, ids: kept.map((r) => r.id), payloads: kept.map((r) => r.payload) }]
      : [];
  return { units, cancelled };
}

function escalationUnit(rows: OutboxRow[], state: ReminderState | null, today: IsoDate): Prepared {
  const newest = rows[rows.length - 1];
  if (!newest || newest.payload.kind !== 'escalation') return { units: [], cancelled: [] };
  const stillLate = (ref: string, period: string) => {
    const o = state?.obligations.find((x) => x.ref === ref && x.period === period);
    return !o || isAwaited(o, today);
  };
  const late = newest.payload.late.filter((l) => stillLate(l.ref, l.period));
  const why = state?.paused ? 'reminders are paused' : late.length === 0 ? 'nothing is late any more' : null;
  if (why) return { units: [], cancelled: rows.map((r) => ({ id: r.id, reason: why })) };
  return {
    units: [{ kind: 'escalation', ids: rows.map((r) => r.id), payloads: [{ ...newest.payload, late }] }],
    cancelled: [],
  };
}

/**
 * Summaries go one per message. A weekly summary whose week is over is not posted (the next one says
 * more), nor one a newer weekly summary follows in the same batch; a quarter's summary always goes.
 */
function summaryUnits(rows: OutboxRow[], today: IsoDate): Prepared {
  const thisWeek = isoWeekOf(today).label;
  const weekly = rows.filter((r) => r.payload.kind === 'summary' && r.payload.summary.scope === 'week');
  const newest = weekly[weekly.length - 1];
  const cancelled: Prepared['cancelled'] = [];
  const units: Unit[] = [];
  for (const row of rows) {
    if (row.payload.kind !== 'summary') continue;
    const { scope, label } = row.payload.summary;
    const stale =
      scope !== 'week'
        ? null
        : row !== newest
          ? `superseded by ${newest?.key ?? 'a newer summary'}`
          : label < thisWeek && !row.key.includes(':post:')
            ? `week ${label} is over`
            : null;
    if (stale) cancelled.push({ id: row.id, reason: stale });
    else units.push({ kind: 'summary', ids: [row.id], payloads: [row.payload] });
  }
  return { units, cancelled };
}

export function prepareDelivery(rows: OutboxRow[], state: ReminderState | null, today: IsoDate): Prepared {
  const of = (kind: OutboxKind) => rows.filter((r) => r.kind === kind);
  const reminders = reminderUnit(of('reminder'), state, today);
  const escalation = escalationUnit(of('escalation'), state, today);
  const notices = of('notice').map((r) => ({ kind: 'notice' as const, ids: [r.id], payloads: [r.payload] }));
  const summaries = summaryUnits(of('summary'), today);
  return {
    units: [...escalation.units, ...reminders.units, ...notices, ...summaries.units],
    cancelled: [...reminders.cancelled, ...escalation.cancelled, ...summaries.cancelled],
  };
}
