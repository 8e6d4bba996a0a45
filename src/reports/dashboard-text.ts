// The dashboard as text (a table per theme), CSV, or JSON.
import type { Dashboard } from './dashboard.js';
import { dashboardDataTable } from './dashboard-data-table.js';
import type { Num } from './dashboard-numbers.js';

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

/** The figures as numbers, a row per series (see dashboard-data-table.ts); numbers unformatted. */
export function dashboardCsv(d: Dashboard): string {
  const { header, rows } = dashboardDataTable(d);
  const cell = (v: Num) => (typeof v === 'string' ? csvCell(v) : v === null ? '' : String(v));
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
