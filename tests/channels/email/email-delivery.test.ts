// People outside Teams and Slack, reached by email through the outbox: the real delivery loop, the real
// email sender (nodemailer) and a real SMTP server on 127.0.0.1. Joanne Lister, Dr Ruth Okafor, Sian
// Pryce and Martin Kell have only an email address in the example plan; the others have a Teams chat.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { createEmailSender } from '../../../src/channels/email/email-sender.js';
import { createReturnLinks } from '../../../src/channels/email/return-links.js';
import { MAX_ATTEMPTS } from '../../../src/jobs/backoff.js';
import type { Sender } from '../../../src/jobs/senders/sender.js';
import { jobsHarness, planBeforeQ4, type Harness } from '../../jobs/jobs-harness.js';
import { startSmtp, type Smtp } from '../../helpers/smtp.js';
import { startFakeConnector, type FakeConnector } from '../../fakes/bot-connector.js';

const IN_CHAT = ['priya-sandhu', 'alan-whitfield', 'dan-mercer'];
const JOANNE = 'joanne.lister@example.org';

let smtp: Smtp;
let connector: FakeConnector;
let h: Harness;

function emailSender(h: Harness, url: string): Sender {
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 2000,
    socketTimeout: 2000,
  } as never);
  const links = createReturnLinks({
    db: h.s.db.prisma,
    key: Buffer.alloc(32, 7),
    baseUrl: () => 'http://forms.example',
    days: 14,
  });
  return createEmailSender({
    transport,
    from: 'Safer Stockton <performance@example.org>',
    links,
    clock: h.now,
    timezone: 'Europe/London',
  });
}

beforeEach(async () => {
  smtp = await startSmtp();
  connector = await startFakeConnector();
  h = await jobsHarness({
    reachable: IN_CHAT,
    serviceUrl: connector.url,
    senders: ({ teams }) => ({ teams, slack: null }),
  });
  h.restart({ teams: h.teams, slack: null, email: emailSender(h, smtp.url) });
}, 30_000);

afterEach(async () => {
  await h?.close();
  await smtp?.close();
  await connector?.close();
});

const mailsTo = (to: string) => smtp.mails.filter((m) => m.to === to);

