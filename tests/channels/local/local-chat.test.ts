// The local chat page in a real browser: pick the owner of 2.2, ask for its status (card and chart),
// then submit a return through the card: a bad figure comes back with its error, a good one is stored.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-server.js';
import { launchChromium, strictPage } from '../../flows/browser/launch-chromium.js';

const OUT = 'test-output';

let t: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  t = await startTestServer();
  browser = await launchChromium();
  page = await strictPage(browser, 1100, 900);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function send(text: string): Promise<void> {
  await page.fill('#input', text);
  await page.press('#input', 'Enter');
}

const lastCard = () => page.locator('.msg.card').last();

describe('local chat page', () => {
  it('shows the partnership and lets you speak as any person of the plan', async () => {
    await page.goto(t.server.url);
    await expect.poll(() => page.textContent('#partnership')).toBe('Safer Stockton Partnership');
    expect(await page.getAttribute('#input', 'placeholder')).toBe('Try: status of 2.2');
    const people = (await (await fetch(`${t.server.url}/local/people`)).json()) as {
      people: { key: string; role: string; measures: string[] }[];
    };
    const owner = people.people.find((p) => p.measures.includes('2.2'));
    expect(owner?.key).toBe('dan-mercer');
    expect(people.people.map((p) => p.role)).toEqual(
      expect.arrayContaining(['coordinator', 'chair', 'owner']),
    );
    await page.selectOption('#person', 'dan-mercer');
    await expect.poll(() => page.textContent('#messages')).toContain('You are Insp. Dan Mercer');
  });

  it('answers "status of 2.2" with the status card and its chart', async () => {
    await send('status of 2.2');
    const card = lastCard();
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain('1,628');
    expect(await card.textContent()).toContain('2.2');
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('.msg.card img')].some(
        (i) => i.complete && i.naturalWidth > 0,
      ),
    );
    await page.screenshot({ path: `${OUT}/local-chat-status.png`, fullPage: true });
  });

  it('takes a return through the card: a bad figure is sent back with its error, then stored', async () => {
    await send('submit 2.2');
    await expect.poll(() => lastCard().textContent()).toContain('Return for 2.2');
    const form = lastCard();
    // The figure is a text box: what is typed reaches the server's rules and stays in the box.
    const figure = () => form.locator('input[type="text"]').first();
    await figure().fill('abc');
    await form.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => form.textContent()).toContain('"abc" is not a number: enter digits only');
    expect(await figure().inputValue()).toBe('abc');
    await figure().fill('12.5');
    await form.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => form.textContent()).toContain('12.5 is not a count');
    await page.screenshot({ path: `${OUT}/local-chat-return-error.png`, fullPage: true });

    await figure().fill('489');
    await form.locator('textarea').first().fill('Q4 rise driven by the night-time economy.');
    await form.getByRole('button', { name: 'Submit' }).click();
    await expect
      .poll(() => form.textContent(), { timeout: 10_000 })
      .toMatch(/Stored as revision|Confirm|done about it/);
    for (let step = 0; step < 3 && !/Stored as revision/.test((await form.textContent()) ?? ''); step++) {
      const text = (await form.textContent()) ?? '';
      if (/done about it/.test(text) && !/Confirm/.test(text)) {
        await form.locator('textarea').nth(1).fill('Extra patrols in the town centre at weekends.');
        await form.getByRole('button', { name: 'Submit' }).click();
      } else await form.getByRole('button', { name: /Confirm/ }).click();
      await page.waitForTimeout(300);
    }
    await expect.poll(() => form.textContent()).toMatch(/Stored as revision 2/);
    await page.screenshot({ path: `${OUT}/local-chat-return-stored.png`, fullPage: true });
  });
});
