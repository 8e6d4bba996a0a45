// The dashboard as an Excel workbook: a "Dashboard" sheet laid out like the board's tables (theme rows,
// RAG-coloured cells with the word, frozen header, wrapped comments, A4 landscape print set-up) and a
// "Data" sheet for analysts with a filter: a row per series, a column per figure, numbers in number cells.
import ExcelJS from 'exceljs';
import { longDate } from '../domain/reminders/reminder-time.js';
import type { Rag } from '../domain/plan-schema.js';
import { AGENCY_COLUMNS, agencyCells, agencyHeading, agencyTable } from './dashboard-agencies.js';
import type { Dashboard, DashboardCell, DashboardPart, DashboardRow } from './dashboard.js';
import { dashboardDataTable } from './dashboard-data-table.js';
import { hasProvisional, PROVISIONAL_NOTE, provisionalText } from './dashboard-provisional.js';
import {
  OVERRIDE_NOTE,
  RAG_LOOK,
  RAGS_IN_KEY,
  ragMeaning,
  overrideText,
  ragCellWords,
  ragSummary,
} from './dashboard-rag.js';

const WIDTHS = [6, 38, 17, 17, 17, 17, 15, 70];
const HEADER_ROW = 4;
const NAVY = 'FF1F3864';
const THEME_FILL = 'FFD9E2F3';
/** Lighter tints for the quarters (Excel's Bad, Neutral and Good styles), so the RAG column stands out. */
const TINT: Record<Rag, { fill: string; text: string } | null> = {
  red: { fill: 'FFFFC7CE', text: 'FF9C0006' },
  amber: { fill: 'FFFFEB9C', text: 'FF9C5700' },
  green: { fill: 'FFC6EFCE', text: 'FF006100' },
  none: null,
};

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF595959' } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };

