// The dashboard's completeness by agency as one table, whatever the format: a row per agency, then a row
// per owner in it, with the counts and the returns still missing.
import { agencyLine, ownerLine, type Tally } from '../domain/agency-completeness.js';
import type { AgencyReport } from '../domain/summary-payload.js';

export const AGENCY_COLUMNS = [
  'Agency and owner',
  'Received',
  'Approved',
  'Awaiting data',
  'Overdue',
  'Still missing',
];

export interface AgencyTableRow {
  /** An agency's total, or one of its owners. */
  level: 'agency' | 'owner';
  name: string;
  /** "5 of 6" */
  received: string;
  approved: number;
  awaiting: number;
  overdue: number;
  /** "5.2 2015/16 Q4: overdue since 2016-04-14", one a line. */
  missing: string[];
}

export const agencyHeading = (r: AgencyReport): string => `Completeness by agency, ${r.period}`;

export function agencyTable(r: AgencyReport): AgencyTableRow[] {
  const counts = (t: Tally) => ({
    received: `${t.received} of ${t.expected}`,
    approved: t.approved,
    awaiting: t.awaiting,
    overdue: t.overdue,
  });
  return r.agencies.flatMap((a) => [
    { level: 'agency' as const, name: a.agency, ...counts(a), missing: [] },
    ...a.owners.map((o) => ({ level: 'owner' as const, name: o.name, ...counts(o), missing: o.missing })),
  ]);
}

/** A row's cells in the order of AGENCY_COLUMNS. */
export const agencyCells = (row: AgencyTableRow): (string | number)[] => [
  row.name,
  row.received,
  row.approved,
  row.awaiting,
  row.overdue,
  row.missing.join('\n'),
];

/** The table as indented lines, for the text dashboard. */
export function agencyLines(r: AgencyReport): string[] {
  return [
    agencyHeading(r).toUpperCase(),
    ...r.agencies.flatMap((a) => [
      agencyLine(a),
      ...a.owners.flatMap((o) => [`  ${ownerLine(o)}`, ...o.missing.map((m) => `    – ${m}`)]),
    ]),
  ];
}
