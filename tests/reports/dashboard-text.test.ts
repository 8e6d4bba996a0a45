// The dashboard as text from the example plan: a multi-part measure's components each on a line of their
// own under the measure, named in full with their figures, and long names wrapped rather than cut.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardText } from '../../src/reports/dashboard-text.js';
import { exampleDb, type Example } from './example-dashboard.js';

let ex: Example;
let text: string;
beforeAll(async () => {
  ex = await exampleDb();
  text = dashboardText(await ex.dashboard());
});
afterAll(async () => {
  await ex.db.close();
});

/** The lines from the one starting with `ref` to the next measure's. */
function linesOf(ref: string): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`${ref} `));
  const end = lines.findIndex((l, i) => i > at && /^(\d|[A-Z]{2}|$)/.test(l));
  return lines.slice(at, end);
}

describe('the dashboard as text', () => {
  it('gives each of 1.1’s components a line under the measure, named in full, with its quarters', () => {
    const lines = linesOf('1.1');
    expect(lines[0]).toMatch(/^1\.1 +Monitor repeat callers to the Police, +– +– +– +– +–$/);
    expect(lines[1]).toMatch(/^ +MAASBT and RSLs$/);
    expect(lines[2]).toMatch(
      /^ {7}Repeat callers to the ASB Hotline +47 +33 \(YTD 80\) +27 \(YTD 107\) +12 \(YTD 119\)$/,
    );
    expect(lines[3]).toMatch(
      /^ {7}Repeat callers to the Police +37 +9 \(YTD 46\) +15 \(YTD 61\) +10 \(YTD 71\)$/,
    );
  });

  it('wraps a long component name under itself, its figures on its first line', () => {
    const lines = linesOf('6.4');
    expect(lines[0]).toMatch(/^6\.4 +Maintain IDVA assessment and engagement +A +R +R +R +R$/);
    expect(lines.slice(2)).toEqual([
      expect.stringMatching(/^ {7}Referrals to the IDVA service that +79\.2% +39% +31% +33\.3%$/),
      expect.stringMatching(/^ {9}had a full assessment$/),
      expect.stringMatching(/^ {7}Referrals that engaged in a +79\.2% +38% +31% +14%$/),
      expect.stringMatching(/^ {9}structured intervention$/),
    ]);
  });

  it('cuts no name or figure short', () => {
    expect(text).not.toContain('…');
    expect(text).toContain('Non-opiate criminal justice clients');
    expect(text).toMatch(/^ +completing treatment successfully$/m);
  });

  it('keeps one-series measures on one line with their RAG in each quarter', () => {
    expect(linesOf('2.2')).toEqual([
      expect.stringMatching(
        /^2\.2 +Reduce violence without injury +336 R +364 \(YTD 700\) R +439 \(YTD 1,139\) R +489 \(YTD 1,628\) R +R$/,
      ),
    ]);
  });
});
