// Local mode, end to end: the real server with its scheduler and delivery loop, the example plan, and
// the chat page in Chromium. Joanne Lister owes 6.3 for 2015/16 Q4 (due Thursday 14 April 2016); on
// Friday 8 April she opens the chat page for the first time, types nothing, and her reminder arrives
// in the page's message feed. Its "Submit return" button opens the return card.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPlanFile } from '../../src/app/import-plan-file.js';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/server/start-server.js';
import { tempDb, type TempDb } from '../helpers/temp-db.js';
import { silent } from './jobs-harness.js';

const CHROMIUM = '/usr/bin/chromium';

let db: TempDb;
let server: RunningServer;
let browser: Browser;
let page: Page;
let now = new Date('2016-04-08T09:00:00Z');

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install -y chromium`);
  db = await tempDb();
  const imported = await importPlanFile(db.prisma, 'examples/stockton-2015-16.yaml', { dryRun: false, now });
  if (!imported.ok) throw new Error(imported.errors.join('\n'));
  const config = { ...loadConfig({ HOST: '127.0.0.1', OUTBOX_POLL_MS: '100' }), PORT: 0 };
  // Look again every poll for a way to reach someone (in production, every minute).
  server = await startServer({
    config,
    db: db.prisma,
    clock: () => now,
    log: silent,
    jobs: { recheckMs: 0 },
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  page = await browser.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

describe('a reminder in the local chat page', () => {
  it('was written at start-up, waiting for a way to reach Joanne', async () => {
    const joannes = () => db.prisma.outboxMessage.findMany({ where: { recipient: 'joanne-lister' } });
    await expect
      .poll(async () => (await joannes()).map((r) => [r.key, r.status, r.waiting]), { timeout: 10_000 })
      .toEqual([['remind:6.3:2015/16 Q4:first:joanne-lister', 'pending', 'no_route']]);
  });

  it('arrives in the page once she opens it, before she types anything', async () => {
    await page.goto(server.url);
    await page.selectOption('#person', 'joanne-lister');
    const card = page.locator('.msg.card', { hasText: '6.3' });
    await card.waitFor({ timeout: 15_000 });

    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Reminder: the 2015/16 Q4 return for 6.3 is due on Thursday 14 April 2016');
    expect(text).toContain('Submit return');
    expect(await page.locator('.msg.user').count()).toBe(0);
  });

  it('opens the return card from its button', async () => {
    await page
      .locator('.msg.card', { hasText: '6.3' })
      .getByRole('button', { name: 'Submit return' })
      .click();
    await expect
      .poll(() => page.locator('.msg.card').last().textContent(), { timeout: 10_000 })
      .toContain('Return for 6.3');
  });

  it('is sent once: the outbox holds it as sent, to the local chat', async () => {
    now = new Date('2016-04-08T11:00:00Z');
    await server.jobs?.tick();
    await server.jobs?.deliver();
    const rows = await db.prisma.outboxMessage.findMany({ where: { recipient: 'joanne-lister' } });
    expect(rows.map((r) => [r.key, r.status, r.channel])).toEqual([
      ['remind:6.3:2015/16 Q4:first:joanne-lister', 'sent', 'local'],
    ]);
  });
});
