// The partnership channel on the local chat page, in a real browser: a newcomer who opens the page on
// Monday morning sees the weekly summary the scheduler posted there (with its chart), a button on it
// answers in their own chat, and a coordinator's "post summary" puts a fresh one in the channel.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../channels/test-server.js';
import { launchChromium, strictPage } from './launch-chromium.js';

const OUT = 'test-output';

let t: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  // Monday 2 May 2016, 10:30 in London: this week's summary (Mondays 09:00) is due at start.
  t = await startTestServer();
  browser = await launchChromium();
  page = await strictPage(browser, 1400, 1000);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const posts = () => page.locator('#channel-feed .post');

describe('the partnership channel on the local chat page', () => {
  it('shows a newcomer the weekly summary the scheduler posted, with its chart', async () => {
    await page.goto(t.server.url);
    await expect.poll(() => page.textContent('#channel-name')).toBe('#stockton');
    await expect
      .poll(() => posts().first().textContent(), { timeout: 15_000 })
      .toContain('Weekly summary: Safer Stockton Partnership, week to Monday 2 May 2016');
    const summary = (await posts().first().textContent()) ?? '';
    expect(summary).toContain('New or changed exceptions');
    expect(summary).toContain('2.2 Reduce violence without injury');
    expect(summary).toContain('Waiting for Martin Kell');
    expect(summary).toContain('5.2 Reduce alcohol related crime by people on an ATR');
    expect(summary).toContain('RAG now: 4 red, 1 amber');
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll<HTMLImageElement>('#channel-feed .post img')].some(
          (i) => i.complete && i.naturalWidth > 0,
        ),
      undefined,
      { timeout: 15_000 },
    );
    await page.screenshot({ path: `${OUT}/local-chat-summary.png`, fullPage: true });
  });

  it('answers a button on the summary in your own chat, leaving the channel as it was', async () => {
    await page.selectOption('#person', 'dan-mercer');
    const before = await posts().count();
    await posts().first().getByRole('button', { name: 'Status' }).first().click();
    await expect
      .poll(() => page.locator('#messages .msg.card').last().textContent(), { timeout: 10_000 })
      .toContain('2.1');
    expect(await posts().count()).toBe(before);
  });

  it('posts a fresh summary to the channel when a coordinator says "post summary"', async () => {
    await page.selectOption('#person', 'priya-sandhu');
    const before = await posts().count();
    await page.fill('#input', 'post summary');
    await page.press('#input', 'Enter');
    await expect
      .poll(() => page.textContent('#messages'), { timeout: 10_000 })
      .toContain('on its way to the partnership channel');
    await t.server.jobs?.deliver();
    await expect.poll(() => posts().count(), { timeout: 10_000 }).toBe(before + 1);
    await page.screenshot({ path: `${OUT}/local-chat-summary-posted.png`, fullPage: true });
  });
});
