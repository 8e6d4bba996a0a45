// The Word board paper from the example plan, unzipped: title and period, the exceptions first (red
// then amber, with figures, narrative and corrective action), then the dashboard tables.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardDocx } from '../../src/reports/dashboard-docx.js';
import { CORRECTIVE, exampleDb, type Example } from './example-dashboard.js';
import { readZip } from './read-zip.js';

let ex: Example;
let xml: string;
let words: string;
beforeAll(async () => {
  ex = await exampleDb();
  const docx = await dashboardDocx(await ex.dashboard());
  expect(docx.subarray(0, 2).toString()).toBe('PK');
  xml = readZip(docx).text('word/document.xml');
  // The document's text in order, one paragraph per line.
  words = xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter((line) => line !== '')
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
});
afterAll(async () => {
  await ex.db.close();
});

const at = (s: string) => {
  const i = words.indexOf(s);
  if (i < 0) throw new Error(`"${s}" is not in the board paper`);
  return i;
};

describe('the board paper', () => {
  it('starts with the partnership, the period and the RAG summary', () => {
    expect(words.split('\n').slice(0, 3)).toEqual([
      'Safer Stockton Partnership',
      'Performance report 2015/16 Q4 (January to March 2016)',
      'Produced Friday 20 May 2016. 18 measures: 4 red, 1 amber, 4 green, 9 not rated.',
    ]);
  });

  it('puts the exceptions before the dashboard, red measures before amber ones', () => {
    expect(at('1. Exceptions')).toBeLessThan(at('2. Dashboard 2015/16 Q4'));
    const exceptions = words.slice(at('1. Exceptions'), at('2. Dashboard'));
    const order = [...exceptions.matchAll(/^ (RED|AMBER)\*? +(\d\.\d) /gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(order).toEqual(['RED 2.1', 'RED 2.2', 'RED 2.3', 'RED 6.4', 'AMBER 4.1']);
  });

  it('gives each exception its figures, variance, narrative and corrective action', () => {
    const e = words.slice(at(' RED  2.2 Reduce violence without injury'), at(' RED  2.3'));
    expect(e).toContain('Violent crime and robbery · Significant concern · Cleveland Police');
    expect(e).toContain('In period\nYear to date\nTarget to date\nVariance\nSame period last year');
    // The quarter against last year's (315), then the year to date against last year's (1,068).
    expect(e).toContain(
      '489\n1,628\n1,068\n+560 (+52.4%)\n315\n+174 (+55.2%)\n1,068\n+560 (+52.4%) (worsening)',
    );
    expect(e).toContain('Commentary: 489 crimes This gives a year to date total of 1628');
    expect(e).toContain(`Corrective action: ${CORRECTIVE}`);
    expect(words.slice(at(' RED  2.1'), at(' RED  2.2'))).toContain('Corrective action: None recorded.');
  });

  it('flags the amber override with the coordinator’s reason among the exceptions', () => {
    const e = words.slice(at(' AMBER*  4.1 Reduce criminal damage'), at('2. Dashboard'));
    expect(e).toContain(
      "* Coordinator's judgement (computed: GREEN, on target): Below the three-year baseline",
    );
  });

  it('then has the dashboard: a table per theme with repeated headers and rows kept whole', () => {
    const dashboard = words.slice(at('2. Dashboard'));
    for (const theme of ['Anti-social behaviour', 'Violent crime and robbery', 'Domestic abuse'])
      expect(dashboard).toContain(`${theme}\nNo\nPerformance measure\nQ1\nQ2\nQ3\nQ4\nRAG\nComments`);
    expect(dashboard).toContain(
      '2.2\nReduce violence without injury\nBaseline: 2014/15 - 1,068 offences\n336\n Red \n364 (YTD 700)',
    );
    expect(xml.match(/<w:tbl>/g)?.length).toBeGreaterThanOrEqual(6 + 5);
    // Two header rows for each of the six themes, one for the completeness by agency.
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBe(6 * 2 + 1);
    expect(xml).toContain('<w:cantSplit/>');
  });

  it('colours the RAG cell and keeps the word on it', () => {
    expect(xml).toMatch(/<w:shd [^>]*w:fill="C00000"[^>]*\/>.*?<w:t xml:space="preserve">RED<\/w:t>/s);
    expect(xml).toMatch(/w:fill="FFC000"/);
  });

  it('is A4 landscape', () => {
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });
});
