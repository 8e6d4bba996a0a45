// `import <file>`: read a YAML plan or a CSV of measures or returns, validate it, and save it
// (or only validate, with dryRun). A bad file changes nothing.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { IsoDate } from '../domain/iso-date.js';
import type { Plan } from '../domain/plan-schema.js';
import { localTime } from '../domain/reminders/reminder-time.js';
import { mergeYearTargets, targetYearOf } from '../domain/year-targets.js';
import { readPlanCsv } from '../plan/read-plan-csv.js';
import { readPlanYaml, type PlanRead } from '../plan/read-plan-yaml.js';
import { closedYears } from './closed-years.js';
import { returnConflicts, type ForcedImport, type ReturnConflict } from '../store/import-returns.js';
import type { Db } from '../store/open-database.js';
import type { Partnership } from '../domain/partnership.js';
import { loadPartnership } from '../store/partnership-store.js';
import { savePlan, type ImportSummary, type PlanActor } from '../store/plan-store.js';

export type ImportOutcome =
  | {
      ok: true;
      partnership: string;
      summary: ImportSummary | null;
      measures: number;
      returns: number;
      /** Returns submitted in chat that the file gives differently: kept, or replaced when forced. */
      conflicts: ReturnConflict[];
      /** Closed years whose targets the import kept (see mergeYearTargets). */
      keptTargets: string[];
    }
  | { ok: false; errors: string[] };

export interface ImportOptions {
  dryRun: boolean;
  /** For CSV files: the partnership to merge into (needed when there are several). */
  partnership?: string;
  now: Date;
  /** Who imports, for the audit trail: "cli" from the command line; "import" (the default) at first start. */
  by?: PlanActor;
  /** Replace chat returns whose figures the file gives differently, for this reason (else they are kept). */
  force?: ForcedImport | null;
  /** The date closed periods are judged on (default: now's date in the partnership's time zone). */
  today?: IsoDate;
}

export async function importPlanFile(db: Db, file: string, opts: ImportOptions): Promise<ImportOutcome> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      ok: false,
      errors: [code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read (${code})`],
    };
  }
  let read: PlanRead;
  const csv = extname(file).toLowerCase() === '.csv';
  if (csv) {
    const base = await loadPartnership(db, opts.partnership);
    if (!base) {
      return {
        ok: false,
        errors: [
          `${file}: import a YAML plan first${opts.partnership ? ` for "${opts.partnership}"` : ', or name the partnership with --partnership'}: a CSV adds to an existing plan`,
        ],
      };
    }
    read = readPlanCsv(file, text, planOf(base));
  } else read = readPlanYaml(file, text);
  if (!read.ok) return read;
  const slug = read.plan.partnership.id;
  const targets = await keepYearTargets(db, read, opts);
  if (!targets.ok) return targets;
  const merged = targets.read;
  // A YAML plan lists everyone: people it leaves out are removed. A CSV adds to the stored plan only.
  const saved = opts.dryRun
    ? { summary: null, conflicts: await returnConflicts(db, merged.cal, slug, merged.checked.returns) }
    : await savePlan(db, merged.cal, merged.plan, merged.checked, opts.now, {
        ...(opts.by ? { by: opts.by } : {}),
        people: csv ? 'merge' : 'replace',
        force: opts.force ?? null,
      });
  return {
    ok: true,
    partnership: slug,
    summary: saved.summary,
    measures: merged.plan.measures.length,
    returns: merged.checked.returns.length,
    conflicts: saved.conflicts,
    keptTargets: targets.kept,
  };
}

/** The stored plan's targets for closed years, and for years the file does not name, carried into the file's. */
async function keepYearTargets(
  db: Db,
  read: PlanRead & { ok: true },
  opts: ImportOptions,
): Promise<{ ok: true; read: PlanRead & { ok: true }; kept: string[] } | { ok: false; errors: string[] }> {
  const stored = await loadPartnership(db, read.plan.partnership.id);
  if (!stored) return { ok: true, read, kept: [] };
  const today = opts.today ?? localTime(opts.now, stored.settings.timezone).date;
  const merge = mergeYearTargets(
    read.cal,
    { measures: stored.measures, targetYear: targetYearOf(stored.settings) },
    { measures: read.plan.measures, targetYear: targetYearOf(read.plan.partnership) },
    await closedYears(db, read.cal, stored, today),
    Boolean(opts.force),
  );
  if (merge.refused.length > 0) return { ok: false, errors: merge.refused };
  return { ok: true, read: { ...read, plan: { ...read.plan, measures: merge.measures } }, kept: merge.kept };
}

/** A stored partnership as a plan with no returns, for CSV files to add to. */
export function planOf(p: Partnership): Plan {
  return {
    partnership: p.settings,
    people: p.people,
    themes: p.themes,
    measures: p.measures,
    returns: [],
    overrides: [],
  };
}
