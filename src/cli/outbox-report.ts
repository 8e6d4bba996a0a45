// `outbox [--status ...]`: what the delivery loop has sent, is trying, gave up on, or could not tell.
import type { OutboxRow } from '../store/outbox-store.js';

const at = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '–');

function rowLine(r: OutboxRow): string {
  const head = `#${r.id} ${r.status.padEnd(9)} ${r.key}`;
  const facts = [
    `to ${r.recipient}`,
    r.channel ? `via ${r.channel}` : null,
    r.providerId ? `id ${r.providerId}` : null,
    r.attempts > 0 ? `${r.attempts} attempt${r.attempts === 1 ? '' : 's'}` : null,
    r.status === 'sent' ? `sent ${at(r.sentAt)}` : null,
    r.status === 'pending' ? `not before ${at(r.notBefore)}` : null,
    r.waiting ? `waiting: ${r.waiting}` : null,
  ].filter(Boolean);
  const error = r.lastError ? `\n      ${r.lastError}` : '';
  return `${head}\n      ${facts.join(' · ')}${error}`;
}

export function outboxText(rows: OutboxRow[], status: string | null): string {
  if (rows.length === 0) return status ? `No ${status} messages in the outbox.` : 'The outbox is empty.';
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const summary = [...counts].map(([s, n]) => `${n} ${s}`).join(', ');
  return [`${rows.length} messages (${summary}), newest first:`, ...rows.map(rowLine)].join('\n');
}

export function outboxJson(rows: OutboxRow[]) {
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    kind: r.kind,
    recipient: r.recipient,
    status: r.status,
    attempts: r.attempts,
    channel: r.channel,
    providerId: r.providerId,
    lastError: r.lastError,
    waiting: r.waiting,
    notBefore: r.notBefore.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  }));
}
