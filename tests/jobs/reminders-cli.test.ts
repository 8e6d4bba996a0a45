// `reminders --at` (a dry run with reasons) and `outbox --status` on the example plan as shipped: its
// 2015/16 Q4 returns are in, but for 5.2 and 6.3 (missing) and the "not available" ones.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, type CommandOptions } from '../../src/cli/run-command.js';
import { reminderTick } from '../../src/jobs/reminder-tick.js';
import { tempDb, type TempDb } from '../helpers/temp-db.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const clock = { now: new Date('2016-05-20T09:00:00Z'), today: '2016-05-20' };

let db: TempDb;
beforeAll(async () => {
  db = await tempDb();
  const out = await run(['import', 'examples/stockton-2015-16.yaml']);
  if (out.code !== 0) throw new Error(`the example did not import: ${out.stderr}`);
});
afterAll(async () => {
  await db.close();
});

const run = (args: string[], o: CommandOptions = {}) => runCommand(db.prisma, args, o, clock);

const FRIDAY_8_APRIL = `Safer Stockton Partnership — Friday 8 April 2016 10:00 (Europe/London): within the sending window.
Would send (2):
  5.2 2015/16 Q4 → Martin Kell: first reminder: 5 working days before the due date, Thursday 14 April 2016 (its day was Thursday 7 April 2016)
      key remind:5.2:2015/16 Q4:first:martin-kell
  6.3 2015/16 Q4 → Joanne Lister: first reminder: 5 working days before the due date, Thursday 14 April 2016 (its day was Thursday 7 April 2016)
      key remind:6.3:2015/16 Q4:first:joanne-lister
Held back (1):
  3.3 2015/16 Q4 → Dr Ruth Okafor: not available until Tuesday 24 May 2016 ("Q4 data will be available 24th May."): no chasers until then; next: due@2016-05-24 on Tuesday 24 May 2016
No more reminders (7):
  3.1 2015/16 Q4 → Martin Kell: not available ("Yearend data not yet available."), with no date given: no chasers
  3.2 2015/16 Q4 → Martin Kell: not available ("Yearend data not yet available."), with no date given: no chasers
  5.1 2015/16 Q1 → Martin Kell: not available ("Recording of ATR data is being re-established with the CRC."), with no date given: no chasers
  5.1 2015/16 Q4 → Martin Kell: not available ("Year end data not yet available."), with no date given: no chasers
  5.2 2015/16 Q3 → Martin Kell: no more reminders: the last (chase-4) was on Wednesday 27 January 2016
  6.1 2015/16 Q3 → Dr Ruth Okafor: not available ("Q3 data is not yet available."), with no date given: no chasers
  6.1 2015/16 Q4 → Dr Ruth Okafor: not available ("Police data provision has yet to be resolved."), with no date given: no chasers
Received: 62 returns.

COMPLETENESS BY AGENCY, 2015/16 Q4
SBC Public Health 0 of 2 received (2 awaiting data)
  Dr Ruth Okafor 0 of 2 received (2 awaiting data)
    – 3.3 2015/16 Q4: awaiting data: Q4 data will be available 24th May. (expected 2016-05-24)
    – 6.1 2015/16 Q4: awaiting data: Police data provision has yet to be resolved.
Durham Tees Valley CRC 0 of 4 received (3 awaiting data)
  Martin Kell 0 of 4 received (3 awaiting data)
    – 3.1 2015/16 Q4: awaiting data: Yearend data not yet available.
    – 3.2 2015/16 Q4: awaiting data: Yearend data not yet available.
    – 5.1 2015/16 Q4: awaiting data: Year end data not yet available.
    – 5.2 2015/16 Q4: due 2016-04-14
SBC Community Safety 3 of 4 received
  Joanne Lister 3 of 4 received
    – 6.3 2015/16 Q4: due 2016-04-14
Cleveland Police 6 of 6 received
  Insp. Dan Mercer 6 of 6 received
Harbour 2 of 2 received
  Sian Pryce 2 of 2 received`;

