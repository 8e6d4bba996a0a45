// Small builders for the board paper's Word parts: text paragraphs, table cells, RAG words on colour.
import {
  AlignmentType,
  Paragraph,
  ShadingType,
  TableCell,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Rag } from '../domain/plan-schema.js';
import { RAG_LOOK } from './dashboard-rag.js';

/** A4 landscape (16,838 twips wide) less two 720-twip (half-inch) margins. */
export const CONTENT_WIDTH = 15398;
export const NAVY = '1F3864';
export const THEME_FILL = 'D9E2F3';

export interface TextOptions {
  bold?: boolean;
  italics?: boolean;
  color?: string;
  size?: number;
  /** Keep with the next paragraph: rows of one measure stay on one page. */
  keepNext?: boolean;
  center?: boolean;
}

/** One paragraph per line of `text` (Word has no line breaks inside a run's text). */
export function paragraphs(text: string, o: TextOptions = {}): Paragraph[] {
  const { keepNext, center, ...run } = o;
  const lines = text.split(/\n/).filter((l, i, all) => l.trim() !== '' || all.length === 1);
  return lines.map(
    (line) =>
      new Paragraph({
        keepNext: keepNext ?? false,
        ...(center ? { alignment: AlignmentType.CENTER } : {}),
        children: [new TextRun({ text: line, ...run })],
      }),
  );
}

/** "Label: text" with the label in bold. */
export function labelled(label: string, text: string): Paragraph {
  return new Paragraph({
    spacing: { after: 80 },
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun({ text })],
  });
}

/** The RAG word as a run on its colour, e.g. " RED ". */
export function ragRun(rag: Rag, word: string): TextRun {
  const look = RAG_LOOK[rag];
  return new TextRun({
    text: ` ${word} `,
    bold: true,
    color: look.text,
    shading: { type: ShadingType.CLEAR, color: 'auto', fill: look.fill },
  });
}

export interface CellOptions {
  width: number;
  fill?: string;
  columnSpan?: number;
  center?: boolean;
  rowSpan?: number;
}

export function cell(children: Paragraph[], o: CellOptions): TableCell {
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph('')],
    width: { size: o.width, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(o.columnSpan ? { columnSpan: o.columnSpan } : {}),
    ...(o.rowSpan && o.rowSpan > 1 ? { rowSpan: o.rowSpan } : {}),
    ...(o.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: o.fill } } : {}),
    verticalAlign: o.center ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
  });
}
