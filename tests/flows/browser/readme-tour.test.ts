// The README's two-minute tour, as a newcomer takes it: `npm start` (the real composition root, the real
// clock: today, whatever date that is) on a fresh database, then the chat page in Chromium. The example
// plan's demonstration date makes the tour read as written: 2.2 at 2015/16 Q4, red, and its return card
// for the quarter that is actually owed, with last quarter's figure.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../helpers/free-port.js';
import { launchChromium, strictPage } from './launch-chromium.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const OUT = 'test-output';

let dir: string;
let bot: ChildProcess;
let output = '';
let url: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'perfbot-tour-'));
  const port = await freePort();
  // What `npm start` runs, with nothing configured but where the database lives and the port.
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  Object.assign(env, { DATABASE_URL: `file:${join(dir, 'bot.db')}`, PORT: String(port), REMINDERS: 'off' });
  bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: 'pipe' });
  bot.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  bot.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const until = performance.now() + 60_000;
  while (!output.includes('"listening"')) {
    if (bot.exitCode !== null || performance.now() > until) throw new Error(`npm start failed:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  url = `http://localhost:${port}`;
  browser = await launchChromium();
  page = await strictPage(browser, 1100, 900);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  bot?.kill('SIGTERM');
  if (bot && bot.exitCode === null) await new Promise((r) => bot.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
});

async function send(text: string): Promise<string> {
  const before = await page.locator('.msg.bot, .msg.card').count();
  await page.fill('#input', text);
  await page.press('#input', 'Enter');
  await expect
    .poll(() => page.locator('.msg.bot, .msg.card').count(), { timeout: 15_000 })
    .toBeGreaterThan(before);
  return (await page.locator('.msg.bot, .msg.card').last().textContent()) ?? '';
}

describe("the README's tour on a fresh database, today", () => {
  it('says which date the example behaves as on', async () => {
    await page.goto(url);
    await expect.poll(() => page.textContent('#partnership')).toBe('Safer Stockton Partnership');
    await expect
      .poll(() => page.textContent('#today'))
      .toBe('The bot behaves as on Monday 2 May 2016 (the example plan’s demonstration date).');
    expect(output).toContain('behaving as on the plan’s demonstration date');
  });

  it('shows 2.2 at 2015/16 Q4 as a significant concern, whatever today is', async () => {
    await page.selectOption('#person', 'dan-mercer');
    const card = await send('status of 2.2');
    expect(card).toContain('2015/16 Q4');
    expect(card).toContain('1,628');
    expect(card).toMatch(/RED|Significant concern/i);
  });

  it('lists what is overdue in 2015/16, not in the real year', async () => {
    const list = await send('overdue');
    expect(list).toContain('5.2 2015/16 Q4');
    expect(list).not.toMatch(/20(2\d)\/\d\d/);
  });

  it("opens 2.2's return card for 2015/16 Q4 with last quarter's figure", async () => {
    const card = await send('submit 2.2');
    expect(card).toContain('Return for 2.2');
    expect(card).toContain('2015/16 Q4');
    expect(card).toContain('439');
    expect(card).not.toContain('no figure');
    await page.screenshot({ path: `${OUT}/readme-tour.png`, fullPage: true });
  });

  it('refuses a period after the plan ends, naming its years', async () => {
    const answer = await send('status of 2.2 2026/27 Q2');
    expect(answer).toContain("2026/27 Q2 is outside the plan's years (2014/15 to 2016/17)");
  });
});
