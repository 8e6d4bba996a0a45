// Microsoft 365 Agents Playground as a client: `npm run playground` starts the bot (local mode) and
// Microsoft's local Teams client together on a fresh database, with the plan's people as the
// Playground's users; Chromium then drives the Playground's page as Insp. Dan Mercer: help, a status,
// a return with a bad figure and then a good one, figures not available with a reason and a date, and
// a mention of the bot in a team channel. Nothing leaves the machine: the page's requests for anything
// but 127.0.0.1 are refused. Screenshots go to test-output/playground-*.png.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { playgroundConfig } from '../../../scripts/playground-config.js';
import { STOCKTON_PLAN } from '../../helpers/bot-session.js';
import { freePort } from '../../helpers/free-port.js';
import { launchChromium, strictPage } from './launch-chromium.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const OUT = join(ROOT, 'test-output');

let dir: string;
let both: ChildProcess;
let output = '';
let url: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'perfbot-playground-'));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  Object.assign(env, {
    DATABASE_URL: `file:${join(dir, 'bot.db')}`,
    PORT: String(await freePort()),
    PLAYGROUND_PORT: String(await freePort()),
    REMINDERS: 'off',
    TEAMSAPPTESTER_BROWSER: 'none',
  });
  // From the temporary folder, as someone would run it: the generated config and log land in its data/.
  both = spawn('npm', ['--prefix', ROOT, 'run', 'playground'], { cwd: dir, env, detached: true });
  both.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  both.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const until = performance.now() + 120_000;
  while (!/Listening on \d+/.test(output)) {
    if (both.exitCode !== null || performance.now() > until)
      throw new Error(`npm run playground failed:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  url = `http://127.0.0.1:${/Listening on (\d+)/.exec(output)?.[1]}/`;
  browser = await launchChromium();
  page = await strictPage(browser, 1400, 1000);
  // Offline: the page asks a CDN for fonts, refused here as it would fail without a network.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (r) => r.abort());
}, 180_000);

