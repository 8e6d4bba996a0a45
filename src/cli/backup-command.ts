// `backup <file>`: a consistent copy of the SQLite database (SQLite's online backup, safe while the bot
// runs), checked by opening it again. Never overwrites a file. PostgreSQL is backed up with pg_dump.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { sqlitePath } from '../store/open-database.js';
import type { CommandOutput } from './command-output.js';

const fail = (stderr: string): CommandOutput => ({ code: 1, stderr });

export async function backupCommand(databaseUrl: string, file: string | undefined): Promise<CommandOutput> {
  if (/^postgres(ql)?:\/\//.test(databaseUrl))
    return fail(
      'backup copies a SQLite database; for PostgreSQL use pg_dump, e.g. pg_dump --format=custom --file=perfbot.dump "$DATABASE_URL"',
    );
  if (!file) return fail('backup needs a file to write: npm run cli -- backup backups/bot-2016-05-02.db');
  const source = sqlitePath(databaseUrl);
  const target = resolve(file);
  if (source === ':memory:')
    return fail('DATABASE_URL names an in-memory database: there is nothing to back up');
  if (!existsSync(source)) return fail(`There is no database at ${source}: check DATABASE_URL`);
  if (target === source) return fail('The backup must be a different file from the database itself');
  if (existsSync(target))
    return fail(`${file} exists already: choose a new file name (backups never overwrite)`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(target);
  } finally {
    db.close();
  }
  const copy = new Database(target, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') return fail(`The backup in ${file} failed its integrity check (${String(check)})`);
    const tables = (
      copy
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    const rows = tables.reduce(
      (n, t) => n + (copy.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n,
      0,
    );
    return {
      code: 0,
      stdout: `Backed up ${source} to ${target}: ${tables.length} tables, ${rows.toLocaleString('en-GB')} rows, integrity ok`,
    };
  } finally {
    copy.close();
  }
}
