// The registry's email line: with SMTP_URL set, people the plan gives an email address are reached by
// email (reminders, chasers, escalations, sent-back notices, confirmations), each message carrying a
// signed link to the web return form this channel also serves. The person is identified by the link.
import nodemailer from 'nodemailer';
import type { Channel, ChannelDeps } from '../channel.js';
import { createEmailSender } from './email-sender.js';
import { formRoutes } from './form-route.js';
import { createReturnLinks, returnLinksKey } from './return-links.js';

export async function openEmailChannel(d: ChannelDeps): Promise<Channel | null> {
  const { config } = d;
  if (!config.SMTP_URL) return null;
  const transport = nodemailer.createTransport({
    url: config.SMTP_URL,
    tls: { rejectUnauthorized: config.SMTP_TLS_VERIFY === 'on' },
    connectionTimeout: config.SEND_TIMEOUT_MS,
    greetingTimeout: config.SEND_TIMEOUT_MS,
    socketTimeout: config.SEND_TIMEOUT_MS,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  const links = createReturnLinks({
    db: d.db,
    key: await returnLinksKey(d.db, d.clock()),
    baseUrl: d.baseUrl,
    days: config.RETURN_LINK_DAYS,
  });
  const clock = { now: d.clock, ...(config.TODAY ? { today: config.TODAY } : {}) };
  return {
    name: 'email',
    can: { cards: false, modals: false, fileUpload: false, links: true },
    identifies: 'email',
    routes: formRoutes({
      db: d.db,
      log: d.log.child({ channel: 'email' }),
      clock,
      conversation: d.conversation,
      links,
      rateLimit: d.rateLimit,
    }),
    sender: createEmailSender({
      transport,
      from: config.SMTP_FROM,
      links,
      clock: d.clock,
      timezone: 'Europe/London',
    }),
    start: async () => {},
    stop: async () => {
      transport.close();
    },
  };
}
