// The printable page from the example plan: every theme, 2.2's quarters, RAG words, the override's
// reason, print rules for A4 landscape, and narratives shown as text, never as markup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardHtml } from '../../src/reports/dashboard-html.js';
import { exampleDb, STOCKTON_THEMES, type Example } from './example-dashboard.js';

let ex: Example;
let page: string;
beforeAll(async () => {
  ex = await exampleDb();
  page = dashboardHtml(await ex.dashboard());
});
afterAll(async () => {
  await ex.db.close();
});

/** The HTML of the table row (tbody) of a measure. */
function rowOf(ref: string): string {
  const at = page.indexOf(`<td class="no"`, page.indexOf(`>${ref}</td>`) - 40);
  const body = page.lastIndexOf('<tbody', at);
  return page.slice(body, page.indexOf('</tbody>', at));
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** What a reader sees of some HTML: tags become spaces, entities their characters. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e)
    .replace(/\s+/g, ' ');

describe('the dashboard as a web page', () => {
  it('has a table per theme with the seeds’ columns', () => {
    for (const theme of STOCKTON_THEMES) expect(page).toContain(`scope="colgroup">${theme}</th>`);
    expect(page.match(/<table>/g)).toHaveLength(6);
    expect(text(page.slice(page.indexOf('<thead>'), page.indexOf('</thead>')))).toContain(
      'No Performance measure Q1 Q2 Q3 Q4 RAG Comments',
    );
  });

  it('shows 2.2’s four quarters with the year to date, and RED as a word on a red cell', () => {
    const row = rowOf('2.2');
    expect(text(row)).toContain('Reduce violence without injury');
    expect(text(row)).toContain('Baseline: 2014/15 - 1,068 offences');
    for (const q of ['336', '364 (YTD 700)', '439 (YTD 1,139)', '489 (YTD 1,628)'])
      expect(row).toContain(`<div class="value">${q}</div>`);
    expect(row).toMatch(
      /<td class="rag rag-red"><span class="word">RED<\/span><span class="label">Significant concern<\/span><\/td>/,
    );
    expect(row).toContain('489 crimes This gives a year to date total of 1628');
  });

  it('marks 4.1’s override with an asterisk and gives the coordinator’s reason', () => {
    const row = rowOf('4.1');
    expect(row).toContain('<td class="rag rag-amber"><span class="word">AMBER*</span>');
    expect(text(row)).toContain(
      "* Coordinator's judgement (computed: GREEN, on target): Below the three-year baseline (-4.9%) but 92 crimes (4.4%) more than 2014/15",
    );
  });

  it('gives each quarter its RAG as a word too, and a key to the colours', () => {
    expect(rowOf('2.1')).toContain('<span class="tag rag-amber">Amber</span>');
    expect(rowOf('1.2')).toContain('<span class="tag rag-green">Green</span>');
    expect(page).toMatch(
      /<ul class="key"[^>]*>.*RED<\/span>Significant concern.*AMBER<\/span>Some concerns.*GREEN<\/span>On target/,
    );
    expect(page).toContain('18 measures: 4 red, 1 amber, 4 green, 9 not rated.');
  });

  it('puts each series of a multi-part measure on its own line', () => {
    const row = text(rowOf('1.1'));
    expect(row).toContain('Repeat callers to the ASB Hotline 47 33 (YTD 80) 27 (YTD 107) 12 (YTD 119)');
    expect(row).toContain('Repeat callers to the Police 37 9 (YTD 46) 15 (YTD 61) 10 (YTD 71)');
  });

  it('escapes a narrative holding markup: no <script> reaches the page', () => {
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toContain('<b>more</b>');
    expect(rowOf('6.2')).toContain(
      '67% engaging &lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; &lt;b&gt;more&lt;/b&gt;',
    );
  });

  it('prints on A4 landscape with repeated headers, unsplit rows and the colours kept', () => {
    expect(page).toContain('size: A4 landscape');
    expect(page).toContain('thead { display: table-header-group; }');
    expect(page).toMatch(/tr, tbody\.measure \{ break-inside: avoid;/);
    expect(page).toContain('print-color-adjust: exact');
  });

  it('is self-contained: no scripts, links, images or fonts to fetch', () => {
    expect(page).not.toMatch(/<(script|link|img|iframe|object)\b/i);
    expect(page).not.toMatch(/url\(|@import|https?:\/\//i);
  });

  it('leaves the quarters still to come empty on an earlier quarter’s dashboard', async () => {
    const q2 = dashboardHtml(await ex.dashboard({ period: '2015/16 Q2' }));
    expect(q2).toContain('Performance dashboard 2015/16, Q2 (July to September 2015)');
    expect(q2).toContain('<div class="value">364 (YTD 700)</div>');
    expect(q2).not.toContain('439 (YTD 1,139)');
    expect(q2.match(/<td class="q future"><\/td>/g)?.length).toBeGreaterThan(30);
  });
});