export async function dashboardXlsx(d: Dashboard): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = d.partnership;
  wb.title = `Performance dashboard ${d.upTo}`;
  wb.created = new Date(`${d.asAt}T00:00:00Z`);
  wb.modified = wb.created;
  dashboardSheet(wb, d);
  dataSheet(wb, d);
  agencySheet(wb, d);
  // One sans-serif font throughout, whatever the reader's default.
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        c.font = { name: 'Arial', size: 10, ...c.font };
      }),
    ),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function dashboardSheet(wb: ExcelJS.Workbook, d: Dashboard): void {
  const ws = wb.addWorksheet('Dashboard', {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 2 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L${d.partnership} — ${d.upTo}&RPage &P of &N` },
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  const last = WIDTHS.length;
  const banner = (row: number, text: string, font: Partial<ExcelJS.Font>) => {
    ws.mergeCells(row, 1, row, last);
    const c = ws.getCell(row, 1);
    c.value = text;
    c.font = font;
  };
  banner(1, `${d.partnership}: performance dashboard ${d.upTo} (${d.months})`, { bold: true, size: 14 });
  banner(2, `Produced ${longDate(d.asAt)}. ${ragSummary(d)}`, { italic: true });
  keyRow(ws.getRow(3), d);
  const header = ws.getRow(HEADER_ROW);
  header.values = ['No', 'Performance measure', ...d.columns, 'RAG', 'Comments'];
  header.eachCell((c) => {
    c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    c.fill = solid(NAVY);
    c.border = BORDER;
    c.alignment = { vertical: 'middle' };
  });
  for (const t of d.themes) {
    const at = ws.rowCount + 1;
    ws.mergeCells(at, 1, at, last);
    const c = ws.getCell(at, 1);
    c.value = t.name;
    c.font = { bold: true, size: 12, color: { argb: NAVY } };
    c.fill = solid(THEME_FILL);
    c.border = BORDER;
    for (const r of t.rows) {
      measureRow(ws.addRow([]), r);
      for (const part of r.parts) partRow(ws.addRow([]), r, part);
    }
  }
  const foot = [OVERRIDE_NOTE, hasProvisional(d) ? PROVISIONAL_NOTE : null, d.suppression].filter(
    (x) => x !== null,
  );
  for (const line of foot) banner(ws.rowCount + 2, line, { italic: true });
}

function keyRow(row: ExcelJS.Row, d: Dashboard): void {
  row.getCell(2).value = 'Key';
  row.getCell(2).font = { bold: true };
  RAGS_IN_KEY.forEach((rag, i) => {
    const look = RAG_LOOK[rag];
    const c = row.getCell(3 + i);
    c.value = `${look.word || 'GREY'}: ${ragMeaning(rag, d.ragWords)}`;
    c.fill = solid(`FF${look.fill}`);
    c.font = { bold: true, color: { argb: `FF${look.text}` } };
    c.border = BORDER;
    c.alignment = WRAP;
  });
  fitHeight(row);
}

function measureRow(row: ExcelJS.Row, r: DashboardRow): void {
  const { word, label } = ragCellWords(r.rag, r.label, r.override !== null);
  const comments = [r.override ? overrideText(r.override) : '', r.comments].filter(Boolean).join('\n\n');
  row.values = [
    r.ref,
    r.baseline ? `${r.title}\nBaseline: ${r.baseline}` : r.title,
    ...r.cells.map(quarterText),
    word ? `${word}\n${label}` : label,
    comments,
  ];
  row.eachCell({ includeEmpty: true }, (c) => {
    c.alignment = WRAP;
    c.border = BORDER;
  });
  row.getCell(1).font = { bold: true };
  r.cells.forEach((q, i) => {
    const tint = TINT[q.rag];
    if (!tint) return;
    const c = row.getCell(3 + i);
    c.fill = solid(tint.fill);
    c.font = { color: { argb: tint.text } };
  });
  const rag = row.getCell(3 + r.cells.length);
  const look = RAG_LOOK[r.rag];
  rag.fill = solid(`FF${look.fill}`);
  rag.font = { bold: true, color: { argb: `FF${look.text}` } };
  rag.alignment = { ...WRAP, horizontal: 'center', vertical: 'middle' };
  fitHeight(row);
}

/**
 * Sets a row's height from its wrapped text: spreadsheets do not all size rows of wrapped text when they
 * open a file (LibreOffice does not), and a clipped comment is a lost comment.
 */
function fitHeight(row: ExcelJS.Row): void {
  let lines = 1;
  row.eachCell((c, col) => {
    const width = WIDTHS[col - 1] ?? 10;
    if (c.isMerged || typeof c.value !== 'string') return;
    const wrapped = c.value
      .split('\n')
      .reduce((n, line) => n + Math.max(1, Math.ceil((line.length * 1.1) / Math.max(width - 1, 1))), 0);
    lines = Math.max(lines, wrapped);
  });
  row.height = Math.min(409, lines * 13 + 4);
}

function quarterText(c: DashboardCell): string {
  if (!c.reported) return '';
  const word = RAG_LOOK[c.rag].short;
  return [c.value, c.provisional && provisionalText(c.provisional), word].filter(Boolean).join('\n');
}

/** A series of a multi-part measure on its own line: its name indented under the measure, its figures. */
function partRow(row: ExcelJS.Row, r: DashboardRow, part: DashboardPart): void {
  row.values = ['', part.name, ...part.values, '', ''];
  row.eachCell({ includeEmpty: true }, (c) => {
    c.alignment = WRAP;
    c.border = BORDER;
  });
  row.getCell(2).alignment = { ...WRAP, indent: 1 };
  row.getCell(2).font = { italic: true };
  r.cells.forEach((q, i) => {
    if (!q.reported) row.getCell(3 + i).fill = solid('FFF2F2F2');
  });
  fitHeight(row);
}

function dataSheet(wb: ExcelJS.Workbook, d: Dashboard): void {
  const ws = wb.addWorksheet('Data', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const { header, rows } = dashboardDataTable(d);
  ws.addRow(header).font = { bold: true };
  ws.addRows(rows);
  const wide: Record<string, number> = { comments: 80, measure: 40, component: 40, theme: 24 };
  ws.columns.forEach((col, i) => {
    col.width = wide[header[i] ?? ''] ?? 14;
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
}

/** Completeness by agency: an agency's row (bold), then its owners' rows with what they still owe. */
function agencySheet(wb: ExcelJS.Workbook, d: Dashboard): void {
  const ws = wb.addWorksheet('Agencies', {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.addRow([agencyHeading(d.agencies)]).font = { bold: true, size: 12 };
  ws.addRow(AGENCY_COLUMNS).font = { bold: true };
  for (const r of agencyTable(d.agencies)) {
    const row = ws.addRow(agencyCells(r));
    row.alignment = WRAP;
    if (r.level === 'agency') row.font = { bold: true };
    else row.getCell(1).alignment = { ...WRAP, indent: 1 };
  }
  ws.columns.forEach((col, i) => {
    col.width = i === 0 ? 34 : i === AGENCY_COLUMNS.length - 1 ? 70 : 14;
  });
}
