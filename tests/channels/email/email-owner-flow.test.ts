// The whole path of an owner outside Teams and Slack, against a real SMTP server on 127.0.0.1 and the
// web form in Chromium: the coordinator says "remind 1.4" in the chat page; Joanne Lister, who has only
// an email address, gets the reminder by email; she opens its link, using the keyboard only, types a
// bad figure and is answered beside the field, then a good one, which is stored; the confirmation
// arrives by email; the coordinator approves it; the link then says the return is approved, and the
// weekly summary counts it for her agency (SBC Community Safety). axe-core
// finds no serious or critical accessibility violation on the form, with and without errors.
import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPlanFile } from '../../../src/app/import-plan-file.js';
import { loadConfig } from '../../../src/config.js';
import { startServer, type RunningServer } from '../../../src/server/start-server.js';
import { launchChromium } from '../../flows/browser/launch-chromium.js';
import { silent } from '../../jobs/jobs-harness.js';
import { startSmtp, type Mail, type Smtp } from '../../helpers/smtp.js';
import { tempDb, type TempDb } from '../../helpers/temp-db.js';

const OUT = 'test-output';
const JOANNE = 'joanne.lister@example.org';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let smtp: Smtp;
let db: TempDb;
let server: RunningServer;
let browser: Browser;
let chat: Page;
let form: Page;
let link = '';
const now = new Date('2016-04-08T09:00:00Z');

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  smtp = await startSmtp();
  db = await tempDb();
  // The example plan with 1.4's 2015/16 Q4 return not yet in, so that it is Joanne's to make.
  const plan = parse(await readFile('examples/stockton-2015-16.yaml', 'utf8')) as {
    returns: { ref: string; period: string }[];
  };
  plan.returns = plan.returns.filter((r) => !(r.ref === '1.4' && r.period === '2015/16 Q4'));
  const file = join(db.dir, 'plan.yaml');
  await writeFile(file, stringify(plan));
  const imported = await importPlanFile(db.prisma, file, { dryRun: false, now });
  if (!imported.ok) throw new Error(imported.errors.join('\n'));
  const config = {
    ...loadConfig({
      HOST: '127.0.0.1',
      OUTBOX_POLL_MS: '100',
      SMTP_URL: smtp.url,
      SMTP_FROM: 'perf@example.org',
    }),
    PORT: 0,
  };
  server = await startServer({
    config,
    db: db.prisma,
    clock: () => now,
    log: silent,
    jobs: { recheckMs: 0 },
  });
  browser = await launchChromium();
  chat = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  // bypassCSP: only so that axe-core can be injected; the page itself runs no script.
  form = await browser.newPage({ viewport: { width: 900, height: 1000 }, bypassCSP: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
  await smtp?.close();
});

async function say(text: string) {
  await chat.fill('#input', text);
  await chat.press('#input', 'Enter');
}

async function mailTo(to: string, matching: RegExp, ms = 20_000): Promise<Mail> {
  const until = Date.now() + ms;
  for (;;) {
    const found = smtp.mails.find((m) => m.to === to && matching.test(m.text));
    if (found) return found;
    if (Date.now() > until)
      throw new Error(
        `no mail to ${to} matching ${matching}: ${JSON.stringify(smtp.mails.map((m) => [m.to, m.subject]))}`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Serious and critical axe-core violations on the form page as it stands. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(): Promise<{ violations: { id: string; impact: string; help: string }[] }> };
      }
    ).axe;
    return (await axe.run()).violations;
  });
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
}