describe('email for owners outside Teams and Slack', () => {
  it('sends the first reminder by email, in HTML and text, with the due date, last quarter, the same quarter last year and a signed link', async () => {
    h.at('2016-04-07T09:00');
    await h.tick();
    await h.deliver();
    const mails = mailsTo(JOANNE);
    const m63 = mails.find((m) => m.text.includes('6.3'));
    expect(m63, JSON.stringify(smtp.mails.map((m) => [m.to, m.subject]))).toBeDefined();
    expect(m63?.subject).toMatch(/^Reminder/);
    expect(m63?.text).toContain('2015/16 Q4');
    expect(m63?.text).toMatch(/The return is due on Thursday 14 April 2016/);
    expect(m63?.text).toMatch(/last quarter \(2015\/16 Q3\): [\d,]+/);
    expect(m63?.text).toMatch(/same quarter last year \(2014\/15 Q4\): [\d,]+/);
    const link = m63?.links.find((l) => l.startsWith('http://forms.example/return/'));
    expect(link).toMatch(/^http:\/\/forms\.example\/return\/[\w-]{24}\.[\w-]{32}$/);
    expect(m63?.text).toContain(link);
    expect(m63?.html).toContain('<h1');
    // Nothing about figures is in the link; the email says how long it works.
    expect(m63?.text).toMatch(/works until \w+day \d+ April 2016/);
    // The others of the plan with a chat got theirs there, not by email.
    expect(smtp.mails.map((m) => m.to)).not.toContain('dan.mercer@example.org');
    const rows = (await h.outbox()).filter((r) => r.recipient === 'joanne-lister');
    expect(rows.every((r) => r.status === 'sent' && r.channel === 'email')).toBe(true);
  });

  it('sends nothing twice: a second delivery run, or a new process on the same database, sends no more', async () => {
    h.at('2016-04-07T09:00');
    await h.tick();
    await h.deliver();
    const count = smtp.mails.length;
    expect(count).toBeGreaterThan(0);
    await h.deliver();
    h.restart({ teams: h.teams, slack: null, email: emailSender(h, smtp.url) });
    await h.tick();
    await h.deliver();
    expect(smtp.mails.length).toBe(count);
  });

  it('reaches an email-only owner when the coordinator says "remind 6.3"', async () => {
    h.at('2016-04-08T10:00');
    const replies = await h.say('priya-sandhu', 'remind 6.3');
    expect(JSON.stringify(replies)).toContain('Joanne Lister');
    await h.deliver();
    const mail = mailsTo(JOANNE).find((m) => /asks for this return/.test(m.text));
    expect(mail?.text).toContain('6.3');
    expect(mail?.links.some((l) => l.includes('/return/'))).toBe(true);
  });

  it('sends a "sent back" notice by email, with a link to change the return', async () => {
    h.at('2016-04-12T10:00');
    await h.submit('joanne-lister', '1.4');
    const back = await h.say('priya-sandhu', 'send back 1.4 Q4: please check the March figure');
    expect(JSON.stringify(back)).toMatch(/[Ss]ent back/);
    await h.deliver();
    const mail = mailsTo(JOANNE).find((m) => /sent back 1\.4/.test(m.text));
    expect(mail?.subject).toMatch(/^Priya Sandhu sent back 1\.4/);
    expect(mail?.text).toContain('please check the March figure');
    expect(mail?.text).toMatch(/Change the return: http:\/\/forms\.example\/return\//);
  });

  it('retries a 4xx answer later, and delivers once the server accepts', async () => {
    smtp.refuse.set(JOANNE, 451);
    h.at('2016-04-07T09:00');
    await h.tick();
    await h.deliver();
    expect(mailsTo(JOANNE)).toEqual([]);
    const waiting = (await h.outbox()).filter((r) => r.recipient === 'joanne-lister');
    expect(waiting.every((r) => r.status === 'pending' && /Try again later/.test(r.lastError ?? ''))).toBe(
      true,
    );
    smtp.refuse.clear();
    h.at('2016-04-07T11:00');
    await h.deliver();
    expect(mailsTo(JOANNE).length).toBeGreaterThan(0);
  });

  it('dead-letters a 5xx refusal and tells the coordinator, in chat', async () => {
    smtp.refuse.set(JOANNE, 550);
    h.at('2016-04-07T09:00');
    await h.tick();
    await h.deliver();
    const rows = await h.outbox();
    const joanne = rows.filter((r) => r.recipient === 'joanne-lister');
    expect(
      joanne.every((r) => r.status === 'failed' && /refused it: .*No such user/.test(r.lastError ?? '')),
    ).toBe(true);
    await h.deliver();
    const told = rows.length < (await h.outbox()).length || connector.received.length > 0;
    expect(told).toBe(true);
    expect(JSON.stringify(connector.received)).toMatch(/Joanne Lister/);
  });

  it('keeps messages queued while the SMTP server is down, and tells the coordinator after the last try', async () => {
    await smtp.close();
    h.restart({ teams: h.teams, slack: null, email: emailSender(h, 'smtp://127.0.0.1:9') });
    h.at('2016-04-07T09:00');
    await h.tick();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await h.deliver();
      h.at(`2016-04-${String(8 + i).padStart(2, '0')}T09:00`);
    }
    const joanne = (await h.outbox()).filter((r) => r.recipient === 'joanne-lister');
    expect(joanne.length).toBeGreaterThan(0);
    expect(
      joanne.every((r) => r.status === 'failed' && /gave up after \d+ attempts/.test(r.lastError ?? '')),
    ).toBe(true);
    await h.deliver();
    expect(JSON.stringify(connector.received)).toMatch(/Joanne Lister/);
    smtp = await startSmtp();
  });
});

describe("a person's order of preference", () => {
  it('reaches Dan by email first when the plan says prefer: [email], though he has a Teams chat', async () => {
    await h.close();
    const text = (await planBeforeQ4()).replace(
      'email: dan.mercer@example.org',
      'email: dan.mercer@example.org\n    prefer: [email, teams]',
    );
    h = await jobsHarness({ planText: text, reachable: IN_CHAT, serviceUrl: connector.url });
    h.restart({ teams: h.teams, slack: null, email: emailSender(h, smtp.url) });
    h.at('2016-04-07T09:00');
    await h.tick();
    await h.deliver();
    expect(mailsTo('dan.mercer@example.org').length).toBeGreaterThan(0);
    const dan = (await h.outbox()).filter((r) => r.recipient === 'dan-mercer');
    expect(dan.every((r) => r.channel === 'email')).toBe(true);
  });

  it('falls back to email when the Teams chat is gone for good', async () => {
    connector.gone.add('conv-dan-mercer');
    h.at('2016-04-07T09:00');
    await h.tick();
    await h.deliver();
    expect(connector.refused.some((r) => r.conversationId === 'conv-dan-mercer')).toBe(true);
    expect(mailsTo('dan.mercer@example.org').length).toBeGreaterThan(0);
    const dan = (await h.outbox()).filter((r) => r.recipient === 'dan-mercer');
    expect(dan.every((r) => r.status === 'sent' && r.channel === 'email')).toBe(true);
  });
});
