// Tells the coordinators when messages cannot be delivered: a permanent failure (user not found, bot
// removed, chat deleted) on every address the person has, a person (or the partnership channel) nobody
// can reach yet, or a summary that may not have reached the channel. A notice that cannot be delivered
// (a sent-back return, an approver's request) is passed on with its words, so it is never silently
// lost. The coordinators' notice is itself an outbox row under a unique key, so it is written once; one
// about a coordinators' notice is never written, so a coordinator who cannot be reached either ends the
// chain instead of starting a loop.
import type { Person } from '../domain/plan-schema.js';
import { escalationRecipients } from '../domain/reminders/reminder-late.js';
import { PARTNERSHIP_CHANNEL } from '../domain/summary-payload.js';
import type { Db } from '../store/open-database.js';
import { insertMissing, type OutboxRow } from '../store/outbox-store.js';
import type { Partnership } from '../domain/partnership.js';

export type Trouble =
  | { kind: 'failed'; error: string }
  | { kind: 'unreachable'; why: string }
  /** Sent, perhaps: the platform did not say (summaries only, which are not sent twice). */
  | { kind: 'uncertain'; error: string };

const TROUBLES: Trouble['kind'][] = ['failed', 'unreachable', 'uncertain'];

/** A notice this module wrote (its key is notice:<trouble>:…): never the subject of another. */
export const isFailureNotice = (row: Pick<OutboxRow, 'key'>): boolean =>
  TROUBLES.some((t) => row.key.startsWith(`notice:${t}:`));

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

/** The words of the notices among `rows`, passed on: " It said: …". */
function theirWords(rows: OutboxRow[]): string {
  const words = rows.flatMap((r) => (r.payload.kind === 'notice' ? [r.payload.text] : []));
  if (words.length === 0) return '';
  return words.length === 1
    ? ` It said: ${words[0]}`
    : ` They said: ${words.map((w, i) => `(${i + 1}) ${w}`).join(' ')}`;
}

function noticeText(person: Person, rows: OutboxRow[], t: Trouble): string {
  const chased = rows.filter((r) => r.kind !== 'notice');
  const what = rows.some((r) => r.kind === 'escalation')
    ? 'an escalation'
    : chased.length > 0
      ? 'a reminder'
      : 'a message';
  if (t.kind === 'failed' || t.kind === 'uncertain') {
    const next =
      chased.length > 0
        ? 'check their chat details in the plan, or chase them another way'
        : 'pass it on to them, and check their chat details in the plan';
    return `I could not deliver ${what} to ${person.name}${about(rows)}: ${t.error}. I will not try again: please ${next}.${theirWords(rows)}`;
  }
  const waiting = chased.length > 0 ? 'Reminders' : 'Messages';
  return `${waiting} for ${person.name}${about(rows)} are waiting: ${person.name} ${t.why}. They will go as soon as that changes; meanwhile please let them know.${theirWords(rows)}`;
}

export async function tellCoordinators(
  db: Db,
  p: Partnership,
  recipient: string,
  rows: OutboxRow[],
  trouble: Trouble,
  now: Date,
): Promise<void> {
  const subject = rows.filter((r) => !isFailureNotice(r));
  const first = subject[0];
  const person = p.people.find((x) => x.id === recipient);
  const channel = recipient === PARTNERSHIP_CHANNEL;
  if (!first || (!person && !channel)) return;
  const to = escalationRecipients(p.people, false).filter((c) => c !== recipient);
  const text = person ? noticeText(person, subject, trouble) : channelNoticeText(subject, trouble);
  const chasing = subject.some((r) => r.kind !== 'notice');
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
        buttons: channel
          ? [{ label: 'Post summary', say: 'post summary' }]
          : chasing
            ? [{ label: 'Who is missing?', say: 'overdue' }]
            : [],
      },
    })),
    now,
  );
}
