// The command line on the example plan: status and dashboard through runCommand, and once end to end
// through the real entry point in a child process.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, type CommandOptions } from '../../src/cli/run-command.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDb, type TempDb } from '../helpers/temp-db.js';

const EXAMPLE = 'examples/stockton-2015-16.yaml';
const clock = { now: new Date('2016-05-20T09:00:00Z'), today: '2016-05-20' };
const Q4 = '2015/16 Q4';

let db: TempDb;
beforeAll(async () => {
  db = await tempDb();
  const out = await run(['import', EXAMPLE]);
  if (out.code !== 0) throw new Error(`the example did not import: ${out.stderr}`);
});
afterAll(async () => {
  await db.close();
});

const run = (args: string[], o: CommandOptions = {}) => runCommand(db.prisma, args, o, clock);

/** Expects a failure with exactly one line on stderr, and returns that line. */
async function failure(args: string[], o: CommandOptions = {}): Promise<string> {
  const out = await run(args, o);
  expect(out.code).toBe(1);
  expect(out.stdout).toBeUndefined();
  expect(out.stderr?.split('\n')).toHaveLength(1);
  return out.stderr ?? '';
}

describe('status', () => {
  it('gives 2.2 at 2015/16 Q4 as JSON with the figures of the dashboard', async () => {
    const out = await run(['status', '2.2'], { period: Q4, json: true });

    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout ?? '') as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining([
        'ref',
        'title',
        'period',
        'rag',
        'label',
        'actual',
        'ytd',
        'targetToDate',
        'variancePct',
        'lastYear',
        'baseline',
        'projectedYearEnd',
        'override',
      ]),
    );
    expect(json).toMatchObject({
      ref: '2.2',
      title: 'Reduce violence without injury',
      period: Q4,
      rag: 'red',
      actual: 489,
      ytd: 1628,
      targetToDate: 1068,
      variancePct: 52.4,
      lastYear: { ytd: 1068, change: 560, changePct: 52.4 },
      baseline: { value: 1068, change: 560, changePct: 52.4 },
      projectedYearEnd: 1628,
      override: null,
    });
    expect(typeof json.label).toBe('string');
  });

  it('gives the computed status, the overriding one and its reason when the partnership set one', async () => {
    const out = await run(['status', '4.1'], { period: Q4, json: true });

    expect(JSON.parse(out.stdout ?? '')).toMatchObject({
      rag: 'green',
      finalRag: 'amber',
      override: { rag: 'amber', reason: expect.stringMatching(/^Below the three-year baseline/) },
    });
  });

  it('gives the status as text without --json', async () => {
    const out = await run(['status', '2.2'], { period: Q4 });

    expect(out.code).toBe(0);
    expect(out.stdout).toContain('2.2');
    expect(out.stdout).toContain('Reduce violence without injury');
  });

  it('refuses an unknown measure in one line naming it', async () => {
    expect(await failure(['status', '9.9'], { period: Q4 })).toMatch(/no measure "9\.9"/);
  });

  it('refuses a quarter that does not exist, saying to use Q1 to Q4', async () => {
    expect(await failure(['status', '2.2'], { period: '2015/16 Q5' })).toBe(
      '"2015/16 Q5" is not a period: quarters are Q1 to Q4, e.g. 2015/16 Q2',
    );
  });

  it('refuses a month for a quarterly measure, suggesting a quarter', async () => {
    expect(await failure(['status', '2.2'], { period: '2015-07' })).toMatch(/quarterly.*2015\/16 Q2/);
  });

  it('asks for a measure when none is given', async () => {
    expect(await failure(['status'])).toMatch(/e\.g\. status 2\.2/);
  });
});

describe('dashboard', () => {
  it('as text shows every theme and measure 2.2', async () => {
    const out = await run(['dashboard'], { period: Q4 });

    expect(out.code).toBe(0);
    const themes = await db.prisma.theme.findMany();
    expect(themes).toHaveLength(6);
    for (const t of themes) expect(out.stdout?.toLowerCase()).toContain(t.name.toLowerCase());
    expect(out.stdout).toMatch(/^2\.2 +Reduce violence without injury/m);
  });

  it('as CSV has a header and a row per measure, one per component of a multi-part measure', async () => {
    const out = await run(['dashboard'], { period: Q4, format: 'csv' });

    expect(out.code).toBe(0);
    const [header, ...rows] = parse(out.stdout ?? '') as string[][];
    expect(header?.slice(0, 3)).toEqual(['theme', 'ref', 'measure']);
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((r) => r[1])).size).toBe(18);
    expect(rows.find((r) => r[1] === '2.2')?.[2]).toBe('Reduce violence without injury');
    expect(rows.filter((r) => r[1] === '1.1').map((r) => r[3])).toEqual([
      'Repeat callers to the ASB Hotline',
      'Repeat callers to the Police',
    ]);
  });

  it('as JSON parses, theme by theme', async () => {
    const out = await run(['dashboard'], { period: Q4, format: 'json' });

    expect(out.code).toBe(0);
    const d = JSON.parse(out.stdout ?? '') as { themes: { name: string; rows: { ref: string }[] }[] };
    expect(d.themes).toHaveLength(6);
    expect(d.themes.flatMap((t) => t.rows)).toHaveLength(18);
  });

  it('refuses a format it does not have', async () => {
    expect(await failure(['dashboard'], { format: 'xml' })).toBe(
      '--format xml is not a format: use text, csv, json, html, xlsx or docx',
    );
  });
});

describe('the command line, end to end', () => {
  it(
    'imports the example, answers status 2.2 as JSON, and refuses 9.9 in one line',
    { timeout: 60_000 },
    async () => {
      const fresh = await tempDb();
      try {
        const imported = await runCli(fresh.url, ['import', EXAMPLE]);
        expect(imported).toMatchObject({ code: 0, stderr: '' });
        expect(imported.stdout).toContain('18 measures, 93 returns for "stockton"');

        const status = await runCli(fresh.url, ['status', '2.2', '--period', Q4, '--json']);
        expect(status).toMatchObject({ code: 0, stderr: '' });
        expect(JSON.parse(status.stdout)).toMatchObject({ ref: '2.2', ytd: 1628, rag: 'red' });

        const unknown = await runCli(fresh.url, ['status', '9.9']);
        expect(unknown.code).not.toBe(0);
        expect(unknown.stdout).toBe('');
        expect(unknown.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/no measure "9\.9"/)]);
      } finally {
        await fresh.close();
      }
    },
  );
});
