// `reminders --at <instant>`: what the scheduler would send at that moment and why (a dry run: nothing
// is written), with what the outbox already holds under the same keys, and where each agency stands
// with the current quarter's returns.
import { readPartnershipView } from '../app/partnership-view.js';
import type { IsoDate } from '../domain/iso-date.js';
import { financialCalendar } from '../domain/period.js';
import type { AgencyReport } from '../domain/summary-payload.js';
import { agencyReport } from '../reports/agency-report.js';
import { agencyLines } from '../reports/dashboard-agencies.js';
import { reminderPlan, type Decision, type ReminderPlan } from '../domain/reminders/reminder-plan.js';
import { longDate } from '../domain/reminders/reminder-time.js';
import type { Db } from '../store/open-database.js';
import { outboxByKeys, type OutboxRow } from '../store/outbox-store.js';
import type { Partnership } from '../domain/partnership.js';
import { readReminderState } from '../store/reminder-state.js';

export interface PartnershipReport {
  partnership: string;
  timezone: string;
  plan: ReminderPlan;
  outbox: Map<string, OutboxRow>;
  /** The current quarter's returns by agency: whom the reminders are chasing, agency by agency. */
  agencies: AgencyReport;
}

export async function remindersReport(
  db: Db,
  p: Partnership,
  at: Date,
  today?: IsoDate,
): Promise<PartnershipReport> {
  const plan = reminderPlan(await readReminderState(db, p, at, today), at);
  const keys = plan.decisions.flatMap((d) => (d.key ? [d.key] : []));
  const cal = financialCalendar(p.settings.yearStartMonth);
  const view = await readPartnershipView(db, cal, p, plan.local.date);
  return {
    partnership: p.settings.name,
    timezone: p.settings.timezone,
    plan,
    outbox: await outboxByKeys(db, keys),
    agencies: agencyReport(cal, p, view.calendar, view.calendar.currentQuarter()),
  };
}

function inOutbox(row: OutboxRow | undefined): string {
  if (!row) return '';
  const when = (row.sentAt ?? row.createdAt).toISOString().slice(0, 16).replace('T', ' ');
  return ` — already in the outbox (${row.status}, ${when} UTC): not written again`;
}

function line(r: PartnershipReport, d: Decision, name: (key: string) => string): string {
  const next = d.next && d.outcome !== 'send' ? `; next: ${d.next.stage} on ${longDate(d.next.date)}` : '';
  const head = `  ${d.ref} ${d.period} → ${name(d.to)}: ${d.reason}${next}`;
  return d.key ? `${head}\n      key ${d.key}${inOutbox(r.outbox.get(d.key))}` : head;
}

export function remindersText(r: PartnershipReport, names: Map<string, string>): string {
  const { plan } = r;
  const name = (key: string) => names.get(key) ?? key;
  const when = `${longDate(plan.local.date)} ${plan.local.time} (${r.timezone})`;
  const window = plan.window.open
    ? 'within the sending window'
    : `nothing is sent now: ${plan.window.reason}`;
  const by = (o: Decision['outcome']) => plan.decisions.filter((d) => d.outcome === o);
  const received = by('done').filter((d) => d.reason.startsWith('received'));
  const sections: [string, Decision[]][] = [
    [plan.window.open ? 'Would send' : 'Due when the window opens', by('send')],
    ['Waiting for their next stage', by('wait')],
    ['Held back', by('held')],
    ['No more reminders', by('done').filter((d) => !received.includes(d))],
  ];
  const body = sections
    .filter(([, ds]) => ds.length > 0)
    .map(([title, ds]) => `${title} (${ds.length}):\n${ds.map((d) => line(r, d, name)).join('\n')}`);
  return [
    `${r.partnership} — ${when}: ${window}.`,
    ...body,
    `Received: ${received.length} returns.`,
    '',
    ...agencyLines(r.agencies),
  ].join('\n');
}

export function remindersJson(r: PartnershipReport) {
  return {
    partnership: r.partnership,
    at: r.plan.at,
    local: r.plan.local,
    window: r.plan.window,
    messages: r.plan.messages.map((m) => ({
      key: m.key,
      kind: m.kind,
      to: m.to,
      ref: m.ref,
      period: m.period,
      stage: m.stage,
      reason: m.reason,
      outbox: r.outbox.get(m.key)?.status ?? null,
    })),
    agencies: r.agencies,
    decisions: r.plan.decisions.map((d) => ({
      ...d,
      outbox: d.key ? (r.outbox.get(d.key)?.status ?? null) : null,
    })),
  };
}
