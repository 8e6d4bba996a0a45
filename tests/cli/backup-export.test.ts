// `backup <file>` makes a consistent SQLite copy (it opens, and holds the same rows) and never
// overwrites; on PostgreSQL it points to pg_dump. `export <partnership>` writes everything stored about
// a partnership as JSON, every revision of every return included.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPlanFile } from '../../src/app/import-plan-file.js';
import { backupCommand } from '../../src/cli/backup-command.js';
import { runCommand } from '../../src/cli/run-command.js';
import { openDatabase } from '../../src/store/open-database.js';
import { submitQ4 } from '../helpers/submit-q4.js';
import { asTestDb, snapshot, tempDb, testPostgres, type TempDb } from '../helpers/temp-db.js';

let db: TempDb;
const NOW = new Date('2016-05-02T09:30:00Z');

beforeAll(async () => {
  db = await tempDb();
  const imported = await importPlanFile(db.prisma, 'examples/stockton-2015-16.yaml', {
    dryRun: false,
    now: NOW,
  });
  if (!imported.ok) throw new Error(imported.errors.join('\n'));
  // A second revision of 2.2's 2015/16 Q4 return, so the export has history to show.
  const stored = await submitQ4(db.prisma, {
    figure: 490,
    narrative: 'Corrected figure.',
    source: 'cli',
    requestKey: null,
    submittedAt: NOW,
  });
  expect(stored).toMatchObject({ kind: 'stored', revision: 2 });
});

afterAll(async () => {
  await db?.close();
});

// `backup` copies SQLite files: on the PostgreSQL pass (TEST_DATABASE_URL) there is no file to copy, and
// what it says for PostgreSQL is checked below on both passes.
const sqliteOnly = it.skipIf(testPostgres !== null);

describe('backup', () => {
  sqliteOnly('copies the database to a file that opens with the same rows', async () => {
    const file = join(db.dir, 'copy.db');
    const out = await backupCommand(db.url, file);
    expect(out).toMatchObject({ code: 0 });
    expect(out.stdout).toMatch(/tables, [\d,]+ rows, integrity ok/);
    const copy = await openDatabase(`file:${file}`);
    try {
      expect(copy.migrated).toEqual([]);
      expect(await snapshot(asTestDb(copy.prisma))).toEqual(await snapshot(db.prisma));
    } finally {
      await copy.close();
    }
  });

  sqliteOnly('never overwrites a file', async () => {
    const file = join(db.dir, 'taken.db');
    await writeFile(file, 'precious');
    expect(await backupCommand(db.url, file)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/exists already/),
    });
    expect(await readFile(file, 'utf8')).toBe('precious');
  });

  it('says what to do without a file, and for PostgreSQL points to pg_dump', async () => {
    expect(await backupCommand(`file:${join(db.dir, 'bot.db')}`, undefined)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/needs a file/),
    });
    expect(await backupCommand('postgresql://bot:secret@db:5432/perfbot', 'x.db')).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/pg_dump/),
    });
  });

  sqliteOnly(
    'runs from the command line',
    async () => {
      const file = join(db.dir, 'cli-copy.db');
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'src/cli.ts', 'backup', file],
        {
          env: { PATH: process.env.PATH, DATABASE_URL: db.url },
          timeout: 60_000,
        },
      );
      expect(stdout).toMatch(/Backed up .* integrity ok/);
      expect(existsSync(file)).toBe(true);
    },
    90_000,
  );
});

describe('export', () => {
  it('writes the partnership as JSON: settings, people, measures, every revision, audit events', async () => {
    const file = join(db.dir, 'stockton.json');
    const out = await runCommand(
      db.prisma,
      ['export', 'stockton'],
      { out: file },
      { now: NOW, today: '2016-05-02' },
    );
    expect(out).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Exported stockton to .*: \d+ measures/),
    });
    const data = JSON.parse(await readFile(file, 'utf8')) as {
      format: string;
      partnership: { slug: string; settings: { timezone: string } };
      people: { key: string }[];
      measures: { ref: string }[];
      returns: { ref: string; period: string; revision: number; figures: unknown }[];
      audit: { action: string; ref: string | null }[];
    };
    expect(data.format).toBe('perfbot-export');
    expect(data.partnership).toMatchObject({ slug: 'stockton', settings: { timezone: 'Europe/London' } });
    expect(data.people.map((p) => p.key)).toContain('dan-mercer');
    expect(data.measures.map((m) => m.ref)).toContain('2.2');
    const q4 = data.returns.filter((r) => r.ref === '2.2' && r.period === '2015/16 Q4');
    expect(q4.map((r) => [r.revision, r.figures])).toEqual([
      [1, { value: 489 }],
      [2, { value: 490 }],
    ]);
    expect(data.audit).toContainEqual(expect.objectContaining({ action: 'return.submit', ref: '2.2' }));
    expect(await readFile(file, 'utf8')).not.toMatch(/requestKey/);
  });

  it('refuses an unknown partnership, naming those there are, and an existing file', async () => {
    const clock = { now: NOW, today: '2016-05-02' };
    expect(await runCommand(db.prisma, ['export', 'nowhere'], {}, clock)).toMatchObject({
      code: 1,
      stderr: 'No partnership "nowhere": there are stockton',
    });
    const file = join(db.dir, 'exists.json');
    await writeFile(file, '{}');
    expect(await runCommand(db.prisma, ['export', 'stockton'], { out: file }, clock)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/exists already/),
    });
  });
});
