// `import <file>`: read a YAML plan or a CSV of measures or returns, validate it, and save it
// (or only validate, with dryRun). A bad file changes nothing.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Plan } from '../domain/plan-schema.js';
import { readPlanCsv } from '../plan/read-plan-csv.js';
import { readPlanYaml, type PlanRead } from '../plan/read-plan-yaml.js';
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
  // A YAML plan lists everyone: people it leaves out are removed. A CSV adds to the stored plan only.
  const saved = opts.dryRun
    ? { summary: null, conflicts: await returnConflicts(db, read.cal, slug, read.checked.returns) }
    : await savePlan(db, read.cal, read.plan, read.checked, opts.now, {
        ...(opts.by ? { by: opts.by } : {}),
        people: csv ? 'merge' : 'replace',
        force: opts.force ?? null,
      });
  return {
    ok: true,
    partnership: slug,
    summary: saved.summary,
    measures: read.plan.measures.length,
    returns: read.checked.returns.length,
    conflicts: saved.conflicts,
  };
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
