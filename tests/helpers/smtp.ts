// A real SMTP server on 127.0.0.1 (the smtp-server package), keeping each message it accepts parsed
// (mailparser), so tests read what a person's mailbox would receive. `refuse` makes it answer RCPT TO
// with an SMTP code (a 4xx "later" or a 5xx "no such mailbox") for chosen addresses.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  links: string[];
}

export interface Smtp {
  url: string;
  port: number;
  mails: Mail[];
  /** Address → SMTP code to answer RCPT TO with (e.g. 450 or 550). */
  refuse: Map<string, number>;
  /** Resolves when `n` messages have arrived (or after `ms`). */
  waitFor(n: number, ms?: number): Promise<Mail[]>;
  close(): Promise<void>;
}

const hrefs = (html: string) =>
  [...html.matchAll(/href="([^"]+)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));

export async function startSmtp(): Promise<Smtp> {
  const mails: Mail[] = [];
  const refuse = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = refuse.get(address.address);
      if (!code) return callback();
      const err = Object.assign(new Error(code >= 500 ? 'No such user here' : 'Try again later'), {
        responseCode: code,
      });
      callback(err);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed: ParsedMail) => {
          const html = typeof parsed.html === 'string' ? parsed.html : '';
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html,
            links: hrefs(html),
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    mails,
    refuse,
    async waitFor(n, ms = 10_000) {
      const until = Date.now() + ms;
      while (mails.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
      return mails;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
