// A fresh database holding the minimal plan (one partnership, a few measures), for the store's tests.
import { importPlanFile } from '../../src/app/import-plan-file.js';
import { minimalPlanYaml, writePlan } from './plan-text.js';
import { tempDb, type TempDb } from './temp-db.js';

export async function minimalPlanDb(now: Date): Promise<TempDb> {
  const db = await tempDb();
  await importPlanFile(db.prisma, await writePlan(db.dir, 'plan.yaml', minimalPlanYaml()), {
    dryRun: false,
    now,
  });
  return db;
}
