// Tells the coordinators when messages cannot be delivered: a permanent failure (user not found, bot
// removed), a person (or the partnership channel) nobody can reach yet, or a summary that may not have
// reached the channel. The notice is itself an outbox row under a unique key, so it is written once;
// notices about notices are never written.
import type { Person } from '../domain/plan-schema.js';
import { escalationRecipients } from '../domain/reminder-late.js';
import { PARTNERSHIP_CHANNEL } from '../domain/summary-payload.js';
import type { Db } from '../store/open-database.js';
import { insertMissing, type OutboxRow } from '../store/outbox-store.js';
import type { Partnership } from '../store/plan-store.js';

export type Trouble =
  | { kind: 'failed'; error: string }
  | { kind: 'unreachable'; why: string }
  /** Sent, perhaps: the platform did not say (summaries only, which are not sent twice). */
  | { kind: 'uncertain'; error: string };

function about(rows: OutboxRow[]): string {
  const returns = [...new Set(rows.flatMap((r) => (r.ref && r.period ? [`${r.ref} ${r.period}`] : [])))];
  return returns.length > 0 ? ` (${returns.join(', ')})` : '';
}

function channelNoticeText(rows: OutboxRow[], t: Trouble): string {
  const what = rows.some((r) => r.stage === 'quarter') ? 'the quarter summary' : 'the weekly summary';
  switch (t.kind) {
    case 'failed':
      return `I could not post ${what} to the partnership channel: ${t.error}. I will not try again: please check the bot is in the channel, then say "post summary".`;
    case 'unreachable':
      return `I cannot post ${what} yet: ${t.why}. It will be posted as soon as that changes.`;
    case 'uncertain':
      return `I may not have posted ${what} to the partnership channel (${t.error}). I will not post it twice: if it is not there, say "post summary".`;
  }
}

function noticeText(person: Person, rows: OutboxRow[], t: Trouble): string {
  const what = rows.some((r) => r.kind === 'escalation') ? 'an escalation' : 'a reminder';
  if (t.kind === 'failed' || t.kind === 'uncertain') {
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
  const channel = recipient === PARTNERSHIP_CHANNEL;
  if (!first || (!person && !channel)) return;
  const to = escalationRecipients(p.people, false).filter((c) => c !== recipient);
  const text = person ? noticeText(person, rows, trouble) : channelNoticeText(rows, trouble);
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
      payload: {
        kind: 'notice' as const,
        text,
        buttons: [
          channel
            ? { label: 'Post summary', say: 'post summary' }
            : { label: 'Who is missing?', say: 'overdue' },
        ],
      },
    })),
    now,
  );
}
