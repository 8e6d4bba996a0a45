// Tells the coordinators when messages cannot be delivered: a permanent failure (user not found, bot
// removed) or a person nobody can reach yet. The notice is itself an outbox row under a unique key, so
// it is written once; notices about notices are never written.
import type { Person } from '../domain/plan-schema.js';
import { escalationRecipients } from '../domain/reminder-late.js';
import type { Db } from '../store/open-database.js';
import { insertMissing, type OutboxRow } from '../store/outbox-store.js';
import type { Partnership } from '../store/plan-store.js';

export type Trouble = { kind: 'failed'; error: string } | { kind: 'unreachable'; why: string };

function about(rows: OutboxRow[]): string {
  const returns = [...new Set(rows.flatMap((r) => (r.ref && r.period ? [`${r.ref} ${r.period}`] : [])))];
  return returns.length > 0 ? ` (${returns.join(', ')})` : '';
}

function noticeText(person: Person, rows: OutboxRow[], t: Trouble): string {
  const what = rows.some((r) => r.kind === 'escalation') ? 'an escalation' : 'a reminder';
  if (t.kind === 'failed') {
    return `I could not deliver ${what} to ${person.name}${about(rows)}: ${t.error}. I will not try again: please check their chat details in the plan, or chase them another way.`;
  }
  return `Reminders for ${person.name}${about(rows)} are waiting: ${person.name} ${t.why}. They will go as soon as that changes; meanwhile please let them know.`;
}

export async function tellCoordinators(
  db: Db,
  p: Partnership,
  recipient: string,
  rows: OutboxRow[],
  trouble: Trouble,
  now: Date,
): Promise<void> {
  const first = rows.find((r) => r.kind !== 'notice');
  const person = p.people.find((x) => x.id === recipient);
  if (!first || !person) return;
  const to = escalationRecipients(p.people, false).filter((c) => c !== recipient);
  const text = noticeText(person, rows, trouble);
  await insertMissing(
    db,
    to.map((c) => ({
      key: `notice:${trouble.kind}:${recipient}:${first.id}:${c}`,
      partnershipId: p.id,
      kind: 'notice' as const,
      recipient: c,
      ref: first.ref,
      period: first.period,
      stage: null,
      payload: { kind: 'notice' as const, text, buttons: [{ label: 'Who is missing?', say: 'overdue' }] },
    })),
    now,
  );
}
