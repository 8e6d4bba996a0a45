// The board paper's dashboard: a Word table per theme, No | Performance measure | Q1..Q4 | RAG | Comments,
// whose two header rows repeat on every page and whose rows never split across pages.
import { HeadingLevel, Paragraph, Table, TableRow, TextRun, WidthType } from 'docx';
import type { Dashboard, DashboardCell, DashboardRow } from './dashboard.js';
import {
  OVERRIDE_NOTE,
  RAG_LOOK,
  RAGS_IN_KEY,
  overrideText,
  ragCellWords,
  ragMeaning,
} from './dashboard-rag.js';
import { hasProvisional, PROVISIONAL_NOTE, provisionalText } from './dashboard-provisional.js';
import { cell, CONTENT_WIDTH, NAVY, paragraphs, ragRun, THEME_FILL } from './docx-parts.js';

const NO = 600;
const MEASURE = 3000;
const QUARTER = 1450;
const RAG = 1300;
const COMMENTS = CONTENT_WIDTH - NO - MEASURE - 4 * QUARTER - RAG;
const WIDTHS = [NO, MEASURE, QUARTER, QUARTER, QUARTER, QUARTER, RAG, COMMENTS];

export function dashboardSection(d: Dashboard): (Paragraph | Table)[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, text: `2. Dashboard ${d.upTo}` }),
    key(d),
    ...d.themes.flatMap((t) => [themeTable(d, t.name, t.rows), new Paragraph('')]),
    ...paragraphs(OVERRIDE_NOTE, { italics: true }),
    ...(hasProvisional(d) ? paragraphs(PROVISIONAL_NOTE, { italics: true }) : []),
    ...(d.suppression ? paragraphs(d.suppression, { italics: true }) : []),
  ];
}

function key(d: Dashboard): Paragraph {
  return new Paragraph({
    spacing: { after: 120 },
    children: [
      new TextRun({ text: 'Key: ', bold: true }),
      ...RAGS_IN_KEY.flatMap((rag) => [
        ragRun(rag, RAG_LOOK[rag].word || 'GREY'),
        new TextRun(` ${ragMeaning(rag, d.ragWords)}   `),
      ]),
    ],
  });
}

function themeTable(d: Dashboard, theme: string, rows: DashboardRow[]): Table {
  const heads = ['No', 'Performance measure', ...d.columns, 'RAG', 'Comments'];
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: WIDTHS,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: [
          cell(paragraphs(theme, { bold: true, color: NAVY, size: 22 }), {
            width: CONTENT_WIDTH,
            columnSpan: WIDTHS.length,
            fill: THEME_FILL,
          }),
        ],
      }),
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: heads.map((h, i) =>
          cell(paragraphs(h, { bold: true, color: 'FFFFFF' }), { width: WIDTHS[i] ?? QUARTER, fill: NAVY }),
        ),
      }),
      ...rows.flatMap(measureRows),
    ],
  });
}

/** The measure's row, then a row per series of a multi-part measure, kept together on one page. */
function measureRows(r: DashboardRow): TableRow[] {
  const { word, label } = ragCellWords(r.rag, r.label, r.override !== null);
  const look = RAG_LOOK[r.rag];
  const rowSpan = r.parts.length + 1;
  const keep = { keepNext: r.parts.length > 0 };
  const comments = [
    ...(r.override ? paragraphs(overrideText(r.override), { italics: true, ...keep }) : []),
    ...(r.comments ? paragraphs(r.comments, keep) : []),
  ];
  const main = new TableRow({
    cantSplit: true,
    children: [
      cell(paragraphs(r.ref, { bold: true, ...keep }), { width: NO, rowSpan }),
      cell(
        [
          ...paragraphs(r.title, { bold: true, ...keep }),
          ...(r.baseline
            ? paragraphs(`Baseline: ${r.baseline}`, { size: 16, color: '404040', ...keep })
            : []),
        ],
        { width: MEASURE },
      ),
      ...r.cells.map((c) => quarterCell(c, keep.keepNext)),
      cell(
        [
          ...(word ? paragraphs(word, { bold: true, color: look.text, center: true, ...keep }) : []),
          ...paragraphs(label, { color: look.text, center: true, ...keep }),
        ],
        { width: RAG, fill: look.fill, center: true, rowSpan },
      ),
      cell(comments, { width: COMMENTS, rowSpan }),
    ],
  });
  const parts = r.parts.map(
    (part, i) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(paragraphs(part.name, { italics: true, keepNext: i < r.parts.length - 1 }), {
            width: MEASURE,
          }),
          ...part.values.map((v, q) =>
            cell(paragraphs(v, { keepNext: i < r.parts.length - 1 }), {
              width: QUARTER,
              ...(r.cells[q]?.reported ? {} : { fill: 'F2F2F2' }),
            }),
          ),
        ],
      }),
  );
  return [main, ...parts];
}

function quarterCell(c: DashboardCell, keepNext: boolean): ReturnType<typeof cell> {
  if (!c.reported) return cell([], { width: QUARTER, fill: 'F2F2F2' });
  const look = RAG_LOOK[c.rag];
  const tag = look.short ? [new Paragraph({ keepNext, children: [ragRun(c.rag, look.short)] })] : [];
  const mark = c.provisional ? paragraphs(provisionalText(c.provisional), { italics: true, keepNext }) : [];
  return cell([...(c.value === null ? [] : paragraphs(c.value, { keepNext })), ...mark, ...tag], {
    width: QUARTER,
  });
}
