// The commands themselves, returning what to print and the exit code (so tests can call them).
import { auditCommand } from './audit-command.js';
import type { CommandOutput } from './command-output.js';
import { dashboardCommand } from './dashboard-command.js';
import { exportCommand } from './export-command.js';
import { importCommand } from './import-command.js';
import { statusOf } from '../app/measure-status.js';
import { applyYearStart, offerLines, yearOffer } from '../app/start-year.js';
import type { IsoDate } from '../domain/iso-date.js';
import { financialCalendar } from '../domain/period.js';
import { zonedInstant } from '../domain/reminders/reminder-time.js';
import { outboxJson, outboxText } from './outbox-report.js';
import { remindersJson, remindersReport, remindersText } from './reminders-report.js';
import { listOutbox, OUTBOX_STATUSES, type OutboxStatus } from '../store/outbox-store.js';
import { statusJson } from './status-json.js';
import { statusText } from '../reports/status-text.js';
import type { Db } from '../store/open-database.js';
import { listPartnerships, loadPartnership } from '../store/partnership-store.js';

export const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  import <file> [--dry-run] [--partnership ID]   load a YAML plan, or a CSV of measures or returns; returns
         [--force --reason "…"]                  submitted in chat are kept where the file differs, unless
                                                 --force (with the reason for the audit trail) replaces them
  status <ref> [--period P] [--json]             a measure's status, e.g. status 2.2 --period "2015/16 Q4"
  dashboard [--period P] [--format F] [--out FILE]
                                                 the board dashboard, theme by theme, quarter by quarter: F is
                                                 text, csv, json (printed), html, xlsx or docx (to a file)
  start-year <year> [--carry "…"]                the measures without a target for the year, with last year's
                                                 target and outturn; --carry sets them, e.g. --carry
                                                 "2.2 -5%; 4.1 120; rest same" (the same, a change on last
                                                 year's outturn, or a new figure), audited
  reminders [--at <date and time>] [--json]      what reminders would be sent then, and why (nothing is sent),
                                                 and the quarter's returns received by agency and owner
  outbox [--status pending|failed|sent|unknown]  proactive messages and how their delivery went
  audit [--ref R] [--period P] [--limit N] [--json]
                                                 the audit trail, newest first: who changed which return
                                                 (and how), approvals, reopenings
  backup <file>                                  a consistent copy of the SQLite database (never overwrites)
  export <partnership> [--out FILE]              everything stored about a partnership, as JSON

Options:
  --partnership ID   which partnership, when the database holds several`;

export interface CommandOptions {
  period?: string;
  json?: boolean;
  format?: string;
  'dry-run'?: boolean;
  partnership?: string;
  at?: string;
  status?: string;
  out?: string;
  ref?: string;
  limit?: string;
  force?: boolean;
  reason?: string;
  carry?: string;
  /** Where the person ran the command, for files named relative to it. */
  cwd?: string;
}

const fail = (message: string): CommandOutput => ({ code: 1, stderr: message });

export async function runCommand(
  db: Db,
  [command, ...args]: string[],
  o: CommandOptions,
  clock: { now: Date; today: IsoDate },
): Promise<CommandOutput> {
  switch (command) {
    case 'import':
      return importCommand(db, args[0], o, clock.now, clock.today);
    case 'status': {
      const ref = args[0];
      if (!ref) return fail('status needs a measure reference, e.g. status 2.2');
      const p = await partnership(db, o.partnership);
      if (typeof p === 'string') return fail(p);
      const cal = financialCalendar(p.settings.yearStartMonth);
      const s = await statusOf(db, cal, p, { ref, period: o.period, today: clock.today });
      if (!s.ok) return fail(s.error);
      return {
        code: 0,
        stdout: o.json
          ? JSON.stringify(statusJson(cal, s.value), null, 2)
          : statusText(cal, s.value, new Map(p.people.map((x) => [x.id, x.name]))),
      };
    }
    case 'dashboard': {
      const p = await partnership(db, o.partnership);
      if (typeof p === 'string') return fail(p);
      return dashboardCommand(db, p, o, clock.today);
    }
    case 'start-year':
      return startYearCommand(db, args[0], o, clock);
    case 'reminders':
      return reminders(db, o, clock.now);
    case 'export':
      return exportCommand(db, args[0], o.out);
    case 'outbox':
      return outbox(db, o);
    case 'audit': {
      const p = await partnership(db, o.partnership);
      if (typeof p === 'string') return fail(p);
      return auditCommand(db, p, o);
    }
    default:
      return fail(
        `"${command}" is not a command: use import, status, dashboard, start-year, reminders, outbox, audit, backup or export (npm run cli -- --help)`,
      );
  }
}

async function startYearCommand(
  db: Db,
  year: string | undefined,
  o: CommandOptions,
  clock: { now: Date; today: IsoDate },
): Promise<CommandOutput> {
  if (!year) return fail('start-year needs a financial year, e.g. start-year 2016/17');
  const p = await partnership(db, o.partnership);
  if (typeof p === 'string') return fail(p);
  const offer = await yearOffer(db, financialCalendar(p.settings.yearStartMonth), p, year, clock.today);
  if (!offer.ok) return fail(offer.error);
  if (o.carry === undefined)
    return {
      code: 0,
      stdout: offerLines(offer.value, (c) => `start-year ${year} --carry "${c}"`).join('\n'),
    };
  const done = await applyYearStart(db, p, offer.value, o.carry, {
    by: 'cli',
    channel: 'cli',
    now: clock.now,
  });
  return done.ok ? { code: 0, stdout: done.value.join('\n') } : fail(done.error);
}

async function reminders(db: Db, o: CommandOptions, now: Date): Promise<CommandOutput> {
  const p = await partnership(db, o.partnership);
  if (typeof p === 'string') return fail(p);
  const at = o.at === undefined ? now : zonedInstant(o.at, p.settings.timezone);
  if (!at)
    return fail(
      `--at ${o.at} is not a date and time: use e.g. 2016-04-08T10:00 (${p.settings.timezone} time)`,
    );
  const report = await remindersReport(db, p, at);
  const names = new Map(p.people.map((x) => [x.id, x.name]));
  return {
    code: 0,
    stdout: o.json ? JSON.stringify(remindersJson(report), null, 2) : remindersText(report, names),
  };
}

async function outbox(db: Db, o: CommandOptions): Promise<CommandOutput> {
  const status = o.status ?? null;
  if (status !== null && !(OUTBOX_STATUSES as readonly string[]).includes(status))
    return fail(`--status ${status} is not a status: use ${OUTBOX_STATUSES.join(', ')}`);
  const rows = await listOutbox(db, status as OutboxStatus | null);
  return { code: 0, stdout: o.json ? JSON.stringify(outboxJson(rows), null, 2) : outboxText(rows, status) };
}

async function partnership(db: Db, slug?: string) {
  const p = await loadPartnership(db, slug);
  if (p) return p;
  const all = await listPartnerships(db);
  if (all.length === 0) return 'No plan loaded yet: npm run cli -- import examples/stockton-2015-16.yaml';
  if (slug) return `No partnership "${slug}": there are ${all.map((x) => x.slug).join(', ')}`;
  return `Several partnerships: say which with --partnership (${all.map((x) => x.slug).join(', ')})`;
}
