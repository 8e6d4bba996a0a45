// One node-cron schedule per partnership, on its summary.cron in its time zone, so that the weekly
// summary goes out on the minute. Correctness does not depend on them: every reminder tick (and the
// start) runs the summary tick too, which catches up on a missed time within the same week.
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../log.js';
import type { Db } from '../store/open-database.js';
import { listPartnerships, loadPartnership } from '../store/partnership-store.js';
import { checkCron } from './summary-due.js';

export interface SummarySchedules {
  stop(): Promise<void>;
}

export async function scheduleSummaries(db: Db, log: Logger, run: () => void): Promise<SummarySchedules> {
  const tasks: ScheduledTask[] = [];
  for (const { slug } of await listPartnerships(db)) {
    const p = await loadPartnership(db, slug);
    const policy = p?.settings.summary;
    if (!p || !policy?.enabled) continue;
    const valid = checkCron(policy.cron);
    if (!valid.ok) {
      log.error({ partnership: slug, cron: policy.cron, fix: valid.error }, 'weekly summary not scheduled');
      continue;
    }
    tasks.push(
      cron.schedule(policy.cron, run, {
        name: `summary:${slug}`,
        timezone: p.settings.timezone,
        noOverlap: true,
      }),
    );
  }
  return {
    stop: async () => {
      for (const t of tasks) await t.destroy();
    },
  };
}
