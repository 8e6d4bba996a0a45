// The dashboard as one self-contained HTML page (no scripts, fonts or images to fetch) that prints on
// A4 landscape: a table per theme, No | Performance measure | Q1..Q4 | RAG | Comments, as the board's
// Word dashboards were laid out. Every text from plans and returns is escaped.
import { longDate } from '../domain/reminders/reminder-time.js';
import type { Dashboard, DashboardCell, DashboardRow } from './dashboard.js';
import { dashboardCss } from './dashboard-html-style.js';
import {
  OVERRIDE_NOTE,
  RAG_LOOK,
  RAGS_IN_KEY,
  ragCellWords,
  ragMeaning,
  ragSummary,
  overrideText,
} from './dashboard-rag.js';
import { escapeHtml as esc, html } from './escape-html.js';
import { AGENCY_COLUMNS, agencyHeading, agencyTable } from './dashboard-agencies.js';
import { hasProvisional, PROVISIONAL_NOTE, provisionalText } from './dashboard-provisional.js';

const WIDTHS = ['4%', '19%', '9%', '9%', '9%', '9%', '9%', '32%'];

export function dashboardHtml(d: Dashboard): string {
  const title = `${d.partnership} — performance dashboard ${d.upTo}`;
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${html`<title>${title}</title>`}
<style>${dashboardCss(title)}</style>
</head>
<body>
<header>
  <div>
    ${html`<h1>${d.partnership}</h1>`}
    ${html`<p class="period">Performance dashboard ${d.year}, ${d.upTo.split(' ').pop() ?? ''} (${d.months})</p>`}
  </div>
  ${html`<p class="produced">Figures to ${d.upTo}<br />Produced ${longDate(d.asAt)}</p>`}
</header>
${key(d)}
<div class="notes">
  ${html`<p class="summary">${ragSummary(d)}</p>`}
  <p>Quarters show the figure for the quarter and, for counts, the year to date (YTD).</p>
  ${d.suppression ? html`<p>${d.suppression}</p>` : ''}
</div>
${d.themes.map((t) => themeTable(d, t.name, t.rows)).join('\n')}
${agencyTableHtml(d)}
</body>
</html>
`;
}

function key(d: Dashboard): string {
  const items = RAGS_IN_KEY.map((rag) => {
    const look = RAG_LOOK[rag];
    return `<li><span class="swatch rag-${rag}">${esc(look.word || 'GREY')}</span>${esc(ragMeaning(rag, d.ragWords))}</li>`;
  });
  items.push(html`<li>${OVERRIDE_NOTE}</li>`);
  if (hasProvisional(d)) items.push(html`<li class="provisional">${PROVISIONAL_NOTE}</li>`);
  return `<ul class="key" aria-label="Key to the RAG status">${items.join('')}</ul>`;
}

function themeTable(d: Dashboard, theme: string, rows: DashboardRow[]): string {
  const cols = WIDTHS.map((w) => `<col style="width:${w}">`).join('');
  const heads = ['No', 'Performance measure', ...d.columns, 'RAG', 'Comments']
    .map((h) => html`<th scope="col">${h}</th>`)
    .join('');
  return `<table>
<colgroup>${cols}</colgroup>
<thead>
${html`<tr class="theme">
  <th colspan="${WIDTHS.length}" scope="colgroup">${theme}</th>
</tr>`}
<tr>${heads}</tr>
</thead>
${rows.map(rowHtml).join('\n')}
</table>`;
}

/** A measure's lines in their own tbody, so that print keeps a multi-part measure on one page. */
function rowHtml(r: DashboardRow): string {
  const { word, label } = ragCellWords(r.rag, r.label, r.override !== null);
  const span = r.parts.length > 0 ? ` rowspan="${r.parts.length + 1}"` : '';
  const measure = [
    html`<div class="title">${r.title}</div>`,
    r.baseline ? html`<div class="baseline">Baseline: ${r.baseline}</div>` : '',
  ].join('');
  const comments = [
    r.override ? html`<p class="override">${overrideText(r.override)}</p>` : '',
    ...r.comments
      .split(/\n+/)
      .filter((p) => p.trim() !== '')
      .map((p) => html`<p>${p}</p>`),
  ].join('');
  const rag = `${word ? html`<span class="word">${word}</span>` : ''}${html`<span class="label">${label}</span>`}`;
  const parts = r.parts.map(
    (part) =>
      `<tr class="part">${html`<td class="part-name">${part.name}</td>`}${part.values
        .map((v, i) => (r.cells[i]?.reported ? html`<td class="q">${v}</td>` : '<td class="q future"></td>'))
        .join('')}</tr>`,
  );
  return `<tbody class="measure">
<tr><td class="no"${span}>${esc(r.ref)}</td><td class="measure">${measure}</td>${r.cells.map(quarterHtml).join('')}<td class="rag rag-${r.rag}"${span}>${rag}</td><td class="comments"${span}>${comments}</td></tr>
${parts.join('\n')}
</tbody>`;
}

function quarterHtml(c: DashboardCell): string {
  if (!c.reported) return '<td class="q future"></td>';
  const look = RAG_LOOK[c.rag];
  const value = c.value === null ? '' : html`<div class="value">${c.value}</div>`;
  const tag = look.short ? html`<span class="tag rag-${c.rag}">${look.short}</span>` : '';
  const mark = c.provisional ? html`<div class="provisional">${provisionalText(c.provisional)}</div>` : '';
  return `<td class="q">${value}${mark}${tag}</td>`;
}

/** Completeness by agency: an agency's row, then its owners' rows with what they still owe. */
function agencyTableHtml(d: Dashboard): string {
  const heads = AGENCY_COLUMNS.map((h) => html`<th scope="col">${h}</th>`).join('');
  const rows = agencyTable(d.agencies).map((row) => {
    const counts = [row.received, row.approved, row.awaiting, row.overdue].map((c) => html`<td>${c}</td>`);
    const missing = row.missing.map((m) => html`<p>${m}</p>`).join('');
    return `<tr class="${row.level}">${html`<th scope="row">${row.name}</th>`}${counts.join('')}<td class="missing">${missing}</td></tr>`;
  });
  return `<table class="agencies">
<colgroup><col class="name">${'<col class="count">'.repeat(4)}<col></colgroup>
<thead>
${html`<tr class="theme">
  <th colspan="${AGENCY_COLUMNS.length}" scope="colgroup">${agencyHeading(d.agencies)}</th>
</tr>`}
<tr>${heads}</tr>
</thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}
