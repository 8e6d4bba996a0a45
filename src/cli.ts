// The command line: import plans, ask for a measure's status, print the dashboard, explain reminders
// and inspect the outbox.
// Composition root: reads the environment and the clock, opens the database, runs one command.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import 'dotenv/config';
import { ConfigError, loadConfig } from './config.js';
import { isoDateOf } from './domain/iso-date.js';
import { openDatabase } from './store/open-database.js';
import { backupCommand } from './cli/backup-command.js';
import type { CommandOutput } from './cli/command-output.js';
import { runCommand, USAGE } from './cli/run-command.js';

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      period: { type: 'string', short: 'p' },
      json: { type: 'boolean' },
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      'dry-run': { type: 'boolean' },
      force: { type: 'boolean' },
      reason: { type: 'string' },
      carry: { type: 'string' },
      partnership: { type: 'string' },
      at: { type: 'string' },
      status: { type: 'string' },
      ref: { type: 'string' },
      limit: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return positionals.length === 0 && !values.help ? 2 : 0;
  }
  // `npm run cli` runs in the package's folder and says in INIT_CWD where the person was: files named on
  // the command line are there. Run from anywhere else, the folder it runs in is that place.
  const movedByNpm = resolve(process.cwd()) === resolve(fileURLToPath(new URL('..', import.meta.url)));
  const here = (movedByNpm && process.env.INIT_CWD) || process.cwd();
  if (values.out) values.out = resolve(here, values.out);
  if (['import', 'backup'].includes(positionals[0] ?? '') && positionals[1])
    positionals[1] = resolve(here, positionals[1]);
  const config = loadConfig(process.env);
  // A backup reads the database file as it is: nothing is opened, migrated or written first.
  if (positionals[0] === 'backup') return print(await backupCommand(config.DATABASE_URL, positionals[1]));
  const db = await openDatabase(config.DATABASE_URL);
  try {
    const now = new Date();
    const out = await runCommand(
      db.prisma,
      positionals,
      { ...values, cwd: here },
      {
        now,
        today: config.TODAY ?? isoDateOf(now, 'Europe/London'),
      },
    );
    return print(out);
  } finally {
    await db.close();
  }
}

function print(out: CommandOutput): number {
  if (out.stdout) console.log(out.stdout);
  if (out.stderr) console.error(out.stderr);
  return out.code;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof ConfigError || (e instanceof TypeError && 'code' in e) ? e.message : e);
    process.exit(1);
  },
);
