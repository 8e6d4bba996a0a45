// The dashboard's figures as one table for analysts, the CSV and the workbook's Data sheet: a row per
// series (a measure, or each component of a multi-part one), a column per figure, numbers as numbers.
import type { Unit } from '../domain/measure.js';
import type { Dashboard } from './dashboard.js';
import type { Num, SeriesNumbers } from './dashboard-numbers.js';
import { rowProvisional } from './dashboard-provisional.js';

/** What the numbers of a unit are, so that nobody reads 94 as a count or 0.94 as a percentage. */
const UNIT_WORDS: Record<Unit, string> = {
  count: 'count',
  percent: 'percent (0 to 100)',
  rate: 'rate',
  rank: 'rank (1 = first)',
  text: 'narrative',
};

/** The figures at the dashboard's period, in their columns' order. */
const FIGURES = [
  'inPeriod',
  'yearToDate',
  'annualTarget',
  'targetToDate',
  'judgedOn',
  'variance',
  'variancePct',
  'samePeriodLastYear',
  'yearToDateLastYear',
  'changeOnLastYear',
  'changeOnLastYearPct',
  'projectedYearEnd',
  'groupSize',
] as const satisfies readonly (keyof SeriesNumbers)[];

/** "yearToDate" → "year to date", "variancePct" → "variance %", "groupSize" → "rank group size". */
function columnName(key: (typeof FIGURES)[number]): string {
  const words = key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`).replace(/ pct$/, ' %');
  return key === 'groupSize' ? `rank ${words}` : words;
}

export interface DataTable {
  header: string[];
  rows: Num[][];
}

export function dashboardDataTable(d: Dashboard): DataTable {
  const header = [
    'theme',
    'ref',
    'measure',
    'component',
    'unit',
    'period',
    ...d.columns,
    ...FIGURES.map(columnName),
    'RAG',
    'measure RAG',
    'override reason',
    'not yet signed off',
    'note',
    'comments',
  ];
  const rows = d.themes.flatMap((t) =>
    t.rows.flatMap((r) =>
      (r.series.length > 0 ? r.series : [null]).map((s): Num[] => [
        t.name,
        r.ref,
        r.title,
        s?.component ?? '',
        UNIT_WORDS[r.unit],
        d.upTo,
        ...(s ? s.quarters : d.columns.map(() => null)),
        ...FIGURES.map((key) => (s ? s[key] : null)),
        s?.rag ?? r.rag,
        r.rag,
        r.override?.reason ?? '',
        rowProvisional(r) ?? '',
        s?.note ?? '',
        r.comments,
      ]),
    ),
  );
  return { header, rows };
}
