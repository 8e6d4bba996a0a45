// Importing the plan again after an owner submitted in chat: the import never replaces the chat return
// with other figures, and says so; forced, with a reason, it does, with one audit event per return,
// and the new figures need approval again. Imported returns keep the file's date, say they came from the
// file, and never "came in this week".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPlanFile, type ImportOutcome } from '../../src/app/import-plan-file.js';
import { summaryReply } from '../../src/bot/summary-reply.js';
import { readAudit } from '../../src/store/audit-store.js';
import { signOffOfReturn } from '../../src/store/review-store.js';
import { readSummaryData } from '../../src/reports/summary-view.js';
import { weeklySummary } from '../../src/reports/weekly-summary.js';
import {
  botSession,
  only,
  STOCKTON_PLAN,
  stocktonPlanText,
  type BotSession,
} from '../helpers/bot-session.js';
import { edit, writePlan } from '../helpers/plan-text.js';
import { snapshot } from '../helpers/temp-db.js';
import { good, openForm, press, submit22 } from '../flows/signoff/sign-off-helpers.js';

const Q4 = '2015/16 Q4';
const LATER = new Date('2016-05-03T09:00:00Z');
/** 2.2 Q4 in the example plan, to give it a submission date. */
const FILE_22_Q4 = "  - ref: '2.2'\n    period: 2015/16 Q4\n    value: 489\n";

let s: BotSession;
beforeEach(async () => {
  s = await botSession();
});
afterEach(async () => {
  await s.close();
});

const reimport = (opts: { dryRun?: boolean; reason?: string; file?: string } = {}) =>
  importPlanFile(s.db.prisma, opts.file ?? STOCKTON_PLAN, {
    dryRun: opts.dryRun ?? false,
    now: LATER,
    by: { actor: 'cli', channel: 'cli' },
    force: opts.reason === undefined ? null : { reason: opts.reason },
  });

function conflictsOf(out: ImportOutcome) {
  if (!out.ok) throw new Error(out.errors.join('\n'));
  return out.conflicts.map((c) => ({
    ref: c.ref,
    period: c.period,
    chat: [c.chat.revision, c.chat.figures, c.chat.submittedBy],
    file: c.file.figures,
    signOff: c.signOff.kind,
    replacedBy: c.replacedBy,
  }));
}

const signOff22 = () =>
  signOffOfReturn(s.db.prisma, s.partnership.measureIds.get('2.2') as number, Q4).then((x) => x?.signOff);

describe('a re-import over a return submitted in chat', () => {
  beforeEach(async () => {
    // Dan's 500 through the conversation: revision 2, awaiting approval.
    only(await submit22(s), 'returnStored');
  });

  it("keeps Dan's revision, reports the conflict and writes nothing", async () => {
    const before = await snapshot(s.db.prisma);

    const out = await reimport();

    expect(conflictsOf(out)).toEqual([
      {
        ref: '2.2',
        period: Q4,
        chat: [2, { value: 500 }, 'dan-mercer'],
        file: { value: 489 },
        signOff: 'awaiting',
        replacedBy: null,
      },
    ]);
    expect(await snapshot(s.db.prisma)).toEqual(before);
    const revisions = await s.revisions('2.2', Q4);
    expect(revisions.map((r) => [r.revision, r.figures, r.submittedBy, r.imported])).toEqual([
      [1, { value: 489 }, 'dan-mercer', { dated: false }],
      [2, { value: 500 }, 'dan-mercer', undefined],
    ]);
    expect(await signOff22()).toEqual({ kind: 'awaiting', revision: 2 });
  });

  it('shows the same conflict on a dry run', async () => {
    const dry = await reimport({ dryRun: true });
    const real = await reimport();

    expect(conflictsOf(dry)).toEqual(conflictsOf(real));
    expect(conflictsOf(dry)).toHaveLength(1);
  });

  it('with --force and a reason, stores the file as a new imported revision with one audit event', async () => {
    const out = await reimport({ reason: 'Police revised Q4 after their data audit' });

    expect(conflictsOf(out)).toEqual([expect.objectContaining({ replacedBy: 3, signOff: 'awaiting' })]);
    expect(out.ok && out.summary?.returns).toEqual({ created: 0, updated: 1, unchanged: 92 });
    const revisions = await s.revisions('2.2', Q4);
    expect(revisions.map((r) => [r.revision, r.figures, r.imported])).toEqual([
      [1, { value: 489 }, { dated: false }],
      [2, { value: 500 }, undefined],
      [3, { value: 489 }, { dated: false }],
    ]);
    const events = await readAudit(s.db.prisma, { partnershipId: s.partnership.id });
    const replaced = events.filter((e) => e.action === 'return.replace');
    expect(replaced).toEqual([
      expect.objectContaining({
        actor: 'cli',
        channel: 'cli',
        ref: '2.2',
        period: Q4,
        reason: 'Police revised Q4 after their data audit',
        before: expect.objectContaining({ revision: 2, figures: { value: 500 }, submittedBy: 'dan-mercer' }),
        after: expect.objectContaining({ revision: 3, figures: { value: 489 } }),
      }),
    ]);
    // The figures Dan had put up for approval were replaced: the new ones need approval in their turn.
    expect(await signOff22()).toEqual({ kind: 'awaiting', revision: 3 });
  });

  it('is no conflict when the file gives the same figure, and writes nothing', async () => {
    await s.close();
    s = await botSession();
    only(await submit22(s, 'dan-mercer', { ...good, 'figure.value': '489' }), 'returnStored');
    const before = await snapshot(s.db.prisma);

    const out = await reimport({ reason: 'Forced, but nothing differs' });

    expect(conflictsOf(out)).toEqual([]);
    expect(await snapshot(s.db.prisma)).toEqual(before);
  });
});

