// The board paper as councils circulate it, in Word: title and period, the exceptions first (red then
// amber, with narrative and corrective action), then the dashboard tables; A4 landscape, numbered pages.
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
} from 'docx';
import { longDate } from '../domain/reminders/reminder-time.js';
import { agencySection } from './board-paper-agencies.js';
import { exceptionsSection } from './board-paper-exceptions.js';
import { dashboardSection } from './board-paper-tables.js';
import type { Dashboard } from './dashboard.js';
import { ragSummary } from './dashboard-rag.js';
import { NAVY } from './docx-parts.js';

export async function dashboardDocx(d: Dashboard): Promise<Buffer> {
  const title = `Performance report ${d.upTo}`;
  const doc = new Document({
    creator: d.partnership,
    title: `${d.partnership}: ${title}`,
    description: `Exceptions and dashboard of the community safety plan's measures, ${d.months}`,
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 18 } },
        heading1: {
          run: { font: 'Arial', size: 28, bold: true, color: NAVY },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        heading2: {
          run: { font: 'Arial', size: 22, bold: true },
          paragraph: { spacing: { before: 240, after: 60 } },
        },
        title: { run: { font: 'Arial', size: 40, bold: true, color: NAVY } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
            margin: { top: 720, bottom: 720, left: 720, right: 720 },
          },
        },
        footers: { default: footer(d) },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, text: d.partnership }),
          new Paragraph({
            children: [new TextRun({ text: `${title} (${d.months})`, bold: true, size: 28 })],
          }),
          new Paragraph({
            spacing: { after: 240 },
            children: [
              new TextRun({ text: `Produced ${longDate(d.asAt)}. ${ragSummary(d)}`, italics: true }),
            ],
          }),
          ...exceptionsSection(d),
          ...dashboardSection(d),
          ...agencySection(d),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function footer(d: Dashboard): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({
            size: 16,
            children: [
              `${d.partnership} — ${d.upTo} — page `,
              PageNumber.CURRENT,
              ' of ',
              PageNumber.TOTAL_PAGES,
            ],
          }),
        ],
      }),
    ],
  });
}
