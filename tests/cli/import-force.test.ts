// `import` on the command line after an owner submitted in chat: it keeps the chat return and says so,
// a dry run says the same, `--force` needs a reason and then replaces it, audited; imported returns read
// as imported in `status`.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCommand, type CommandOptions } from '../../src/cli/run-command.js';
import { botSession, only, STOCKTON_PLAN, type BotSession } from '../helpers/bot-session.js';
import { runCli } from '../helpers/run-cli.js';
import { snapshot } from '../helpers/temp-db.js';
import { submit22 } from '../flows/signoff/sign-off-helpers.js';

const Q4 = '2015/16 Q4';
const clock = { now: new Date('2016-05-03T09:00:00Z'), today: '2016-05-03' };
const REASON = 'Police revised Q4 after their data audit';

let s: BotSession;
beforeEach(async () => {
  s = await botSession();
  // Dan's 500 for 2.2 Q4 through the conversation on Monday 2 May: revision 2, awaiting approval.
  only(await submit22(s), 'returnStored');
});
afterEach(async () => {
  await s.close();
});

const run = (args: string[], o: CommandOptions = {}) => runCommand(s.db.prisma, args, o, clock);

describe('import over a return submitted in chat', () => {
  it('keeps the chat return and says which, with what the file says and how to replace it', async () => {
    const out = await run(['import', STOCKTON_PLAN]);

    expect(out.code).toBe(0);
    expect(out.stdout?.split('\n').slice(-2)).toEqual([
      '1 return submitted in chat differs from the file and was kept (an import never overwrites chat):',
      `  2.2 ${Q4}: kept Insp. Dan Mercer's chat return (revision 2, 500, 2016-05-02); the file says 489 — run with --force --reason "…" to replace it`,
    ]);
    expect((await s.revisions('2.2', Q4)).map((r) => r.figures)).toEqual([{ value: 489 }, { value: 500 }]);
  });

  it('says the same on a dry run, writing nothing', async () => {
    const before = await snapshot(s.db.prisma);

    const out = await run(['import', STOCKTON_PLAN], { 'dry-run': true });

    expect(out.stdout?.split('\n').slice(-2)).toEqual([
      '1 return submitted in chat differs from the file and would be kept (an import never overwrites chat):',
      `  2.2 ${Q4}: would keep Insp. Dan Mercer's chat return (revision 2, 500, 2016-05-02); the file says 489 — run with --force --reason "…" to replace it`,
    ]);
    expect(await snapshot(s.db.prisma)).toEqual(before);
  });

  it('refuses --force without a reason, saying how to give one, and writes nothing', async () => {
    const before = await snapshot(s.db.prisma);

    for (const reason of [undefined, '  ']) {
      const out = await run(['import', STOCKTON_PLAN], {
        force: true,
        ...(reason === undefined ? {} : { reason }),
      });
      expect(out).toEqual({
        code: 1,
        stderr:
          '--force needs a reason, recorded in the audit trail for every return it replaces: --force --reason "Police revised Q4 after their data audit"',
      });
    }
    expect(await snapshot(s.db.prisma)).toEqual(before);
  });

  it('refuses --reason without --force', async () => {
    const out = await run(['import', STOCKTON_PLAN], { reason: REASON });

    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/^--reason goes with --force: without --force an import keeps the returns/);
  });

  it('with --force --reason replaces it, says the new figures need approval again, and audits who and why', async () => {
    const dry = await run(['import', STOCKTON_PLAN], { 'dry-run': true, force: true, reason: REASON });
    expect(dry.stdout?.split('\n').slice(-1)).toEqual([
      `  2.2 ${Q4}: would replace Insp. Dan Mercer's chat return (revision 2, 500, 2016-05-02) with the file's 489`,
    ]);

    const out = await run(['import', STOCKTON_PLAN], { force: true, reason: REASON });

    expect(out.code).toBe(0);
    expect(out.stdout?.split('\n').slice(-2)).toEqual([
      "1 return submitted in chat replaced with the file's figures (--force), each recorded in the audit trail:",
      `  2.2 ${Q4}: replaced Insp. Dan Mercer's chat return (revision 2, 500, 2016-05-02) with the file's 489 as revision 3, which needs approval again (revision 2 was awaiting approval)`,
    ]);
    const audit = await run(['audit'], { ref: '2.2', period: Q4 });
    expect(audit.stdout?.split('\n').slice(0, 2)).toEqual([
      `2016-05-03 10:00 · cli (command line) replaced 2.2 ${Q4} with the plan file's figures (revision 3): "${REASON}"`,
      "    Figure: 500 → 489 · commentary changed · over Insp. Dan Mercer's revision 2",
    ]);
  });
});

describe('status of an imported return', () => {
  it('says it came from the plan file, with no date where the file gave none', async () => {
    await run(['import', STOCKTON_PLAN], { force: true, reason: REASON });

    const text = await run(['status', '2.2'], { period: Q4 });
    expect(text.stdout?.split('\n').at(-1)).toBe(
      'Imported from the plan file (no submission date in the file), revision 3',
    );
    const json = JSON.parse(
      (await run(['status', '2.2'], { period: Q4, json: true })).stdout ?? '',
    ) as object;
    expect(json).toMatchObject({ imported: true, submittedAt: null, actual: 489 });
  });

  it('names the owner and the date of a chat return, as before', async () => {
    const text = await run(['status', '2.2'], { period: Q4 });

    expect(text.stdout?.split('\n').at(-1)).toBe('Submitted by Insp. Dan Mercer on 2016-05-02 (revision 2)');
  });
});

describe('the real command line', () => {
  const cli = (args: string[]) => runCli(s.db.url, args);

  it('takes --force and --reason, and refuses --force alone in one line', { timeout: 60_000 }, async () => {
    const alone = await cli(['import', STOCKTON_PLAN, '--force']);
    expect(alone.code).toBe(1);
    expect(alone.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^--force needs a reason/)]);

    const forced = await cli(['import', STOCKTON_PLAN, '--force', '--reason', REASON]);
    expect(forced).toMatchObject({ code: 0, stderr: '' });
    expect(forced.stdout).toContain(`2.2 ${Q4}: replaced Insp. Dan Mercer's chat return (revision 2, 500,`);
  });
});