describe('reminders --at', () => {
  it('explains Friday 8 April 2016, 10:00: the first reminders for the two missing returns, why nothing else, and where each agency stands', async () => {
    const out = await run(['reminders'], { at: '2016-04-08T10:00' });

    expect(out).toEqual({ code: 0, stdout: FRIDAY_8_APRIL });
  });

  it('says nothing goes at a weekend, and what waits for Monday', async () => {
    const out = await run(['reminders'], { at: '2016-04-09T10:00' });

    expect(out.stdout?.split('\n').slice(0, 2)).toEqual([
      'Safer Stockton Partnership — Saturday 9 April 2016 10:00 (Europe/London): nothing is sent now: Saturday 9 April 2016 is the weekend: reminders wait for the next working day.',
      'Due when the window opens (2):',
    ]);
  });

  it('chases on 18 April and escalates on 21 April, to the coordinator, listing what is late', async () => {
    expect((await run(['reminders'], { at: '2016-04-18T10:00' })).stdout).toContain(
      '5.2 2015/16 Q4 → Martin Kell: chaser 1: overdue since Thursday 14 April 2016 (every 2 working days, at most 4)',
    );
    const escalation = JSON.parse(
      (await run(['reminders'], { at: '2016-04-21T10:00', json: true })).stdout ?? '',
    );
    expect(escalation.messages.filter((m: { kind: string }) => m.kind === 'escalation')).toEqual([
      expect.objectContaining({
        key: 'remind:5.2:2015/16 Q4:escalate:priya-sandhu',
        to: 'priya-sandhu',
        outbox: null,
      }),
      expect.objectContaining({
        key: 'remind:6.3:2015/16 Q4:escalate:priya-sandhu',
        to: 'priya-sandhu',
        outbox: null,
      }),
    ]);
  });

  it('says which messages the outbox already holds, and that they are not written again', async () => {
    await reminderTick({ db: db.prisma, log: pino({ level: 'silent' }) }, new Date('2016-04-08T09:00:00Z'));

    const out = await run(['reminders'], { at: '2016-04-08T10:00' });

    expect(out.stdout).toContain(
      'key remind:5.2:2015/16 Q4:first:martin-kell — already in the outbox (pending, 2016-04-08 09:00 UTC): not written again',
    );
    const outbox = await run(['outbox'], { status: 'pending' });
    // The two reminders, and the coordinator's notice that 2016/17 has begun with its targets still to set.
    expect(outbox.stdout?.split('\n')[0]).toBe('3 messages (3 pending), newest first:');
    expect(outbox.stdout).toContain('pending   remind:6.3:2015/16 Q4:first:joanne-lister');
    expect(outbox.stdout).toContain('pending   year-targets:2016/17:priya-sandhu');
  });

  it('refuses a time it cannot read, and a status that does not exist', async () => {
    expect(await run(['reminders'], { at: 'next Friday' })).toEqual({
      code: 1,
      stderr: '--at next Friday is not a date and time: use e.g. 2016-04-08T10:00 (Europe/London time)',
    });
    expect((await run(['outbox'], { status: 'lost' })).stderr).toBe(
      '--status lost is not a status: use pending, sending, sent, unknown, failed, cancelled',
    );
  });

  it('works end to end through the command line', { timeout: 60_000 }, async () => {
    const fresh = await tempDb();
    try {
      const env = { ...process.env, DATABASE_URL: fresh.url, npm_config_loglevel: 'error' };
      const cli = (args: string[]) =>
        promisify(execFile)('npx', ['tsx', 'src/cli.ts', ...args], { cwd: ROOT, env });
      await cli(['import', 'examples/stockton-2015-16.yaml']);
      const { stdout } = await cli(['reminders', '--at', '2016-04-08T10:00']);
      expect(stdout.trimEnd()).toBe(FRIDAY_8_APRIL);
    } finally {
      await fresh.close();
    }
  });
});