describe('an imported return', () => {
  it('keeps the submission date the file gives, and says it came from the plan file', async () => {
    await s.close();
    const text = edit(await stocktonPlanText(), FILE_22_Q4, `${FILE_22_Q4}    submittedAt: 2016-04-14\n`);
    s = await botSession({ planText: text });

    const [dated] = await s.revisions('2.2', Q4);
    expect(dated).toMatchObject({ submittedAt: '2016-04-14T00:00:00.000Z', imported: { dated: true } });
    const status = only(await s.say('dan-mercer', 'status of 2.2 Q4'), 'status').view;
    expect(status.submitted).toBe('Imported from the plan file, submitted 2016-04-14 (revision 1)');
  });

  it('says when the file gave no submission date, instead of the date of the import', async () => {
    const status = only(await s.say('dan-mercer', 'status of 2.2 Q4'), 'status').view;

    expect(status.submitted).toBe('Imported from the plan file (no submission date in the file), revision 1');
    expect(status.submitted).not.toContain('2016-04-20');
  });
});

describe('the weekly summary on the Monday after an import of history', () => {
  const monday = async () => {
    const data = await readSummaryData(s.db.prisma, s.cal, s.partnership);
    return weeklySummary({
      cal: s.cal,
      partnership: s.partnership,
      data,
      now: new Date('2016-04-25T08:00:00Z'),
      since: new Date('2016-04-18T08:00:00Z'),
      today: '2016-04-25',
      week: '2016-W17',
      chart: null,
    });
  };

  it('says nothing came in, though the import ran (and a return is dated) that week', async () => {
    // botSession imported the plan on Wednesday 20 April; this file also dates 2.2 Q4 that week.
    const file = await writePlan(
      s.db.dir,
      'dated.yaml',
      edit(await stocktonPlanText(), FILE_22_Q4, `${FILE_22_Q4}    submittedAt: 2016-04-21\n`),
    );
    await importPlanFile(s.db.prisma, file, { dryRun: false, now: new Date('2016-04-21T09:00:00Z') });

    const summary = await monday();

    expect(summary.received).toEqual([]);
    const reply = summaryReply(summary);
    expect(reply.kind === 'list' && reply.intro).toMatch(/^No returns came in since Monday 18 April 2016\./);
  });

  it('still lists what came in through chat that week', async () => {
    const form = await openForm(s, 'dan-mercer');
    const friday = { now: new Date('2016-04-22T10:00:00Z'), today: '2016-04-22' };
    only(await s.act('dan-mercer', press(form, good), friday), 'returnStored');

    const summary = await monday();

    expect(summary.received.map((r) => [r.ref, r.periods, r.by, r.on])).toEqual([
      ['2.2', [Q4], 'Insp. Dan Mercer', '2016-04-22'],
    ]);
  });
});
