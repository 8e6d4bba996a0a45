// The dashboard page's style sheet: on screen a readable page, in print A4 landscape with every table's
// header repeated on each page, no measure split across pages, and the RAG colours printed.
import { RAG_LOOK, RAGS_IN_KEY } from './dashboard-rag.js';

const ragRules = RAGS_IN_KEY.map(
  (rag) => `.rag-${rag} { background: #${RAG_LOOK[rag].fill}; color: #${RAG_LOOK[rag].text}; }`,
).join('\n');

/** A CSS string literal in which only letters, digits and spaces stay as they are: nothing can end the style sheet. */
function cssString(text: string): string {
  return `"${[...text].map((c) => (/[A-Za-z0-9 ]/.test(c) ? c : `\\${(c.codePointAt(0) ?? 32).toString(16)} `)).join('')}"`;
}

/** The style sheet, with `footer` (the partnership and period) at the foot of every printed page. */
export const dashboardCss = (footer: string) => `
@page {
  size: A4 landscape;
  margin: 10mm 9mm 12mm;
  @bottom-left { content: ${cssString(footer)}; font: 8pt Arial, Helvetica, sans-serif; color: #404040; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, Helvetica, sans-serif; color: #404040; }
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; background: #fff; font: 8.5pt/1.3 Arial, Helvetica, sans-serif; }
@media screen {
  body { max-width: 279mm; margin: 16px auto; padding: 0 12px; font-size: 10pt; }
}
header { display: flex; justify-content: space-between; align-items: flex-end; gap: 12px;
  border-bottom: 2pt solid #1f3864; padding-bottom: 4px; margin-bottom: 6px; }
h1 { margin: 0; font-size: 15pt; color: #1f3864; }
header p { margin: 2px 0 0; }
.period { font-size: 11pt; font-weight: bold; }
.produced { text-align: right; color: #333; }
.key { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; margin: 0 0 6px; padding: 0; list-style: none; }
.key li { display: flex; align-items: center; gap: 4px; }
.key .swatch { display: inline-block; min-width: 46px; padding: 1px 4px; border: 0.5pt solid #555; text-align: center; font-weight: bold; }
.notes { display: flex; flex-wrap: wrap; gap: 0 16px; margin: 0 0 6px; }
.notes p { margin: 0; }
.summary { font-weight: bold; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 5mm; }
thead { display: table-header-group; }
tr, tbody.measure { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #595959; padding: 3px 4px; vertical-align: top; text-align: left;
  overflow-wrap: break-word; hyphens: auto; }
thead th { background: #1f3864; color: #fff; font-weight: bold; }
thead tr.theme th { background: #d9e2f3; color: #1f3864; font-size: 10pt; border-bottom: 0; }
td.no { font-weight: bold; }
td.measure .title { font-weight: bold; }
td.measure .baseline, td.measure .source { color: #333; font-size: 0.9em; margin-top: 2px; }
tr.part td { border-top: 0.5pt dotted #a6a6a6; padding-top: 1px; padding-bottom: 1px; }
tr.part + tr.part td { border-top-style: dotted; }
td.part-name { padding-left: 12px; font-size: 0.9em; color: #262626; }
td.q.future { background: #f2f2f2; }
.tag { display: inline-block; margin-top: 3px; padding: 0 4px; border: 0.5pt solid #595959; font-size: 0.85em; font-weight: bold; }
td.rag { text-align: center; vertical-align: middle; }
td.rag .word { display: block; font-weight: bold; font-size: 1.05em; }
td.rag .label { display: block; font-size: 0.9em; }
td.comments p { margin: 0; }
td.comments p + p { margin-top: 3px; }
td.comments .override { font-style: italic; }
table.agencies col.name { width: 30%; }
table.agencies col.count { width: 9%; }
table.agencies tr.agency th, table.agencies tr.agency td { background: #f2f2f2; font-weight: bold; }
table.agencies tr.owner th { padding-left: 14px; font-weight: normal; }
table.agencies td.missing p { margin: 0; }
.provisional { font-style: italic; font-size: 0.85em; }
${ragRules}
`;