/** Presses Tab until the focused element is `selector` (at most `max` presses); how many it took. */
async function tabTo(page: Page, selector: string, max = 25): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('an owner outside Teams and Slack, by email and the web form', () => {
  it('gets the coordinator\'s "remind 6.3" by email, and its link opens the form for 6.3', async () => {
    await chat.goto(server.url);
    await chat.selectOption('#person', 'priya-sandhu');
    await expect.poll(() => chat.textContent('#messages')).toContain('You are Priya Sandhu');
    await say('remind 6.3');
    // The scheduler's own first reminder may have come before: the coordinator's says who asks.
    const mail = await mailTo(JOANNE, /asks for this return[\s\S]*6\.3 Reduce repeat victims/);
    expect(mail.subject).toContain('6.3');
    const url = mail.links.find((l) => l.startsWith(`${server.url}/return/`)) ?? '';
    await form.goto(url);
    expect(await form.textContent('h1')).toBe(
      '6.3 Reduce repeat victims of domestic abuse not open to MARAC: 2015/16 Q4',
    );
  });

  it('gets the coordinator\'s "remind 1.4" by email, with a signed link', async () => {
    await say('remind 1.4');
    await expect.poll(() => chat.textContent('#messages')).toContain('Joanne Lister');
    const mail = await mailTo(JOANNE, /asks for this return[\s\S]*1\.4 Monitor service requests/);
    expect(mail.subject).toContain('1.4');
    expect(mail.text).toContain('2015/16 Q4');
    link = mail.links.find((l) => l.startsWith(`${server.url}/return/`)) ?? '';
    expect(link).not.toBe('');
  });

  it('opens an accessible form, and answers a bad figure beside its field, using the keyboard only', async () => {
    await form.goto(link);
    expect(await form.textContent('h1')).toBe('1.4 Monitor service requests to the MAASBT: 2015/16 Q4');
    expect(await axeViolations(form)).toEqual([]);
    await form.screenshot({ path: `${OUT}/web-form.png`, fullPage: true });
    await tabTo(form, 'input.input-figure');
    await form.keyboard.type('abc');
    await tabTo(form, 'button[value="submit"]');
    await form.keyboard.press('Enter');
    await form.waitForSelector('.error-summary');
    expect(await form.title()).toMatch(/^Error: /);
    expect(await form.textContent('.error-summary')).toContain('"abc" is not');
    expect(await form.inputValue('input.input-figure')).toBe('abc');
    expect(await form.textContent('.group-error .error-message')).toContain('"abc" is not');
    expect(await axeViolations(form)).toEqual([]);
    await form.screenshot({ path: `${OUT}/web-form-errors.png`, fullPage: true });
  });

  it('stores a good figure, keyboard only, and confirms it by email', async () => {
    await tabTo(form, 'input.input-figure');
    await form.keyboard.press('Control+A');
    await form.keyboard.type('1000');
    await tabTo(form, 'textarea[name="narrative"]');
    await form.keyboard.type('Demand steady across the year.');
    await tabTo(form, 'button[value="submit"]');
    await form.keyboard.press('Enter');
    await form.waitForSelector('h1');
    if (await form.$('button[value="confirm"]')) {
      await tabTo(form, 'button[value="confirm"]');
      await form.keyboard.press('Enter');
      await form.waitForSelector('.panel');
    }
    expect(await form.textContent('.panel h1')).toBe('Return for 1.4 2015/16 Q4');
    expect(await form.textContent('main')).toMatch(/Stored as revision \d+/);
    await form.screenshot({ path: `${OUT}/web-form-stored.png`, fullPage: true });
    const copy = await mailTo(JOANNE, /Return for 1\.4 2015\/16 Q4/);
    expect(copy.text).toContain('1,000');
    expect(copy.text).toContain('Demand steady across the year.');
  });

  it('is approved by the coordinator, after which the link says so', async () => {
    await say('approve 1.4 Q4');
    await expect.poll(() => chat.textContent('#messages'), { timeout: 15_000 }).toMatch(/[Aa]pproved/);
    await form.goto(link);
    expect(await form.textContent('main')).toMatch(/approved/i);
    expect(await form.$('form')).toBeNull();
  });

  it('counts the return for her agency in the weekly summary', async () => {
    await say('summary');
    await expect
      .poll(() => chat.textContent('#messages'), { timeout: 15_000 })
      .toContain('Completeness by agency');
    const text = (await chat.textContent('#messages')) ?? '';
    expect(text).toContain(
      '1.4 Monitor service requests to the MAASBT — 2015/16 Q4Joanne Lister · Friday 8 April 2016',
    );
    // Her agency's four returns: 1.1, 1.2 and 1.4 in (1.4 approved through the web form), 6.3 still due.
    expect(text).toContain('SBC Community Safety 3 of 4 received (1 approved)');
    await chat.screenshot({ path: `${OUT}/web-form-summary.png`, fullPage: true });
  });
});
