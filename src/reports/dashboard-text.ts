// The dashboard as text (a table per theme), CSV, or JSON.
import { agencyLines } from './dashboard-agencies.js';
import type { Dashboard, DashboardRow } from './dashboard.js';
import { dashboardDataTable } from './dashboard-data-table.js';
import { hasProvisional, PROVISIONAL_MARK, PROVISIONAL_NOTE } from './dashboard-provisional.js';
import type { Num } from './dashboard-numbers.js';

const RAG = { green: 'G', amber: 'A', red: 'R', none: '–' } as const;

/** The measure column's width: a longer title or component name wraps onto the lines below. */
const MEASURE_WIDTH = 40;

export function dashboardText(d: Dashboard): string {
  const out = [`${d.partnership} — performance dashboard ${d.year} (to ${d.upTo})`, ''];
  if (d.suppression) out.splice(1, 0, d.suppression);
  for (const theme of d.themes) {
    out.push(theme.name.toUpperCase());
    const header = ['No', 'Performance measure', ...d.columns, 'RAG'].map((h) => [h]);
    const rows = theme.rows.flatMap(rowLines);
    const widths = header.map((h, i) =>
      Math.max(...[header, ...rows].flatMap((r) => (r[i] ?? []).map((l) => l.length))),
    );
    const lines = (cells: string[][]) =>
      Array.from({ length: Math.max(...cells.map((c) => c.length)) }, (_, n) =>
        cells
          .map((c, i) => (c[n] ?? '').padEnd(widths[i] ?? 0))
          .join('  ')
          .trimEnd(),
      );
    out.push(...lines(header), ...rows.flatMap(lines), '');
  }
  out.push(...agencyLines(d.agencies), '');
  const w = (rag: keyof Dashboard['ragWords']) => d.ragWords[rag].toLowerCase();
  out.push(
    `G green (${w('green')}) · A amber (${w('amber')}) · R red (${w('red')}) · – no RAG · * coordinator override`,
  );
  if (hasProvisional(d)) out.push(PROVISIONAL_NOTE);
  return out.join('\n');
}

/**
 * A measure's lines, each cell a list of lines: the measure with its quarters' figures and RAG, then each
 * series of a multi-part measure indented under it with its own figures.
 */
function rowLines(r: DashboardRow): string[][][] {
  const measure = [
    [r.ref],
    wrap(r.title, MEASURE_WIDTH),
    ...r.cells.map((c) => [
      c.reported
        ? `${c.value ?? ''} ${RAG[c.rag]}${c.provisional ? ` ${PROVISIONAL_MARK}` : ''}`.trimStart()
        : '',
    ]),
    [`${RAG[r.rag]}${r.override ? '*' : ''}`],
  ];
  const parts = r.parts.map((p) => [
    [''],
    wrap(p.name, MEASURE_WIDTH - 4).map((l, i) => `${i === 0 ? '  ' : '    '}${l}`),
    ...p.values.map((v) => [v]),
    [''],
  ]);
  return [measure, ...parts];
}

/** Words onto lines of at most `width` characters; a word longer than that has a line of its own. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length > 0 ? lines : [''];
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
