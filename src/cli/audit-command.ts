// `audit [--ref 2.2] [--period P] [--json]`: the append-only audit trail, newest first.
import type { Partnership } from '../domain/partnership.js';
import { readAudit } from '../store/audit-store.js';
import type { Db } from '../store/open-database.js';
import { auditText } from '../reports/audit-text.js';
import { financialCalendar } from '../domain/period.js';
import type { CommandOutput } from './command-output.js';

export interface AuditOptions {
  ref?: string;
  period?: string;
  json?: boolean;
  limit?: string;
}

export async function auditCommand(db: Db, p: Partnership, o: AuditOptions): Promise<CommandOutput> {
  let period: string | undefined;
  if (o.period !== undefined) {
    const parsed = financialCalendar(p.settings.yearStartMonth).parse(o.period);
    if (!parsed.ok) return { code: 1, stderr: parsed.error };
    period = financialCalendar(p.settings.yearStartMonth).format(parsed.value);
  }
  if (o.ref !== undefined && !p.measureIds.has(o.ref))
    return { code: 1, stderr: `No measure "${o.ref}": there are ${[...p.measureIds.keys()].join(', ')}` };
  const limit = o.limit === undefined ? 200 : Number.parseInt(o.limit, 10);
  if (!Number.isInteger(limit) || limit < 1)
    return { code: 1, stderr: `--limit ${o.limit} is not a number of events: use e.g. --limit 50` };
  const events = await readAudit(db, {
    partnershipId: p.id,
    ...(o.ref !== undefined ? { ref: o.ref } : {}),
    ...(period !== undefined ? { period } : {}),
    limit,
  });
  if (o.json) return { code: 0, stdout: JSON.stringify(events, null, 2) };
  const names = new Map(p.people.map((x) => [x.id, x.name]));
  return {
    code: 0,
    stdout: auditText(events, { measures: p.measures, names, timezone: p.settings.timezone }),
  };
}
