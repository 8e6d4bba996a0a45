// The rank, rolling-12-month and RAG-word measures on every surface that is not the status card: the
// dashboard as text, CSV, HTML and XLSX, the command line's status, and the chat's text fallback.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/cli/run-command.js';
import { financialCalendar } from '../../src/domain/period.js';
import { replyText } from '../../src/render/reply-text.js';
import { buildDashboard, type Dashboard, type DashboardRow } from '../../src/reports/dashboard.js';
import { dashboardCsv, dashboardText } from '../../src/reports/dashboard-text.js';
import { dashboardHtml } from '../../src/reports/dashboard-html.js';
import { dashboardXlsx } from '../../src/reports/dashboard-xlsx.js';
import { loadPartnership } from '../../src/store/partnership-store.js';
import { botSession, only, type BotSession } from '../helpers/bot-session.js';
import { edit, measureKindsPlanYaml } from '../helpers/plan-text.js';

const WITHOUT_AUGUST = edit(measureKindsPlanYaml(), "  - { ref: '5.2', period: '2012-08', value: 1 }\n", '');

async function dashboardOf(s: BotSession, period: string, today: string): Promise<Dashboard> {
  const p = await loadPartnership(s.db.prisma);
  if (!p) throw new Error('no partnership');
  const d = await buildDashboard(s.db.prisma, financialCalendar(4), p, { period, today, suppress: true });
  if (!d.ok) throw new Error(d.error);
  return d.value;
}

const rowOf = (d: Dashboard, ref: string): DashboardRow => {
  const row = d.themes.flatMap((t) => t.rows).find((r) => r.ref === ref);
  if (!row) throw new Error(`no row ${ref}`);
  return row;
};

/** The CSV's first row for a measure, keyed by the header. */
const csvRow = (csv: string, ref: string) =>
  (parse(csv, { columns: true }) as Record<string, string>[]).find((r) => r.ref === ref);

const figures = (r: DashboardRow) => Object.fromEntries(r.figures.map((f) => [f.label, f.value]));

const clock = { now: new Date('2017-08-01T09:00:00Z'), today: '2017-08-01' };

let s: BotSession;
let gap: BotSession;
let rank: Dashboard;
beforeAll(async () => {
  s = await botSession({ planText: measureKindsPlanYaml() });
  gap = await botSession({ planText: WITHOUT_AUGUST });
  rank = await dashboardOf(s, '2017/18 Q1', '2017-08-01');
});
afterAll(async () => {
  await s.close();
  await gap.close();
});

describe('a rank on the dashboard (seed 004: "Ranked 5th best out of 15")', () => {
  it('reads "5th of 15" in its quarter, with last year’s rank in its own group and the change in places', () => {
    const row = rowOf(rank, '5');
    expect(row.cells[0]).toMatchObject({ period: '2017/18 Q1', text: '5th of 15', rag: 'green' });
    expect(row.label).toBe('Generally satisfied');
    expect(figures(row)).toEqual({
      'In period': '5th of 15',
      'Target to date': '7th',
      Variance: 'up 2 places',
      'Same period last year': '7th of 14',
      'Change on last year': 'up 2 places (improving)',
    });
  });

  it('says it in the text, CSV, HTML and XLSX, with the partnership’s RAG words in each key', async () => {
    const text = dashboardText(rank);
    expect(text).toMatch(
      /^5 +Comparison of crime against other +5th of 15 G +G\n +partnerships using iQuanta$/m,
    );
    expect(text).toContain(
      'G green (generally satisfied) · A amber (some concerns) · R red (area of significant concern)',
    );
    expect(csvRow(dashboardCsv(rank), '5')).toMatchObject({
      theme: 'Community safety and protection',
      unit: 'rank (1 = first)',
      Q1: '5',
      'in period': '5',
      'rank group size': '15',
      'target to date': '7',
      variance: '-2',
      'same period last year': '7',
      RAG: 'green',
    });
    const html = dashboardHtml(rank);
    expect(html).toContain('5th of 15');
    expect(html).toContain('</span>Area of significant concern</li>');
    expect(html).toContain('</span>Generally satisfied</li>');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await dashboardXlsx(rank)) as unknown as ExcelJS.Buffer);
    const values: unknown[] = [];
    wb.getWorksheet('Dashboard')?.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toEqual(
      expect.arrayContaining([
        '5th of 15\nGreen',
        'GREEN\nGenerally satisfied',
        'GREEN: Generally satisfied',
        'RED: Area of significant concern',
      ]),
    );
  });
});

