// A small plan with the kinds of measure the charts must draw that the Stockton example lacks: a monthly
// sum with a month missing (1.1), a ratio (1.2), a rank (1.3), an annual count (1.4), a multi-part
// measure whose headline is its second part (1.5), a sensitive count with small numbers (2.1) and a
// narrative-only measure (2.2).
import { importPlanFile } from '../../src/app/import-plan-file.js';
import { loadMeasureSeries } from '../../src/charts/chart-source.js';
import type { MeasureSeries } from '../../src/charts/measure-series.js';
import type { Partnership } from '../../src/domain/partnership.js';
import { loadPartnership } from '../../src/store/partnership-store.js';
import { writePlan } from '../helpers/plan-text.js';
import { tempDb, type TempDb } from '../helpers/temp-db.js';

/** Return lines for consecutive periods; null leaves a period without a return. */
function monthly(ref: string, year: number, values: (number | null)[]): string[] {
  return values.flatMap((v, i) => {
    const month = ((i + 3) % 12) + 1;
    const period = `${month >= 4 ? year : year + 1}-${String(month).padStart(2, '0')}`;
    return v === null ? [] : [`  - { ref: '${ref}', period: '${period}', value: ${v} }`];
  });
}

function quarterly(ref: string, year: string, figures: (string | null)[]): string[] {
  return figures.flatMap((f, i) =>
    f === null ? [] : [`  - { ref: '${ref}', period: ${year} Q${i + 1}, ${f} }`],
  );
}

const value = (v: number) => `value: ${v}`;
const ratio = (numerator: number, denominator: number) =>
  `value: { numerator: ${numerator}, denominator: ${denominator} }`;
const parts = (council: number, police: number) => `values: { council: ${council}, police: ${police} }`;

const RETURNS = [
  ...monthly('1.1', 2014, [95, 102, 99, 110, 104, 97, 101, 96, 108, 92, 94, 100]),
  ...monthly('1.1', 2015, [88, 91, 95, null, 86, 90, 84, 89, 93]),
  ...quarterly('1.2', '2014/15', [ratio(40, 90), ratio(45, 88), ratio(47, 92), ratio(50, 91)]),
  ...quarterly('1.2', '2015/16', [ratio(48, 90), ratio(52, 94), ratio(55, 93), null]),
  ...quarterly('1.3', '2014/15', [value(9), value(8), value(8), value(7)]),
  ...quarterly('1.3', '2015/16', [value(7), value(6), value(4), value(5)]),
  ...quarterly('2.1', '2014/15', [value(2), value(7), value(6), value(1)]),
  ...quarterly('2.1', '2015/16', [value(3), value(12), value(4), value(9)]),
  `  - { ref: '1.4', period: 2014/15, value: 104 }`,
  `  - { ref: '1.4', period: 2015/16, value: 87 }`,
  ...quarterly('1.5', '2014/15', [parts(210, 640), parts(230, 700), parts(190, 610), parts(170, 560)]),
  ...quarterly('1.5', '2015/16', [parts(200, 650), parts(215, 590), parts(180, 570), parts(160, 520)]),
  `  - { ref: '2.2', period: 2015/16 Q4, narrative: A year of steady work. }`,
].join('\n');

export function chartPlanYaml(): string {
  return `partnership:
  id: chartshire
  name: Chartshire Community Safety Partnership
  currentYear: '2015/16'
  smallNumberThreshold: 5

people:
  - { id: ola-owner, name: Ola Owner }

themes:
  - { id: crime, name: Crime }
  - { id: support, name: Support services }

measures:
  - { ref: '1.1', title: Reduce burglary, theme: crime, owner: ola-owner, frequency: monthly, unit: count,
      polarity: lower, target: { annual: 1200 } }
  - { ref: '1.2', title: Increase successful treatment completions, theme: support, owner: ola-owner,
      unit: percent, polarity: higher, aggregation: ratio, target: { annual: 55 } }
  - { ref: '1.3', title: Improve our rank among similar areas, theme: crime, owner: ola-owner, unit: rank,
      groupSize: 15, polarity: lower, aggregation: latest, target: { annual: 5 } }
  - { ref: '2.1', title: Monitor high-risk domestic abuse cases, theme: support, owner: ola-owner,
      unit: count, polarity: lower, sensitive: true, target: { annual: 30 } }
  - { ref: '1.4', title: Reduce first-time entrants to the youth justice system, theme: crime,
      owner: ola-owner, frequency: annual, unit: count, polarity: lower, target: { annual: 90 } }
  - ref: '1.5'
    title: Reduce anti-social behaviour incidents
    theme: crime
    owner: ola-owner
    unit: count
    polarity: lower
    components:
      - { key: council, label: Council reports, target: { annual: 800 } }
      - { key: police, label: Police incidents, target: { annual: 2400 } }
    headline: police
  - { ref: '2.2', title: Partnership narrative, theme: support, owner: ola-owner, unit: text, polarity: monitor }

returns:
${RETURNS}
`;
}

export interface ChartPlan {
  db: TempDb;
  partnership: Partnership;
  series(ref: string, period: string): Promise<MeasureSeries>;
  close(): Promise<void>;
}

/** A database holding `yaml` (the Stockton example when not given). */
export async function chartPlan(yaml?: string): Promise<ChartPlan> {
  const db = await tempDb();
  const file =
    yaml === undefined ? 'examples/stockton-2015-16.yaml' : await writePlan(db.dir, 'plan.yaml', yaml);
  const imported = await importPlanFile(db.prisma, file, {
    dryRun: false,
    now: new Date('2016-05-02T09:00:00Z'),
  });
  if (!imported.ok) throw new Error(imported.errors.join('\n'));
  const partnership = await loadPartnership(db.prisma, imported.partnership);
  if (!partnership) throw new Error('the plan did not load');
  return {
    db,
    partnership,
    series: async (ref, period) => {
      const s = await loadMeasureSeries(db.prisma, partnership, ref, period);
      if (!s.ok) throw new Error(s.error);
      return s.value;
    },
    close: () => db.close(),
  };
}
