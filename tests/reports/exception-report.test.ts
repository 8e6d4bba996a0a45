// The report by exception from the example plan: red then amber, theme by theme, with figures,
// variance, direction of travel against last year and the previous quarter, the owner's narrative and
// corrective action, and overrides flagged with their reason; small sensitive counts hidden for channels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPartnershipView } from '../../src/app/partnership-view.js';
import type { Measure } from '../../src/domain/measure.js';
import type { Period } from '../../src/domain/period.js';
import {
  exceptionFigures,
  exceptionReport,
  exceptionTrend,
  figureFormatter,
  type ExceptionItem,
  type ExceptionReport,
} from '../../src/reports/exception-report.js';
import { botSession, type BotSession } from '../helpers/bot-session.js';
import { datedPlan } from './summary-fixtures.js';

let s: BotSession;

async function report(at: Period | null, session = s): Promise<ExceptionReport> {
  const p = session.partnership;
  const view = await readPartnershipView(session.db.prisma, session.cal, p, '2016-05-02');
  return exceptionReport({
    cal: session.cal,
    themes: p.themes,
    measures: p.measures,
    statusOf: (m: Measure) =>
      at ? (session.cal.periodsWithin(at, m.frequency) ? view.statusAt(m, at) : null) : view.latestStatus(m),
    statusAt: view.statusAt,
  });
}

const items = (r: ExceptionReport) => r.themes.flatMap((t) => t.items);
const find = (r: ExceptionReport, ref: string) =>
  items(r).find((x) => x.measure.ref === ref) as ExceptionItem;

beforeAll(async () => {
  s = await botSession();
}, 30_000);

afterAll(() => s?.close());

describe('the exception report', () => {
  it('lists the red measures then the amber, theme by theme in the plan order', async () => {
    const r = await report(null);

    expect(r.themes.map((t) => [t.name, t.items.map((x) => `${x.measure.ref} ${x.rag}`)])).toEqual([
      ['Violent crime and robbery', ['2.1 red', '2.2 red', '2.3 red']],
      ['Criminal damage', ['4.1 amber']],
      ['Domestic abuse', ['6.4 red']],
    ]);
    expect([r.red, r.amber]).toEqual([4, 1]);
  });

  it('gives 2.2 its year to date, target to date and variance', async () => {
    const x = find(await report(null), '2.2');

    expect(exceptionFigures(x, figureFormatter(x.measure, 5, false))).toBe(
      'YTD 1,628 · target to date 1,068 · variance +560 (+52.4%)',
    );
  });

  it('gives the direction of travel against the same point last year and the quarter before', async () => {
    const x = find(await report(null), '2.2');

    expect(x.vsLastYear).toMatchObject({ direction: 'worsening', against: '2014/15 Q4' });
    expect(x.vsPrevious).toMatchObject({ direction: 'worsening', against: '2015/16 Q3' });
    expect(exceptionTrend(x)).toBe(
      'Last year (2014/15 Q4): worsening, +52.4% · previous period (2015/16 Q3): worsening, +11.4%',
    );
  });

  it("carries the owner's narrative (the example's returns name no corrective action)", async () => {
    const x = find(await report(null), '2.2');

    expect(x.narrative).toMatch(/^489 crimes This gives a year to date total of 1628/);
    expect(x.correctiveAction).toBeNull();
  });

  it('flags an override with its reason and the RAG it replaced', async () => {
    const x = find(await report(null), '4.1');

    expect(x.rag).toBe('amber');
    expect(x.computed).toEqual({ rag: 'green', label: 'On target' });
    expect(x.override).toMatchObject({ rag: 'amber', by: 'priya-sandhu' });
    expect(x.override?.reason).toContain('Below the three-year baseline (-4.9%)');
  });

  it('judges a latest-value measure on its value against the target', async () => {
    const x = find(await report(null), '6.4');

    expect(exceptionFigures(x, figureFormatter(x.measure, 5, false))).toBe(
      'Latest 33.3% · target 80% · variance −46.7 points',
    );
    expect(x.vsLastYear).toBeNull();
  });

  it('reports an earlier quarter when asked: 2015/16 Q3 has 3.3 amber and no 4.1', async () => {
    const q3 = s.cal.parse('2015/16 Q3');
    if (!q3.ok) throw new Error(q3.error);
    const r = await report(q3.value);

    expect(items(r).map((x) => `${x.measure.ref} ${x.rag}`)).toEqual(
      expect.arrayContaining(['2.2 red', '3.3 amber']),
    );
    expect(items(r).some((x) => x.measure.ref === '4.1')).toBe(false);
  });

  it('hides a sensitive count under its threshold for a channel, never the target', async () => {
    const sensitive = await botSession({
      planText: await datedPlan((plan) => {
        const robbery = plan.measures.find((m) => m.ref === '2.3');
        if (robbery) Object.assign(robbery, { sensitive: true, smallNumberThreshold: 150 });
      }),
    });
    try {
      const x = find(await report(null, sensitive), '2.3');

      expect(exceptionFigures(x, figureFormatter(x.measure, 5, true))).toBe('YTD <150 · target to date 67');
      expect(exceptionFigures(x, figureFormatter(x.measure, 5, false))).toBe(
        'YTD 101 · target to date 67 · variance +34 (+50.7%)',
      );
    } finally {
      await sensitive.close();
    }
  });
});