describe('a rolling 12 months on the dashboard (seed 003, 5.2: 32, 26 and 22)', () => {
  it('gives each quarter the 12 months to its end', async () => {
    const row = rowOf(await dashboardOf(s, '2012/13 Q3', '2013-02-01'), '5.2');
    expect(row.cells.map((c) => c.text)).toEqual(['32', '26', '22', '']);
    expect(figures(row)).toMatchObject({ 'Rolling 12 months': '22', 'Target to date': '34' });
    expect(figures(row)['Year to date']).toBeUndefined();
  });

  it('names the missing month in the quarters whose 12 months include it, and in every format', async () => {
    const d = await dashboardOf(gap, '2012/13 Q3', '2013-02-01');
    const row = rowOf(d, '5.2');
    expect(row.cells.map((c) => c.text)).toEqual([
      '32',
      'incomplete: no return for 2012-08',
      'incomplete: no return for 2012-08',
      '',
    ]);
    expect(row.label).toBe('Months missing');
    expect(csvRow(dashboardCsv(d), '5.2')).toMatchObject({
      Q1: '32',
      Q2: '',
      Q3: '',
      'in period': '',
      note: 'Incomplete: no return for 2012-08',
    });
    expect(dashboardHtml(d)).toContain('incomplete: no return for 2012-08');
  });
});

describe('the command line’s status', () => {
  it('gives a rank as "5th of 15" against last year in places, in the partnership’s words', async () => {
    const out = await runCommand(s.db.prisma, ['status', '5'], { period: '2017/18 Q1' }, clock);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Status: GREEN (Generally satisfied)');
    expect(out.stdout).toContain('In period: 5th of 15   Year to date: 5th of 15');
    expect(out.stdout).toContain('Last year: 7th of 14   Change: up 2 places (improving)');
  });

  it('gives the group size and the missing months in JSON', async () => {
    const ranked = await runCommand(
      s.db.prisma,
      ['status', '5'],
      { period: '2017/18 Q1', json: true },
      clock,
    );
    expect(JSON.parse(ranked.stdout ?? '')).toMatchObject({
      actual: 5,
      groupSize: { actual: 15, ytd: 15 },
      lastYear: { actual: 7, groupSize: 14, change: -2 },
    });
    const rolling = await runCommand(
      gap.db.prisma,
      ['status', '5.2'],
      { period: '2012/13 Q2', json: true },
      clock,
    );
    expect(JSON.parse(rolling.stdout ?? '')).toMatchObject({
      actual: null,
      missing: ['2012-08'],
      label: 'Months missing',
    });
  });

  it('gives a rolling 12 months, or the months it lacks', async () => {
    const out = await runCommand(s.db.prisma, ['status', '5.2'], { period: '2012/13 Q2' }, clock);
    expect(out.stdout).toContain('Rolling 12 months: 26\n');
    const missing = await runCommand(gap.db.prisma, ['status', '5.2'], { period: '2012/13 Q2' }, clock);
    expect(missing.stdout).toContain('Status: GREY (Months missing)');
    expect(missing.stdout).toContain('Rolling 12 months: incomplete, no return for 2012-08');
  });
});

describe('a count’s quarter against the same quarter last year, beside the year to date (seed 000, 1.4 Q2)', () => {
  // "1319 service requests to the ASB Team during Q2. This compares to 1294 last year, increase of 25."
  it('is on the status card and in the command line’s status', async () => {
    const stockton = await botSession();
    try {
      const view = only(await stockton.say('priya-sandhu', 'status of 1.4 2015/16 Q2'), 'status').view;
      expect(Object.fromEntries(view.figures.map((f) => [f.label, f.value]))).toMatchObject({
        'In period': '1,319',
        'Year to date': '2,522',
        'Same period last year': '1,294 · change +25 (+1.9%)',
        'Year to date last year': '2,585 · change −63 (−2.4%), down',
      });
      const clock2016 = { now: new Date('2016-05-02T09:00:00Z'), today: '2016-05-02' };
      const out = await runCommand(
        stockton.db.prisma,
        ['status', '1.4'],
        { period: '2015/16 Q2' },
        clock2016,
      );
      expect(out.stdout).toContain(
        'Last year: 2,585   Change: −63 (−2.4%) (down)\nSame period last year: 1,294   Change: +25 (+1.9%)',
      );
    } finally {
      await stockton.close();
    }
  });
});

describe('the chat’s text fallback', () => {
  it('names the RAG in the partnership’s words (figures stay on the card)', async () => {
    const reply = only(
      await s.say('ana-owner', 'status of 5 2017/18 Q1', { today: '2017-08-01', now: clock.now }),
      'status',
    );
    expect(replyText(reply)).toContain(
      '5 Comparison of crime against other partnerships using iQuanta, 2017/18 Q1: GREEN (Generally satisfied)',
    );
  });
});
