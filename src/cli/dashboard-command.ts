// `dashboard [--period P] [--format text|csv|json|html|xlsx|docx] [--out FILE]`: text, CSV and JSON to
// standard output; the web page, workbook and Word board paper (or anything given --out) to a file.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { IsoDate } from '../domain/iso-date.js';
import { financialCalendar } from '../domain/period.js';
import { buildDashboard } from '../reports/dashboard.js';
import { renderDashboard } from '../reports/dashboard-export.js';
import { DASHBOARD_FORMATS, FORMAT_INFO, isDashboardFormat } from '../reports/dashboard-format-info.js';
import { periodSlug } from '../reports/dashboard-period.js';
import type { Db } from '../store/open-database.js';
import type { Partnership } from '../domain/partnership.js';

export interface DashboardCommandOptions {
  period?: string;
  format?: string;
  out?: string;
  /** Where the person ran the command (`npm run` moves to the package's folder): a default file goes there. */
  cwd?: string;
}

type Output = { code: number; stdout?: string; stderr?: string };

export async function dashboardCommand(
  db: Db,
  p: Partnership,
  o: DashboardCommandOptions,
  today: IsoDate,
): Promise<Output> {
  const format = o.format ?? 'text';
  if (!isDashboardFormat(format))
    return {
      code: 1,
      stderr: `--format ${format} is not a format: use ${DASHBOARD_FORMATS.slice(0, -1).join(', ')} or ${DASHBOARD_FORMATS.at(-1)}`,
    };
  const cal = financialCalendar(p.settings.yearStartMonth);
  const d = await buildDashboard(db, cal, p, { period: o.period, today, suppress: true });
  if (!d.ok) return { code: 1, stderr: d.error };
  const body = await renderDashboard(d.value, format);
  const info = FORMAT_INFO[format];
  if (!info.toFile && o.out === undefined) return { code: 0, stdout: String(body) };
  const file = resolve(o.cwd ?? '.', o.out ?? `dashboard-${periodSlug(d.value.upTo)}.${info.ext}`);
  try {
    await writeFile(file, body);
  } catch (e) {
    return { code: 1, stderr: `Could not write ${file}: ${(e as Error).message}` };
  }
  const size = Buffer.byteLength(body);
  return {
    code: 0,
    stdout: `Wrote the ${info.name} of ${d.value.partnership}, ${d.value.upTo}, to ${file} (${Math.max(1, Math.round(size / 1024))} KB)`,
  };
}
