// `import <file> [--dry-run] [--partnership ID] [--force --reason "…"]`: load a plan or a CSV, and say
// what changed, and which returns submitted in chat the file differs from (kept unless --force).
import { importPlanFile } from '../app/import-plan-file.js';
import type { IsoDate } from '../domain/iso-date.js';
import type { Db } from '../store/open-database.js';
import { loadPartnership } from '../store/partnership-store.js';
import { type ImportSummary } from '../store/plan-store.js';
import { conflictsText } from './import-conflict-text.js';
import type { CommandOutput } from './command-output.js';

export interface ImportCommandOptions {
  'dry-run'?: boolean;
  partnership?: string;
  force?: boolean;
  reason?: string;
}

/** The command line's actor in the audit trail ("command line"). */
const CLI = { actor: 'cli', channel: 'cli' };

const fail = (message: string): CommandOutput => ({ code: 1, stderr: message });

export async function importCommand(
  db: Db,
  file: string | undefined,
  o: ImportCommandOptions,
  now: Date,
  today?: IsoDate,
): Promise<CommandOutput> {
  if (!file) return fail('import needs a file: npm run cli -- import examples/stockton-2015-16.yaml');
  const reason = o.reason?.trim() ?? '';
  if (o.force && !reason)
    return fail(
      '--force needs a reason, recorded in the audit trail for every return it replaces: --force --reason "Police revised Q4 after their data audit"',
    );
  if (!o.force && o.reason !== undefined)
    return fail(
      '--reason goes with --force: without --force an import keeps the returns submitted in chat and replaces nothing',
    );
  const dryRun = o['dry-run'] ?? false;
  const out = await importPlanFile(db, file, {
    dryRun,
    partnership: o.partnership,
    now,
    by: CLI,
    force: o.force ? { reason } : null,
    ...(today ? { today } : {}),
  });
  if (!out.ok) return { code: 1, stderr: out.errors.join('\n') };
  const head = `${file}: ${out.measures} measures, ${out.returns} returns for "${out.partnership}"`;
  const lines = [
    out.summary ? `${head}\n${summaryText(out.summary)}` : `${head}: valid (dry run, nothing written)`,
  ];
  if (out.keptTargets.length > 0)
    lines.push(
      `Targets of closed years kept (the file changes a target that judged them; name a year in targetsByYear to set it):`,
      ...out.keptTargets.map((k) => `  ${k}`),
    );
  if (out.conflicts.length > 0) {
    const p = await loadPartnership(db, out.partnership);
    lines.push(
      ...conflictsText(out.conflicts, {
        measures: p?.measures ?? [],
        names: new Map((p?.people ?? []).map((x) => [x.id, x.name])),
        timezone: p?.settings.timezone ?? 'Europe/London',
        dryRun,
        forced: o.force ?? false,
      }),
    );
  }
  return { code: 0, stdout: lines.join('\n') };
}

function summaryText(s: ImportSummary): string {
  return Object.entries(s)
    .map(([kind, c]) => `  ${kind}: ${c.created} new, ${c.updated} changed, ${c.unchanged} unchanged`)
    .join('\n');
}
