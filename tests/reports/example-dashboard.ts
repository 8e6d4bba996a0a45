// The Stockton example plan in a temporary database, with two edits the example lacks: a corrective
// action on 2.2's Q4 return, and markup in 6.2's Q4 narrative (which every format must show as text).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importPlanFile } from '../../src/app/import-plan-file.js';
import { financialCalendar } from '../../src/domain/period.js';
import { buildDashboard, type Dashboard } from '../../src/reports/dashboard.js';
import { loadPartnership } from '../../src/store/partnership-store.js';
import { stocktonPlanText } from '../helpers/bot-session.js';
import { edit } from '../helpers/plan-text.js';
import { tempDb, type TempDb } from '../helpers/temp-db.js';

export const CORRECTIVE =
  'Operation Nightsafe: extra patrols in the town centre on Friday and Saturday nights';
export const SCRIPT_NARRATIVE = '67% engaging <script>alert("pwned")</script> & <b>more</b>';

/** The example plan's themes, in the plan's order. */
export const STOCKTON_THEMES = [
  'Anti-social behaviour',
  'Violent crime and robbery',
  'Drug related offending',
  'Criminal damage',
  'Alcohol related offending',
  'Domestic abuse',
];

export async function editedStocktonPlan(): Promise<string> {
  let text = await stocktonPlanText();
  text = edit(
    text,
    'narrative: 489 crimes This gives a year to date total of 1628, an increase of 560 crimes (52.4%)\n',
    `narrative: 489 crimes This gives a year to date total of 1628, an increase of 560 crimes (52.4%)\n    correctiveAction: '${CORRECTIVE}'\n`,
  );
  return edit(text, 'narrative: 67% engaging in Harbour services', `narrative: '${SCRIPT_NARRATIVE}'`);
}

export interface Example {
  db: TempDb;
  dashboard(o?: { period?: string; suppress?: boolean }): Promise<Dashboard>;
}

/** A database holding `planText` (by default the edited Stockton plan). */
export async function exampleDb(planText?: string): Promise<Example> {
  const db = await tempDb();
  const file = join(db.dir, 'plan.yaml');
  await writeFile(file, planText ?? (await editedStocktonPlan()));
  const imported = await importPlanFile(db.prisma, file, {
    dryRun: false,
    now: new Date('2016-04-20T09:00:00Z'),
  });
  if (!imported.ok) throw new Error(`the plan does not import: ${imported.errors.join('; ')}`);
  return {
    db,
    dashboard: async (o = {}) => {
      const p = await loadPartnership(db.prisma);
      if (!p) throw new Error('no partnership loaded');
      const d = await buildDashboard(db.prisma, financialCalendar(p.settings.yearStartMonth), p, {
        period: o.period ?? '2015/16 Q4',
        today: '2016-05-20',
        suppress: o.suppress ?? true,
      });
      if (!d.ok) throw new Error(d.error);
      return d.value;
    },
  };
}
