// The board paper's first section, by exception: the red measures, then the amber ones, each with its
// figures, the owner's narrative and what is being done about it.
import { HeadingLevel, Paragraph, Table, TableRow, TextRun, WidthType } from 'docx';
import type { Dashboard, DashboardRow } from './dashboard.js';
import { overrideText, RAG_LOOK } from './dashboard-rag.js';
import { provisionalText, rowProvisional } from './dashboard-provisional.js';
import { cell, CONTENT_WIDTH, labelled, NAVY, paragraphs, ragRun } from './docx-parts.js';

export interface BoardException {
  theme: string;
  row: DashboardRow;
}

/** Red then amber measures, in the dashboard's order within each. */
export function boardExceptions(d: Dashboard): BoardException[] {
  const all = d.themes.flatMap((t) => t.rows.map((row) => ({ theme: t.name, row })));
  return [...all.filter((e) => e.row.rag === 'red'), ...all.filter((e) => e.row.rag === 'amber')];
}

const lower = (words: string) => `${words.charAt(0).toLowerCase()}${words.slice(1)}`;

export function exceptionsSection(d: Dashboard): (Paragraph | Table)[] {
  const list = boardExceptions(d);
  const reds = list.filter((e) => e.row.rag === 'red').length;
  const intro =
    list.length === 0
      ? `No measure is red or amber at ${d.upTo}.`
      : `${reds} red and ${list.length - reds} amber measure${list.length - reds === 1 ? '' : 's'} at ${d.upTo}: ` +
        `red (${lower(d.ragWords.red)}) first, then amber (${lower(d.ragWords.amber)}), with the owners’ ` +
        'commentary and the corrective action they report.';
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: '1. Exceptions' }),
    new Paragraph({ spacing: { after: 160 }, text: intro }),
    ...list.flatMap(exception),
  ];
}

function exception({ theme, row }: BoardException): (Paragraph | Table)[] {
  const look = RAG_LOOK[row.rag];
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      keepNext: true,
      children: [
        ragRun(row.rag, `${look.word}${row.override ? '*' : ''}`),
        new TextRun(` ${row.ref} ${row.title}`),
      ],
    }),
    new Paragraph({
      keepNext: true,
      spacing: { after: 80 },
      children: [
        new TextRun({
          text: `${theme} · ${row.label}${row.source ? ` · ${row.source}` : ''}`,
          italics: true,
        }),
      ],
    }),
    figuresTable(row),
    ...provisionalLine(row),
    ...(row.override
      ? [
          new Paragraph({
            spacing: { before: 80 },
            children: [new TextRun({ text: overrideText(row.override), italics: true })],
          }),
        ]
      : []),
    labelled(
      'Commentary',
      row.notAvailable ? `Not available: ${row.notAvailable}` : row.narrative || 'None given.',
    ),
    labelled('Corrective action', row.correctiveAction ?? 'None recorded.'),
  ];
}

/** Under the figures, when they are not yet signed off: the mark and what it means. */
function provisionalLine(row: DashboardRow): Paragraph[] {
  const state = rowProvisional(row);
  if (!state) return [];
  return [
    new Paragraph({
      spacing: { before: 80 },
      children: [
        new TextRun({
          text: `${provisionalText(state)}: these figures are not yet signed off and may change.`,
          italics: true,
        }),
      ],
    }),
  ];
}

/** The headline figures side by side: a row of labels over a row of values. */
function figuresTable(row: DashboardRow): Table {
  const figures = row.figures.length > 0 ? row.figures : [{ label: 'Figures', value: '–' }];
  const width = Math.floor(CONTENT_WIDTH / figures.length);
  const line = (pick: (f: { label: string; value: string }) => string, header: boolean) =>
    new TableRow({
      cantSplit: true,
      children: figures.map((f) =>
        cell(paragraphs(pick(f), header ? { bold: true, color: 'FFFFFF' } : {}), {
          width,
          ...(header ? { fill: NAVY } : {}),
        }),
      ),
    });
  return new Table({
    width: { size: width * figures.length, type: WidthType.DXA },
    columnWidths: figures.map(() => width),
    rows: [line((f) => f.label, true), line((f) => f.value, false)],
  });
}
