// The workbook from the example plan, read back with exceljs: the Dashboard sheet's theme rows, figures,
// RAG-coloured cells with their words, frozen header, widths and wrapping; the flat Data sheet.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardXlsx } from '../../src/reports/dashboard-xlsx.js';
import { exampleDb, STOCKTON_THEMES, type Example } from './example-dashboard.js';

let ex: Example;
let wb: ExcelJS.Workbook;
let sheet: ExcelJS.Worksheet;
beforeAll(async () => {
  ex = await exampleDb();
  wb = new ExcelJS.Workbook();
  // exceljs types its Buffer as the older, narrower Node Buffer.
  await wb.xlsx.load((await dashboardXlsx(await ex.dashboard())) as unknown as ExcelJS.Buffer);
  sheet = wb.getWorksheet('Dashboard') as ExcelJS.Worksheet;
});
afterAll(async () => {
  await ex.db.close();
});

/** The Dashboard sheet's row whose first cell is `first`. */
function rowOf(first: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (!found && row.getCell(1).value === first) found = row;
  });
  if (!found) throw new Error(`no row starting "${first}"`);
  return found;
}

const fill = (c: ExcelJS.Cell) => (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;

describe('the dashboard as a workbook', () => {
  it('has the Dashboard, Data and Agencies sheets', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Dashboard', 'Data', 'Agencies']);
  });

  it('heads the sheet with the partnership and period, and the seeds’ columns', () => {
    expect(sheet.getCell('A1').value).toBe(
      'Safer Stockton Partnership: performance dashboard 2015/16 Q4 (January to March 2016)',
    );
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      'No',
      'Performance measure',
      'Q1',
      'Q2',
      'Q3',
      'Q4',
      'RAG',
      'Comments',
    ]);
  });

  it('has a row for each theme, then its measures', () => {
    const themes: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 4 && row.getCell(1).isMerged && row.getCell(2).isMerged)
        themes.push(String(row.getCell(1).value));
    });
    expect(themes.slice(0, 6)).toEqual(STOCKTON_THEMES);
  });

  it('gives 2.2’s quarters with their RAG words, and a red RAG cell that says RED', () => {
    const row = rowOf('2.2');
    expect(row.getCell(2).value).toBe('Reduce violence without injury\nBaseline: 2014/15 - 1,068 offences');
    expect([3, 4, 5, 6].map((c) => row.getCell(c).value)).toEqual([
      '336\nRed',
      '364 (YTD 700)\nRed',
      '439 (YTD 1,139)\nRed',
      '489 (YTD 1,628)\nRed',
    ]);
    expect(row.getCell(7).value).toBe('RED\nSignificant concern');
    expect(fill(row.getCell(7))).toBe('FFC00000');
    expect(row.getCell(7).font?.color?.argb).toBe('FFFFFFFF');
    expect(fill(row.getCell(3))).toBe('FFFFC7CE');
  });

  it('colours amber and green, and marks 4.1’s override with its reason in the comments', () => {
    const row = rowOf('4.1');
    expect(row.getCell(7).value).toBe('AMBER*\nSome concerns');
    expect(fill(row.getCell(7))).toBe('FFFFC000');
    expect(String(row.getCell(8).value)).toMatch(
      /^\* Coordinator's judgement \(computed: GREEN, on target\): Below the three-year baseline/,
    );
    expect(fill(rowOf('1.3').getCell(7))).toBe('FF00B050');
    expect(rowOf('1.1').getCell(7).value).toBe('Monitoring only');
  });

  it('puts the series of a multi-part measure on the rows under it', () => {
    const row = rowOf('1.1');
    const next = sheet.getRow(row.number + 1);
    expect(next.getCell(2).value).toBe('Repeat callers to the ASB Hotline');
    expect([3, 4, 5, 6].map((c) => next.getCell(c).value)).toEqual([
      '47',
      '33 (YTD 80)',
      '27 (YTD 107)',
      '12 (YTD 119)',
    ]);
  });

  it('freezes the header, sets widths, wraps the comments and prints A4 landscape', () => {
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.getColumn(8).width).toBe(70);
    expect(sheet.getColumn(2).width).toBe(38);
    expect(rowOf('2.2').getCell(8).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    expect(sheet.pageSetup.printTitlesRow).toBe('4:4');
  });

  it('keeps text as text: a narrative with markup is a plain string', () => {
    expect(rowOf('6.2').getCell(8).value).toBe('67% engaging <script>alert("pwned")</script> & <b>more</b>');
  });

  it('has a Data sheet for analysts: a row per series, with a filter, figures in number cells', () => {
    const data = wb.getWorksheet('Data') as ExcelJS.Worksheet;
    expect(data.rowCount).toBe(31);
    expect(data.autoFilter).toBeTruthy();
    const header = (data.getRow(1).values as unknown[]).slice(1);
    const rowOf = (ref: string, component = '') => {
      let found: Record<string, unknown> = {};
      data.eachRow((row, n) => {
        const values = (row.values as unknown[]).slice(1);
        if (n > 1 && values[1] === ref && (values[3] ?? '') === component)
          found = Object.fromEntries(header.map((h, i) => [String(h), values[i]]));
      });
      return found;
    };
    const pick = (r: Record<string, unknown>, keys: string[]) => keys.map((k) => r[k]);
    const r22 = rowOf('2.2');
    expect(pick(r22, ['measure', 'unit', 'Q1', 'Q2', 'Q3', 'Q4', 'year to date', 'annual target'])).toEqual([
      'Reduce violence without injury',
      'count',
      336,
      364,
      439,
      489,
      1628,
      1068,
    ]);
    expect(pick(r22, ['variance', 'variance %', 'RAG'])).toEqual([560, 52.43, 'red']);
    expect(pick(rowOf('1.2'), ['unit', 'Q4', 'target to date'])).toEqual(['percent (0 to 100)', 94, 90]);
    expect(pick(rowOf('1.1', 'Repeat callers to the Police'), ['Q1', 'Q2', 'year to date'])).toEqual([
      37, 9, 71,
    ]);
    // Excel sees numbers: the cells' type is Number, so a SUM or a pivot table adds them up.
    let numbers = 0;
    data.eachRow((row, n) => {
      if (n > 1) row.eachCell((c) => (numbers += c.type === ExcelJS.ValueType.Number ? 1 : 0));
    });
    expect(numbers).toBeGreaterThan(150);
    let q2Cell: ExcelJS.Cell | undefined;
    data.eachRow((row) => {
      if (row.getCell(2).value === '2.2') q2Cell = row.getCell(header.indexOf('Q2') + 1);
    });
    expect(q2Cell?.type).toBe(ExcelJS.ValueType.Number);
  });
});
