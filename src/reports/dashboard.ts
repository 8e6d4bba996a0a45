// The board's dashboard: every measure, theme by theme, with the four quarters of the year and their RAG,
// as plain data that the text, CSV, HTML, XLSX and DOCX renderers lay out.
import type { IsoDate } from '../domain/iso-date.js';
import type { Measure } from '../domain/measure.js';
import type { FinancialCalendar, Parsed, Period } from '../domain/period.js';
import { ragWordsOf, type RagWords } from '../domain/rag.js';
import { readPartnershipView } from '../app/partnership-view.js';
import type { Db } from '../store/open-database.js';
import type { Partnership } from '../domain/partnership.js';
import type { AgencyReport } from '../domain/summary-payload.js';
import { agencyReport } from './agency-report.js';
import { dashboardPeriod, monthsOf } from './dashboard-period.js';
import { dashboardRow, suppressionNote, type DashboardRow } from './dashboard-row.js';
import { readProvisional } from './dashboard-provisional.js';

export type { DashboardCell, DashboardPart, DashboardRow, Figure } from './dashboard-row.js';

export interface Dashboard {
  partnership: string;
  slug: string;
  year: string;
  /** The dashboard's quarter, "2015/16 Q4", and its months, "January to March 2016". */
  upTo: string;
  months: string;
  /** The day it was produced. */
  asAt: IsoDate;
  columns: string[];
  themes: { name: string; rows: DashboardRow[] }[];
  /** Says how small numbers were hidden, when they were. */
  suppression: string | null;
  /** The partnership's words for green, amber and red (the key and the labels). */
  ragWords: RagWords;
  /** The quarter's returns by agency and owner: how many are in, and what is still missing. */
  agencies: AgencyReport;
}

export interface DashboardOptions {
  /** A quarter, a year (its last quarter) or a month (its quarter); "Q3" alone is in the current year. */
  period?: string;
  today: IsoDate;
  /** Show small counts of sensitive measures as "<5" (board papers, anything posted to a channel). */
  suppress: boolean;
}

export async function buildDashboard(
  db: Db,
  cal: FinancialCalendar,
  p: Partnership,
  o: DashboardOptions,
): Promise<Parsed<Dashboard>> {
  const [view, provisionalOf] = await Promise.all([
    readPartnershipView(db, cal, p, o.today),
    readProvisional(db, cal, p),
  ]);
  const period = dashboardPeriod(cal, view.calendar, o.period);
  if (!period.ok) return period;
  const upTo = period.value;
  const quarters = cal.periodsInYear(cal.yearOf(upTo), 'quarterly');
  const ragWords = ragWordsOf(p.settings.ragWords);
  // An annual measure's every quarter shows its year.
  const statusAt = (m: Measure, q: Period) =>
    view.statusAt(m, m.frequency === 'annual' ? { kind: 'year', year: cal.yearOf(q) } : q);
  const row = (m: Measure) =>
    dashboardRow(m, {
      quarters: quarters.map((q) => {
        const status = cal.end(q) <= cal.end(upTo) ? statusAt(m, q) : null;
        return {
          period: cal.format(q),
          status,
          provisional: status && provisionalOf(m.ref, status.period),
        };
      }),
      threshold: o.suppress ? p.settings.smallNumberThreshold : null,
      ragWords,
    });
  return {
    ok: true,
    value: {
      partnership: p.settings.name,
      slug: p.settings.id,
      year: cal.format({ kind: 'year', year: cal.yearOf(upTo) }),
      upTo: cal.format(upTo),
      months: monthsOf(cal, upTo),
      asAt: o.today,
      columns: quarters.map((q) => `Q${cal.indexInYear(q)}`),
      themes: p.themes
        .map((t) => ({ name: t.name, rows: p.measures.filter((m) => m.theme === t.id).map(row) }))
        .filter((t) => t.rows.length > 0),
      suppression: o.suppress ? suppressionNote(p.measures, p.settings.smallNumberThreshold) : null,
      ragWords,
      agencies: agencyReport(cal, p, view.calendar, upTo),
    },
  };
}
