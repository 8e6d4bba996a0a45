// A figure not yet signed off is marked wherever the board reads it: Dan Mercer resubmits 2.2's Q4 in
// chat (awaiting approval), and the page, the Word board paper (dashboard and exceptions), the workbook,
// the text and the CSV mark that quarter "† provisional: awaiting approval", with a key line saying what
// the mark means; once approved, the mark and the key line go.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../src/reports/dashboard.js';
import { dashboardDocx } from '../../src/reports/dashboard-docx.js';
import { dashboardHtml } from '../../src/reports/dashboard-html.js';
import { dashboardCsv, dashboardText } from '../../src/reports/dashboard-text.js';
import { dashboardXlsx } from '../../src/reports/dashboard-xlsx.js';
import { loadPartnership } from '../../src/store/partnership-store.js';
import { decideReturn } from '../../src/store/review-store.js';
import { submitQ4 } from '../helpers/submit-q4.js';
import { exampleDb, type Example } from './example-dashboard.js';
import { readZip } from './read-zip.js';

const MARK = '† provisional: awaiting approval';
const KEY =
  '† Provisional: the figure is not yet signed off (awaiting approval, sent back to its owner or reopened) and may change.';

let ex: Example;
let before: Dashboard;
let pending: Dashboard;
let approved: Dashboard;
beforeAll(async () => {
  ex = await exampleDb();
  before = await ex.dashboard();
  const stored = await submitQ4(ex.db.prisma, {
    figure: 489,
    narrative: '489 crimes, checked again against the March extract.',
    source: 'local',
    requestKey: null,
    submittedAt: new Date('2016-04-25T10:00:00Z'),
  });
  expect(stored.kind).toBe('stored');
  pending = await ex.dashboard();
  const p = await loadPartnership(ex.db.prisma);
  const decided = await decideReturn(ex.db.prisma, {
    partnershipId: p?.id ?? 0,
    measureId: p?.measureIds.get('2.2') ?? 0,
    ref: '2.2',
    period: '2015/16 Q4',
    revision: null,
    decision: 'approved',
    by: 'priya-sandhu',
    at: new Date('2016-04-26T09:00:00Z'),
    channel: 'test',
    comment: null,
    notices: () => [],
  });
  expect(decided.kind).toBe('done');
  approved = await ex.dashboard();
});
afterAll(async () => {
  await ex.db.close();
});

const row22 = (d: Dashboard) => d.themes.flatMap((t) => t.rows).find((r) => r.ref === '2.2');

describe('a figure awaiting approval on the board’s dashboard', () => {
  it('is marked in its quarter only, and not once approved', () => {
    expect(row22(pending)?.cells.map((c) => c.provisional)).toEqual([null, null, null, 'awaiting approval']);
    expect(row22(before)?.cells.every((c) => c.provisional === null)).toBe(true);
    expect(row22(approved)?.cells.every((c) => c.provisional === null)).toBe(true);
  });

  it('is marked on the page, with the key saying what the mark means', () => {
    const page = dashboardHtml(pending);
    const row = page.slice(page.indexOf('>2.2<'), page.indexOf('</tbody>', page.indexOf('>2.2<')));
    expect(row).toContain(`<div class="value">489 (YTD 1,628)</div><div class="provisional">${MARK}</div>`);
    expect(row.match(/provisional:/g)).toHaveLength(1);
    expect(page).toContain(`<li class="provisional">${KEY}</li>`);
    for (const d of [before, approved]) {
      expect(dashboardHtml(d)).not.toContain('†');
      expect(dashboardHtml(d)).not.toContain('class="provisional"');
    }
  });

  it('is marked in the Word board paper: its quarter, its exception’s figures and the key', async () => {
    const xml = readZip(await dashboardDocx(pending)).text('word/document.xml');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(`489 (YTD 1,628)${MARK} Red `);
    expect(text).toContain(`${MARK}: these figures are not yet signed off and may change.`);
    expect(text).toContain(KEY);
    const clean = readZip(await dashboardDocx(approved)).text('word/document.xml');
    expect(clean).not.toContain('†');
  });

  it('is marked in the workbook’s Dashboard sheet and named in its Data sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await dashboardXlsx(pending)) as unknown as ExcelJS.Buffer);
    const values: unknown[] = [];
    wb.getWorksheet('Dashboard')?.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toContain(`489 (YTD 1,628)\n${MARK}\nRed`);
    expect(values).toContain(KEY);
    const data = parse(dashboardCsv(pending), { columns: true }) as Record<string, string>[];
    expect(data.find((r) => r.ref === '2.2')?.['not yet signed off']).toBe('awaiting approval');
    expect(data.find((r) => r.ref === '2.1')?.['not yet signed off']).toBe('');
  });

  it('is marked in the text dashboard, with the key line', () => {
    const text = dashboardText(pending);
    expect(text).toMatch(/^2\.2 +Reduce violence without injury .* 489 \(YTD 1,628\) R † +R$/m);
    expect(text.trimEnd().endsWith(KEY)).toBe(true);
    expect(dashboardText(approved)).not.toContain('†');
  });
});
