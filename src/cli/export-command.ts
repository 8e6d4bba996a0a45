// `export <partnership> [--out file]`: everything stored about one partnership as JSON, printed or
// written to a new file (never over an existing one).
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { Db } from '../store/open-database.js';
import { exportPartnership } from '../store/export-store.js';
import { listPartnerships } from '../store/partnership-store.js';
import type { CommandOutput } from './command-output.js';

export async function exportCommand(
  db: Db,
  slug: string | undefined,
  out: string | undefined,
): Promise<CommandOutput> {
  const all = await listPartnerships(db);
  const slugs = all.map((p) => p.slug).join(', ');
  if (!slug)
    return {
      code: 1,
      stderr: `export needs a partnership: npm run cli -- export <id> (there are ${slugs || 'none'})`,
    };
  const data = await exportPartnership(db, slug);
  if (!data) return { code: 1, stderr: `No partnership "${slug}": there are ${slugs || 'none'}` };
  const json = JSON.stringify({ format: 'perfbot-export', version: 1, ...data }, null, 2);
  if (!out) return { code: 0, stdout: json };
  if (existsSync(out)) return { code: 1, stderr: `${out} exists already: choose a new file name` };
  await writeFile(out, `${json}\n`, { flag: 'wx' });
  const revisions = data.returns.length;
  return {
    code: 0,
    stdout: `Exported ${slug} to ${out}: ${data.measures.length} measures, ${revisions} return revisions, ${data.audit.length} audit events`,
  };
}
