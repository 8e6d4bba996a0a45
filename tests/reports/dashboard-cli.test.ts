// `dashboard --format … [--out FILE]` on the example plan: text, CSV and JSON printed; the web page, the
// workbook and the Word board paper written to files (named after the period unless --out says), each
// saying where it went.
import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, type CommandOptions } from '../../src/cli/run-command.js';
import { exampleDb, type Example } from './example-dashboard.js';
import { readZip } from './read-zip.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const clock = { now: new Date('2016-05-20T09:00:00Z'), today: '2016-05-20' };
const Q4 = '2015/16 Q4';

let ex: Example;
beforeAll(async () => {
  ex = await exampleDb();
});
afterAll(async () => {
  await ex.db.close();
});

const run = (o: CommandOptions) => runCommand(ex.db.prisma, ['dashboard'], { period: Q4, ...o }, clock);

describe('dashboard on the command line', () => {
  it('prints text, CSV and JSON', async () => {
    expect((await run({})).stdout).toMatch(
      /^2\.2 +Reduce violence without injury +336 R +364 \(YTD 700\) R/m,
    );
    expect((await run({ format: 'csv' })).stdout).toMatch(
      /^Violent crime and robbery,2\.2,Reduce violence without injury,,count,2015\/16 Q\d,336,364,/m,
    );
    const json = JSON.parse((await run({ format: 'json' })).stdout ?? '') as {
      upTo: string;
      themes: unknown[];
    };
    expect(json).toMatchObject({ upTo: Q4, months: 'January to March 2016' });
    expect(json.themes).toHaveLength(6);
  });

  it('writes the workbook to --out and says where', async () => {
    const file = join(ex.db.dir, 'board.xlsx');
    const out = await run({ format: 'xlsx', out: file });
    expect(out).toMatchObject({ code: 0 });
    expect(out.stdout).toMatch(
      /^Wrote the Excel workbook of Safer Stockton Partnership, 2015\/16 Q4, to .*board\.xlsx \(\d+ KB\)$/,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet('Dashboard')?.getCell('A1').value).toContain('2015/16 Q4');
  });

  it('writes the Word board paper and the web page to files', async () => {
    const docx = join(ex.db.dir, 'board.docx');
    expect((await run({ format: 'docx', out: docx })).code).toBe(0);
    expect(readZip(await readFile(docx)).text('word/document.xml')).toContain('1. Exceptions');
    const html = join(ex.db.dir, 'board.html');
    expect((await run({ format: 'html', out: html })).stdout).toContain(`to ${html}`);
    expect(await readFile(html, 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('writes CSV to a file too when given --out', async () => {
    const file = join(ex.db.dir, 'board.csv');
    expect((await run({ format: 'csv', out: file })).stdout).toMatch(/^Wrote the CSV/);
    expect(await readFile(file, 'utf8')).toMatch(/^theme,ref,measure,/);
  });

  it('says what is wrong with a bad period or a place it cannot write', async () => {
    expect(await run({ period: '2015/16 Q5', format: 'html' })).toMatchObject({
      code: 1,
      stderr: '"2015/16 Q5" is not a period: quarters are Q1 to Q4, e.g. 2015/16 Q2',
    });
    const out = await run({ format: 'docx', out: join(ex.db.dir, 'no-such-folder', 'x.docx') });
    expect(out).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^Could not write .*x\.docx: ENOENT/),
    });
  });

  it('names the file after the period in the current folder, end to end', { timeout: 60_000 }, async () => {
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const { stdout } = await promisify(execFile)(
      tsx,
      [join(ROOT, 'src/cli.ts'), 'dashboard', '-p', Q4, '--format', 'docx'],
      {
        cwd: ex.db.dir,
        env: { ...process.env, DATABASE_URL: ex.db.url },
      },
    );
    const file = join(ex.db.dir, 'dashboard-2015-16-Q4.docx');
    expect(stdout.trim()).toBe(
      `Wrote the Word board paper (exceptions first) of Safer Stockton Partnership, 2015/16 Q4, to ${file} (${Math.round((await stat(file)).size / 1024)} KB)`,
    );
  });

  it(
    'writes into the folder npm run was started from, not the package folder',
    { timeout: 60_000 },
    async () => {
      const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
      // npm run starts the command in the package folder and says where the person was in INIT_CWD.
      const env = { ...process.env, DATABASE_URL: ex.db.url, INIT_CWD: ex.db.dir };
      const run = (args: string[]) =>
        promisify(execFile)(tsx, [join(ROOT, 'src/cli.ts'), 'dashboard', '-p', Q4, ...args], {
          cwd: ROOT,
          env,
        });
      await run(['--format', 'html']);
      expect((await stat(join(ex.db.dir, 'dashboard-2015-16-Q4.html'))).size).toBeGreaterThan(0);
      await run(['--format', 'csv', '--out', 'board.csv']);
      expect((await stat(join(ex.db.dir, 'board.csv'))).size).toBeGreaterThan(0);
    },
  );
});
