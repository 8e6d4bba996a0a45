// The dashboard's completeness by agency for 2015/16 Q4 (the example plan on 20 May 2016), the same
// counts in every format: the data, text, the web page, the workbook's Agencies sheet and the board paper.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../src/reports/dashboard.js';
import { dashboardDocx } from '../../src/reports/dashboard-docx.js';
import { dashboardHtml } from '../../src/reports/dashboard-html.js';
import { dashboardText } from '../../src/reports/dashboard-text.js';
import { dashboardXlsx } from '../../src/reports/dashboard-xlsx.js';
import { exampleDb, type Example } from './example-dashboard.js';
import { readZip } from './read-zip.js';

let ex: Example;
let d: Dashboard;
beforeAll(async () => {
  ex = await exampleDb();
  d = await ex.dashboard();
}, 30_000);
afterAll(async () => {
  await ex.db.close();
});

const AGENCIES = [
  'Durham Tees Valley CRC 0 of 4 received (1 overdue, 3 awaiting data)',
  'SBC Public Health 0 of 2 received (2 awaiting data)',
  'SBC Community Safety 3 of 4 received (1 overdue)',
  'Cleveland Police 6 of 6 received',
  'Harbour 2 of 2 received',
];

describe("the dashboard's completeness by agency", () => {
  it('counts the quarter by agency, least complete first, with each owner and what is missing', () => {
    expect(d.agencies.period).toBe('2015/16 Q4');
    expect(d.agencies.agencies.map((a) => [a.agency, a.received, a.expected, a.overdue])).toEqual([
      ['Durham Tees Valley CRC', 0, 4, 1],
      ['SBC Public Health', 0, 2, 0],
      ['SBC Community Safety', 3, 4, 1],
      ['Cleveland Police', 6, 6, 0],
      ['Harbour', 2, 2, 0],
    ]);
    expect(d.agencies.agencies[2]?.owners).toEqual([
      expect.objectContaining({
        name: 'Joanne Lister',
        missing: ['6.3 2015/16 Q4: overdue since 2016-04-14'],
      }),
    ]);
  });

  it('reads in the text dashboard as agency lines, owners and their missing returns under them', () => {
    const text = dashboardText(d);
    const from = text.indexOf('COMPLETENESS BY AGENCY, 2015/16 Q4');

    expect(from).toBeGreaterThan(text.indexOf('DOMESTIC ABUSE'));
    expect(text.slice(from).split('\n').slice(0, 12)).toEqual([
      'COMPLETENESS BY AGENCY, 2015/16 Q4',
      AGENCIES[0],
      '  Martin Kell 0 of 4 received (1 overdue, 3 awaiting data)',
      '    – 3.1 2015/16 Q4: awaiting data: Yearend data not yet available.',
      '    – 3.2 2015/16 Q4: awaiting data: Yearend data not yet available.',
      '    – 5.1 2015/16 Q4: awaiting data: Year end data not yet available.',
      '    – 5.2 2015/16 Q4: overdue since 2016-04-14',
      AGENCIES[1],
      '  Dr Ruth Okafor 0 of 2 received (2 awaiting data)',
      '    – 3.3 2015/16 Q4: awaiting data: Q4 data will be available 24th May. (expected 2016-05-24)',
      '    – 6.1 2015/16 Q4: awaiting data: Police data provision has yet to be resolved.',
      AGENCIES[2],
    ]);
  });

  it('is a table on the web page: a row per agency, then its owners', () => {
    const page = dashboardHtml(d);
    const table = page.slice(page.indexOf('<table class="agencies">'));
    const rows = [
      ...table.matchAll(/<tr class="(agency|owner)"><th scope="row">([^<]*)<\/th><td>([^<]*)<\/td>/g),
    ];

    expect(table).toContain('Completeness by agency, 2015/16 Q4');
    expect(rows.slice(0, 4).map((m) => [m[1], m[2], m[3]])).toEqual([
      ['agency', 'Durham Tees Valley CRC', '0 of 4'],
      ['owner', 'Martin Kell', '0 of 4'],
      ['agency', 'SBC Public Health', '0 of 2'],
      ['owner', 'Dr Ruth Okafor', '0 of 2'],
    ]);
    expect(table).toContain('<p>6.3 2015/16 Q4: overdue since 2016-04-14</p>');
  });

  it('has an Agencies sheet in the workbook', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await dashboardXlsx(d)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Agencies') as ExcelJS.Worksheet;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

    expect(values(1)).toEqual(['Completeness by agency, 2015/16 Q4']);
    expect(values(2)).toEqual([
      'Agency and owner',
      'Received',
      'Approved',
      'Awaiting data',
      'Overdue',
      'Still missing',
    ]);
    expect(values(3)).toEqual(['Durham Tees Valley CRC', '0 of 4', 0, 3, 1, '']);
    expect(sheet.getRow(3).font?.bold).toBe(true);
    expect(values(8)).toEqual([
      'Joanne Lister',
      '3 of 4',
      0,
      0,
      1,
      '6.3 2015/16 Q4: overdue since 2016-04-14',
    ]);
  });

  it('ends the board paper with the completeness table', async () => {
    const xml = readZip(await dashboardDocx(d)).text('word/document.xml');
    const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    const from = words.indexOf('3. Completeness by agency, 2015/16 Q4');

    expect(from).toBeGreaterThan(words.indexOf('2. Dashboard 2015/16 Q4'));
    expect(words.slice(from)).toContain('Durham Tees Valley CRC|0 of 4|0|3|1|');
    expect(words.slice(from)).toContain(
      'Joanne Lister|3 of 4|0|0|1|6.3 2015/16 Q4: overdue since 2016-04-14',
    );
  });
});
