// Small counts of a sensitive measure are hidden in every format of the board dashboard ("<5"), and so
// are the changes that would give them away; percentages and other measures show as they are.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, DashboardRow } from '../../src/reports/dashboard.js';
import { dashboardCsv } from '../../src/reports/dashboard-text.js';
import { dashboardHtml } from '../../src/reports/dashboard-html.js';
import { edit, minimalPlanYaml } from '../helpers/plan-text.js';
import { exampleDb, type Example } from './example-dashboard.js';

// 1.1 made sensitive (say, victims of a rare crime), with quarters of 3, 12 and 0.
const plan = edit(
  edit(
    minimalPlanYaml(),
    '    title: Reduce violence without injury\n    theme: violence\n',
    '    title: Reduce violence without injury\n    theme: violence\n    sensitive: true\n',
  ),
  `  - ref: '1.1'
    period: 2015/16 Q1
    value: 98`,
  `  - ref: '1.1'
    period: 2015/16 Q1
    value: 3
  - ref: '1.1'
    period: 2015/16 Q2
    value: 12
  - ref: '1.1'
    period: 2015/16 Q3
    value: 0`,
);

let ex: Example;
let suppressed: Dashboard;
let plain: Dashboard;
beforeAll(async () => {
  ex = await exampleDb(plan);
  suppressed = await ex.dashboard({ period: '2015/16 Q3' });
  plain = await ex.dashboard({ period: '2015/16 Q3', suppress: false });
});
afterAll(async () => {
  await ex.db.close();
});

const rowOf = (d: Dashboard, ref: string) =>
  d.themes.flatMap((t) => t.rows).find((r) => r.ref === ref) as DashboardRow;

describe('small numbers of a sensitive measure', () => {
  it('show as "<5" from 1 to 4, and as they are from 5 up and at zero', () => {
    expect(rowOf(suppressed, '1.1').cells.map((c) => c.text)).toEqual(['<5', '12', '0', '']);
  });

  it('show no running total, which less the quarters shown would tell the hidden one', () => {
    expect(dashboardHtml(suppressed)).not.toContain('YTD 15');
    expect(rowOf(suppressed, '1.1').figures.map((f) => f.label)).not.toContain('Year to date');
  });

  it('show as they are when not suppressed', () => {
    expect(rowOf(plain, '1.1').cells.map((c) => c.text)).toEqual(['3', '12 (YTD 15)', '0 (YTD 15)', '']);
  });

  it('leave out the comparisons that would give a hidden count away', async () => {
    const q1 = rowOf(await ex.dashboard({ period: '2015/16 Q1' }), '1.1');
    expect(q1.figures.map((f) => f.label)).toEqual(['In period', 'Target to date']);
    expect(q1.figures[0]?.value).toBe('<5');
    expect(
      rowOf(await ex.dashboard({ period: '2015/16 Q1', suppress: false }), '1.1').figures.map((f) => f.label),
    ).toContain('Variance');
  });

  it('are hidden in the page and the CSV, with a note saying so', () => {
    const page = dashboardHtml(suppressed);
    expect(page).toContain('<div class="value">&lt;5</div>');
    expect(page).toContain(
      'Counts from 1 to 4 of sensitive measures are shown as &quot;&lt;5&quot;, and their running totals are left out',
    );
    const csv = parse(dashboardCsv(suppressed), { columns: true }) as Record<string, string>[];
    const row = csv.find((r) => r.ref === '1.1');
    expect([row?.Q1, row?.Q2, row?.Q3, row?.['in period']]).toEqual(['<5', '12', '0', '0']);
    expect([row?.['year to date'], row?.variance, row?.['change on last year']]).toEqual(['', '', '']);
  });

  it('leave percentages and measures that are not sensitive alone', () => {
    expect(rowOf(suppressed, '1.2').cells[0]?.text).toBe('92%');
    expect(rowOf(suppressed, '1.3').cells[0]?.text).toBe(
      'Repeat callers to the hotline 12; Repeat callers to the police 7',
    );
  });

  it('add no note when the plan has no sensitive count', async () => {
    const other = await exampleDb(minimalPlanYaml());
    try {
      expect((await other.dashboard({ period: '2015/16 Q1' })).suppression).toBeNull();
    } finally {
      await other.db.close();
    }
  });
});
