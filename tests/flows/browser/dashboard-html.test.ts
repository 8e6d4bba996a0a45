// The board dashboard page in a real browser (headless Chromium), from the local-mode server: drawn
// self-contained, with RAG as a word on its colour, then printed to PDF on A4 landscape. Screenshots and
// the PDF go to test-output/ to be looked at.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../channels/test-server.js';
import { launchChromium, strictPage } from './launch-chromium.js';

const OUT = 'test-output';

let t: TestServer;
let browser: Browser;
let page: Page;
const requested: string[] = [];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  t = await startTestServer();
  browser = await launchChromium();
  page = await strictPage(browser, 1280, 900);
  page.on('request', (r) => requested.push(r.url()));
  const res = await page.goto(`${t.server.url}/dashboard?period=${encodeURIComponent('2015/16 Q4')}`);
  expect(res?.status()).toBe(200);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** The cells of a measure's first row, as the browser draws them. */
const cellsOf = (ref: string) =>
  page.$$eval(
    'tbody.measure > tr:first-child',
    (rows, want) => {
      const row = rows.find((r) => r.querySelector('td.no')?.textContent === want);
      return [...(row?.querySelectorAll('td') ?? [])].map((td) => ({
        text: td.innerText.replace(/\s+/g, ' ').trim(),
        background: getComputedStyle(td).backgroundColor,
        color: getComputedStyle(td).color,
      }));
    },
    ref,
  );

describe('the dashboard page in Chromium', () => {
  it('fetches nothing but itself', () => {
    expect(requested).toEqual([`${t.server.url}/dashboard?period=2015%2F16%20Q4`]);
  });

  it('draws 2.2 with its quarters and RED as white on red', async () => {
    const cells = await cellsOf('2.2');
    expect(cells.map((c) => c.text)).toEqual([
      '2.2',
      'Reduce violence without injury Baseline: 2014/15 - 1,068 offences',
      '336 Red',
      '364 (YTD 700) Red',
      '439 (YTD 1,139) Red',
      '489 (YTD 1,628) Red',
      'RED Significant concern',
      '489 crimes This gives a year to date total of 1628, an increase of 560 crimes (52.4%)',
    ]);
    expect(cells[6]).toMatchObject({ background: 'rgb(192, 0, 0)', color: 'rgb(255, 255, 255)' });
  });

  it('draws 4.1’s override as AMBER* on amber, and green and grey cells with their words', async () => {
    expect((await cellsOf('4.1'))[6]).toMatchObject({
      text: 'AMBER* Some concerns',
      background: 'rgb(255, 192, 0)',
    });
    expect((await cellsOf('1.3'))[6]).toMatchObject({
      text: 'GREEN On target',
      background: 'rgb(0, 176, 80)',
    });
    expect((await cellsOf('1.4'))[6]).toMatchObject({
      text: 'Monitoring only',
      background: 'rgb(231, 230, 230)',
    });
  });

  it('looks right on screen', async () => {
    await page.screenshot({ path: `${OUT}/dashboard-screen.png`, fullPage: true });
  });

  it('prints on A4 landscape pages, the table headers repeating, as a PDF', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.$eval('thead', (el) => getComputedStyle(el).display)).toBe('table-header-group');
    expect(await page.$eval('tbody.measure', (el) => getComputedStyle(el).breakInside)).toBe('avoid');
    const pdf = await page.pdf({
      path: `${OUT}/dashboard.pdf`,
      preferCSSPageSize: true,
      printBackground: true,
    });
    const text = pdf.toString('latin1');
    const boxes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [
      Math.round(Number(m[1])),
      Math.round(Number(m[2])),
    ]);
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    for (const box of boxes) expect(box).toEqual([842, 595]);
    expect(readFileSync(`${OUT}/dashboard.pdf`).subarray(0, 5).toString()).toBe('%PDF-');
    // The first printed page as the printer sees it: A4 landscape at 96 dpi.
    await page.setViewportSize({ width: 1123, height: 794 });
    await page.screenshot({ path: `${OUT}/dashboard-print.png` });
  });
});
