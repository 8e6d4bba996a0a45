// The board paper's completeness by agency: a Word table, an agency's row (shaded) then its owners' rows
// with the returns they still owe; the header repeats on every page and no row splits.
import { HeadingLevel, Paragraph, Table, TableRow, WidthType } from 'docx';
import { AGENCY_COLUMNS, agencyCells, agencyHeading, agencyTable } from './dashboard-agencies.js';
import type { Dashboard } from './dashboard.js';
import { cell, CONTENT_WIDTH, NAVY, paragraphs } from './docx-parts.js';

const NAME = 3800;
const COUNT = 1300;
const WIDTHS = [NAME, COUNT, COUNT, COUNT, COUNT, CONTENT_WIDTH - NAME - 4 * COUNT];
const AGENCY_FILL = 'F2F2F2';

export function agencySection(d: Dashboard): (Paragraph | Table)[] {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: AGENCY_COLUMNS.map((h, i) =>
      cell(paragraphs(h, { bold: true, color: 'FFFFFF' }), { width: WIDTHS[i] ?? COUNT, fill: NAVY }),
    ),
  });
  const rows = agencyTable(d.agencies).map((r) => {
    const agency = r.level === 'agency';
    return new TableRow({
      cantSplit: true,
      children: agencyCells(r).map((c, i) =>
        cell(paragraphs(`${i === 0 && !agency ? '   ' : ''}${String(c)}`, { bold: agency }), {
          width: WIDTHS[i] ?? COUNT,
          ...(agency ? { fill: AGENCY_FILL } : {}),
        }),
      ),
    });
  });
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: `3. ${agencyHeading(d.agencies)}` }),
    new Table({
      width: { size: CONTENT_WIDTH, type: WidthType.DXA },
      columnWidths: WIDTHS,
      rows: [header, ...rows],
    }),
  ];
}
