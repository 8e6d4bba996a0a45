// Sends outbox messages by email over SMTP (nodemailer), for people the plan gives an email address.
// A "Submit return" button becomes a signed link to the web return form. SMTP's answers sort as the
// outbox expects: 4xx and a server that cannot be reached are sent again later, 5xx (no such mailbox,
// refused) is a dead letter the coordinator hears of, and a connection lost after the message was
// handed over is an unknown outcome (not sent again blindly).
import type { Transporter } from 'nodemailer';
import { submitAsked, type Reply, type SayButton } from '../../bot/reply.js';
import { longDate } from '../../domain/reminders/reminder-time.js';
import { isoDateOf } from '../../domain/iso-date.js';
import { reachBy, type Address, type SendResult, type Sender } from '../../jobs/senders/sender.js';
import { emailMessage } from './email-message.js';
import type { ReturnLinks } from './return-links.js';

export interface EmailSenderDeps {
  transport: Pick<Transporter, 'sendMail'>;
  from: string;
  links: ReturnLinks;
  clock: () => Date;
  timezone: string;
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  command?: string;
  message?: string;
}

/** Nothing reached the server, or it said "later": safe to send again. */
const NOT_SENT = new Set(['ECONNECTION', 'EDNS', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETLS', 'EAUTH']);

export function smtpResult(e: unknown): SendResult {
  const err = (e ?? {}) as SmtpError;
  const error = err.message ?? String(e);
  if (typeof err.responseCode === 'number') {
    if (err.responseCode >= 400 && err.responseCode < 500)
      return { kind: 'retry', error, retryAfterMs: null };
    if (err.responseCode >= 500) return { kind: 'failed', error: `the mail server refused it: ${error}` };
  }
  if (err.code && NOT_SENT.has(err.code)) return { kind: 'retry', error, retryAfterMs: null };
  // Lost while the message was being handed over: it may have been accepted.
  if (err.command === 'DATA' || err.command === 'MESSAGE') return { kind: 'unknown', error };
  return { kind: 'retry', error, retryAfterMs: null };
}

/** Mints one link per return the reply's buttons open, so the message can carry them. */
async function linksFor(d: EmailSenderDeps, to: Address, reply: Reply) {
  const buttons: SayButton[] =
    reply.kind === 'list'
      ? [...reply.sections.flatMap((s) => s.items.map((i) => i.button)), ...(reply.buttons ?? [])].filter(
          (b): b is SayButton => b !== null,
        )
      : reply.kind === 'text'
        ? (reply.buttons ?? [])
        : [];
  const urls = new Map<string, string>();
  let expires: Date | null = null;
  for (const b of buttons) {
    const asked = submitAsked(b.say);
    if (!asked || urls.has(b.say)) continue;
    const link = await d.links.mint(
      { partnershipId: to.partnershipId, person: to.person, ...asked },
      d.clock(),
    );
    urls.set(b.say, link.url);
    expires = link.expiresAt;
  }
  return { urls, expires };
}

export function createEmailSender(d: EmailSenderDeps): Sender {
  return {
    channel: 'email',
    perConversationMs: 1000,
    reach: async (_db, partnershipId, person) =>
      person.email ? reachBy('email', partnershipId, person, person.email) : null,
    reachChannel: async () => null,
    missing: (person) => (person.email ? null : 'has no email address in the plan'),
    channelHint: null,
    send: async (to, reply) => {
      if (!to.email) return { kind: 'noRoute', error: 'no email address' };
      const { urls, expires } = await linksFor(d, to, reply);
      const until = expires ? longDate(isoDateOf(expires, d.timezone)) : null;
      const message = emailMessage(reply, (b) => urls.get(b.say), until);
      try {
        const info = await d.transport.sendMail({ from: d.from, to: to.email, ...message });
        return { kind: 'sent', providerId: String(info.messageId ?? '') || null };
      } catch (e) {
        return smtpResult(e);
      }
    },
  };
}
