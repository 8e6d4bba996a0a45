// First start: when the database holds no partnership yet, load the configured plan file.
import type { Logger } from '../log.js';
import type { Db } from '../store/open-database.js';
import { listPartnerships } from '../store/partnership-store.js';
import { importPlanFile } from './import-plan-file.js';

export async function ensurePlan(db: Db, file: string, now: Date, log: Logger): Promise<void> {
  if ((await listPartnerships(db)).length > 0) return;
  const out = await importPlanFile(db, file, { dryRun: false, now });
  if (!out.ok) throw new Error(`PLAN_FILE ${file} could not be loaded:\n${out.errors.join('\n')}`);
  log.info(
    { file, partnership: out.partnership, measures: out.measures, returns: out.returns },
    'plan loaded',
  );
}