afterAll(async () => {
  await browser?.close();
  // npm, the script, the bot and the Playground: the process group this test started.
  if (both?.pid && both.exitCode === null) {
    const exited = new Promise((r) => both.once('exit', r));
    process.kill(-both.pid, 'SIGTERM');
    await exited;
    // …and until every process of the group has gone (signal 0 throws once none is left).
    for (let i = 0; i < 300 && groupAlive(both.pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
  rmSync(dir, { recursive: true, force: true });
});

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

const cards = () => page.locator('.ac-adaptiveCard');
const shot = (name: string) => page.screenshot({ path: join(OUT, `playground-${name}.png`) });

/** Types a message in the open conversation and waits for the bot's next card; its text. */
async function send(text: string): Promise<Locator> {
  const before = await cards().count();
  await page.locator('[data-lexical-editor="true"]').first().click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect.poll(() => cards().count(), { timeout: 20_000 }).toBeGreaterThan(before);
  return cards().last();
}

/** Presses a card's button and waits for the card to change (the bot replaces it in place). */
async function press(card: Locator, button: string): Promise<string> {
  const before = await card.innerText();
  await card.getByRole('button', { name: button }).click();
  await expect.poll(() => cards().last().innerText(), { timeout: 20_000 }).not.toBe(before);
  return cards().last().innerText();
}

describe('npm run playground', () => {
  it("configures the Playground's users as the plan's people, with their Entra ids and emails", () => {
    const config = parse(readFileSync(join(dir, 'data', 'm365agentsplayground.yml'), 'utf8')) as {
      currentUser: { name: string; aadObjectId: string; email: string };
      users: { name: string; aadObjectId: string; email: string }[];
    };
    expect(config.currentUser).toMatchObject({
      name: 'Insp. Dan Mercer',
      aadObjectId: '9c41d0a2-5be3-4f17-8e2d-6a0b3c7f1d95',
      email: 'dan.mercer@example.org',
    });
    expect(config.users).toHaveLength(5);
    expect(config.users[0]).toMatchObject({
      name: 'Priya Sandhu',
      aadObjectId: '3f2b8c1e-7d4a-4e9b-9a61-2c5d8e0f4b7a',
      email: 'priya.sandhu@example.org',
    });
    expect(config.users.map((u) => u.name)).toEqual([
      'Priya Sandhu',
      'Cllr Alan Whitfield',
      'Joanne Lister',
      'Dr Ruth Okafor',
      'Sian Pryce',
    ]);
    // Joanne is outside the council's tenant: a made-up object id, found by her email as a guest would be.
    expect(config.users[2]).toMatchObject({ email: 'joanne.lister@example.org' });
    expect(config.users[2]?.aadObjectId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('says what to add when the plan has too few people with an email for the Playground', () => {
    const text = readFileSync(STOCKTON_PLAN, 'utf8').replace(/\n {4}email: (?:ruth|sian)[^\n]+/g, '');
    expect(() => playgroundConfig('plan.yaml', text)).toThrow(
      'plan.yaml: the Agents Playground needs 6 people with an email; the plan has 5. Add their email addresses.',
    );
  });

  it('connects the Playground to the bot, offline', async () => {
    await page.goto(url);
    await expect.poll(() => page.locator('body').innerText(), { timeout: 20_000 }).toContain('Connected.');
    await expect.poll(() => page.locator('body').innerText()).toContain('Insp. Dan Mercer');
  });
});

describe('the Playground as Insp. Dan Mercer, in personal chat', () => {
  it('answers help with its list, one line each, and example buttons', async () => {
    const card = await send('help');
    const text = await card.innerText();
    expect(text).toContain('Here is what I can do:');
    expect(text).toMatch(/• status of 2\.2 — a measure's latest status[^\n]*\n+• how is ASB doing/);
    expect(text).toContain('delegate 2.2 to (their name)');
    expect(await card.getByRole('button', { name: 'Status of 2.2' }).isVisible()).toBe(true);
    await shot('1-help');
  });

  it('answers "status of 2.2" with the status card and its chart', async () => {
    const card = await send('status of 2.2');
    const text = await card.innerText();
    expect(text).toContain('2.2 Reduce violence without injury');
    expect(text).toMatch(/RED — Significant concern/);
    expect(text).toMatch(/Year to date\s+1,628/);
    await card.locator('img').first().scrollIntoViewIfNeeded();
    await shot('2-status');
  });

  it('refuses a figure that is not a count on the card, then stores a good one', async () => {
    const card = await send('submit 2.2');
    expect(await card.innerText()).toContain('Return for 2.2 2015/16 Q4');
    await card.getByLabel(/Figure for the period/).fill('12.5');
    const refused = await press(card, 'Submit');
    expect(refused).toContain('Please fix the fields marked below; nothing has been stored yet.');
    expect(refused).toContain('12.5 is not a count: use a whole number, 0 or more');
    await shot('3-bad-figure');

    const again = cards().last();
    await again.getByLabel(/Figure for the period/).fill('500');
    await again.getByLabel(/What is being done/).fill('Extra patrols on Friday and Saturday nights.');
    const stored = await press(again, 'Submit');
    expect(stored).toContain(
      'Stored as revision 2; revision 1 is kept in the history. Thank you. Awaiting approval by Priya Sandhu.',
    );
    await shot('4-stored');
  });

  it('takes "figures not available" from the card, with a reason and a date', async () => {
    const card = await send('submit 2.2');
    await card.getByText('Figures not available yet').click();
    await card.getByLabel(/Why not/).fill('The police system is down');
    await card.getByLabel(/When they are expected/).fill('2016-05-24');
    const stored = await press(card, 'Submit');
    expect(stored).toContain('Stored as revision 3');
    expect(stored).toMatch(/Figures not available\s+The police system is down/);
    expect(stored).not.toContain('no return for 2015/16 Q4');
    await shot('5-not-available');
  });
});

describe('the Playground in a team channel', () => {
  it('answers a mention of the bot in the channel', async () => {
    await page.getByRole('treeitem', { name: /Performance returns/ }).click();
    await page.locator('[data-lexical-editor="true"]').first().click();
    await page.keyboard.type('@');
    await page.getByText('perfbot', { exact: true }).last().click();
    await page.keyboard.type(' exceptions');
    const before = await cards().count();
    await page.getByRole('button', { name: 'Post' }).click();
    await expect.poll(() => cards().count(), { timeout: 20_000 }).toBeGreaterThan(before);
    const text = await cards().last().innerText();
    expect(text).toMatch(/Exceptions: \d+ red, \d+ amber/);
    await shot('6-channel-mention');
  });
});
