// Saves a validated plan, idempotently and in one transaction, with its audit trail: the partnership,
// its people, themes and measures (plan-steps.ts), the returns (import-returns.ts) and the overrides.
import type { FinancialCalendar } from '../domain/period.js';
import type { Plan } from '../domain/plan-schema.js';
import type { NormalOverride, NormalReturn } from '../domain/validate-plan.js';
import { recordAudit } from './audit-store.js';
import type { Db } from './db.js';
import { transaction } from './raw-rows.js';
import { importReturns, type ForcedImport, type ReturnConflict } from './import-returns.js';
import {
  counts,
  saveMeasures,
  saveOverrides,
  savePartnershipRow,
  savePeople,
  saveThemes,
  type ImportSummary,
  type PeopleImport,
  type PlanStep,
} from './plan-steps.js';

export type { ImportCounts, ImportSummary, PeopleImport } from './plan-steps.js';

export interface SaveOptions {
  /** Who imports, for the audit trail: "import" (the plan loaded at first start) unless told. */
  by?: PlanActor;
  people?: PeopleImport;
  /** Replace returns submitted in chat whose figures the file gives differently (else they are kept). */
  force?: ForcedImport | null;
}

/** What an import did, and the chat returns it kept (or, forced, replaced). */
export interface SavedPlan {
  summary: ImportSummary;
  conflicts: ReturnConflict[];
}

export async function savePlan(
  db: Db,
  cal: FinancialCalendar,
  plan: Plan,
  checked: { returns: NormalReturn[]; overrides: NormalOverride[] },
  now: Date,
  opts: SaveOptions = {},
): Promise<SavedPlan> {
  const by = opts.by ?? { actor: 'import', channel: 'import' };
  let conflicts: ReturnConflict[] = [];
  const summary: ImportSummary = {
    people: counts(),
    themes: counts(),
    measures: counts(),
    returns: counts(),
    overrides: counts(),
  };
  await transaction(db, async (tx) => {
    // Every change the import makes, written in this transaction (see planAudit).
    const step: PlanStep = { tx, pid: 0, summary, trail: [] };
    step.pid = await savePartnershipRow(step, plan.partnership);
    await savePeople(step, plan.people, opts.people ?? 'merge');
    await saveThemes(step, plan.themes);
    const measureIds = await saveMeasures(step, plan.measures);
    // Returns submitted in chat are kept where the file differs (or, forced, replaced): see importReturns.
    const { conflicts: met, ...returnCounts } = await importReturns(tx, cal, {
      partnershipId: step.pid,
      measureIds,
      returns: checked.returns,
      now,
      by,
      force: opts.force ?? null,
    });
    conflicts = met;
    summary.returns = returnCounts;
    await saveOverrides(step, cal, checked.overrides, measureIds, now);
    await finishImport(step, conflicts, opts.force?.reason);
    for (const e of step.trail) await recordAudit(tx, { partnershipId: step.pid, at: now, ...by, ...e });
  });
  return { summary, conflicts };
}

/** The plan.import event when anything changed, and a new plan version when the plan itself did. */
async function finishImport(step: PlanStep, conflicts: ReturnConflict[], reason: string | undefined) {
  const { summary, trail } = step;
  const changed =
    Object.values(summary).some((c) => c.created + c.updated > 0) ||
    trail.some((e) => e.action === 'person.remove');
  if (changed)
    trail.push({
      action: 'plan.import',
      after: importAudit(summary, conflicts),
      reason,
    });
  // Servers that keep plans in memory (loadPartnership) see the new version and load this plan again.
  const planChanged =
    [summary.people, summary.themes, summary.measures].some((c) => c.created + c.updated > 0) ||
    trail.some((e) => e.action === 'person.remove' || e.action === 'plan.settings');
  if (planChanged)
    await step.tx.partnership.update({ where: { id: step.pid }, data: { planVersion: { increment: 1 } } });
}

/** The plan.import event's record: the counts, and the chat returns kept or replaced when there were any. */
function importAudit(summary: ImportSummary, conflicts: ReturnConflict[]) {
  if (conflicts.length === 0) return summary;
  const replaced = conflicts.filter((c) => c.replacedBy !== null).length;
  return { ...summary, chatReturns: { kept: conflicts.length - replaced, replaced } };
}

/** Who imports a plan, for the audit trail: "import" (the plan loaded at first start) unless told. */
export interface PlanActor {
  actor: string;
  channel: string;
}
