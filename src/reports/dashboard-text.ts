// The dashboard as text (a table per theme), CSV, or JSON.
import { agencyLines } from './dashboard-agencies.js';
import type { Dashboard } from './dashboard.js';

const RAG = { green: 'G', amber: 'A', red: 'R', none: '–' } as const;

export function dashboardText(d: Dashboard): string {
  const out = [`${d.partnership} — performance dashboard ${d.year} (to ${d.upTo})`, ''];
  if (d.suppression) out.splice(1, 0, d.suppression);
  for (const theme of d.themes) {
    out.push(theme.name.toUpperCase());
    const header = ['No', 'Performance measure', ...d.columns, 'RAG'];
    const rows = theme.rows.map((r) => [
      r.ref,
      clip(r.title, 40),
      ...r.cells.map((c) => (c.reported ? `${clip(c.text, 24)} ${RAG[c.rag]}` : '')),
      `${RAG[r.rag]}${r.override ? '*' : ''}`,
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells: string[]) =>
      cells
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd();
    out.push(line(header), ...rows.map(line), '');
  }
  out.push(...agencyLines(d.agencies), '');
  const w = (rag: keyof Dashboard['ragWords']) => d.ragWords[rag].toLowerCase();
  out.push(
    `G green (${w('green')}) · A amber (${w('amber')}) · R red (${w('red')}) · – no RAG · * coordinator override`,
  );
  return out.join('\n');
}

/** Quoted when needed; text a spreadsheet would run as a formula (=, +, -, @) is prefixed with '. */
function csvCell(value: string): string {
  const v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The dashboard as one flat table, a row per measure: the CSV, and the spreadsheet's Data sheet. */
export function dashboardTable(d: Dashboard): { header: string[]; rows: string[][] } {
  const header = [
    'theme',
    'ref',
    'measure',
    ...d.columns.flatMap((c) => [c, `${c} RAG`]),
    'RAG',
    'override reason',
    'comments',
  ];
  const rows = d.themes.flatMap((t) =>
    t.rows.map((r) => [
      t.name,
      r.ref,
      r.title,
      ...r.cells.flatMap((c) => (c.reported ? [c.text, c.rag] : ['', ''])),
      r.rag,
      r.override?.reason ?? '',
      r.comments,
    ]),
  );
  return { header, rows };
}

export function dashboardCsv(d: Dashboard): string {
  const { header, rows } = dashboardTable(d);
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
