// Storing a checked return card as a new revision (with the approver's notice), and the confirmation
// that replaces the card: the computed status and where the return stands for sign-off.
import type { Measure } from '../../domain/measure.js';
import type { Period } from '../../domain/period.js';
import { readPartnershipView } from '../../app/partnership-view.js';
import { insertMissing } from '../../store/outbox-store.js';
import { submitRevision, type SubmitOutcome } from '../../store/submit-revision.js';
import type { Ctx } from '../handler-context.js';
import { submitSay, type Reply } from '../reply.js';
import { statusView } from '../status-view.js';
import type { FormReading } from './form-values.js';
import { approverNotices, signOffText } from './sign-off-text.js';

interface Target {
  m: Measure;
  period: Period;
}

/** Stores the card's reading on the revision it was opened on (`basedOn`); the card's token keys the request. */
export function storeReturn(
  ctx: Ctx,
  { m, period }: Target,
  reading: FormReading,
  token: string,
  basedOn: number,
): Promise<SubmitOutcome> {
  const { turn, deps } = ctx;
  const label = turn.cal.format(period);
  const content = {
    figures: reading.figures,
    narrative: reading.narrative,
    correctiveAction: reading.correctiveAction,
    notAvailable: reading.notAvailable,
    expectedDate: reading.expected,
    submittedBy: turn.person.id,
  };
  return submitRevision(
    deps.db,
    turn.cal,
    {
      measureId: turn.partnership.measureIds.get(m.ref) as number,
      period,
      ...content,
      submittedAt: turn.now,
      source: turn.channel,
      requestKey: `card:${m.ref}:${label}:${turn.person.id}:${token}`,
      onlyIfChanged: false,
    },
    basedOn,
    {
      today: turn.today,
      afterStore: async (tx, rev) => {
        await insertMissing(tx, approverNotices(turn, m, label, rev, content), turn.now);
      },
    },
  );
}

/** The confirmation of a stored (or already stored) return. */
export async function storedReplies(
  ctx: Ctx,
  { m, period }: Target,
  outcome: { kind: 'stored' | 'unchanged' | 'duplicate'; revision: number },
): Promise<Reply[]> {
  const { turn, deps } = ctx;
  const label = turn.cal.format(period);
  const after = await readPartnershipView(deps.db, turn.cal, turn.partnership, turn.today, [m]);
  const status = statusView(turn, after.statusAt(m, period), {
    chartUrl: deps.chartUrl(m.ref, turn.cal.format(period), turn.now, turn.partnership.settings.id),
    suppressBelow: null,
    actions: [{ label: 'Edit this return', say: submitSay(m.ref, turn.cal.format(period)) }],
  });
  const n = outcome.revision;
  const message =
    outcome.kind === 'duplicate'
      ? `This card was already submitted: the return is stored as revision ${n}. Nothing new was stored.`
      : n > 1
        ? `Stored as revision ${n}; revision ${n - 1} is kept in the history. Thank you.`
        : 'Stored as revision 1. Thank you.';
  const signOff = after.signOffAt(m, period);
  const sign = signOff && signOff.kind !== 'none' ? ` ${signOffText(turn, m, signOff, n)}` : '';
  return [
    {
      kind: 'returnStored',
      title: `Return for ${m.ref} ${label}`,
      message: `${message}${sign}`,
      revision: n,
      status,
    },
  ];
}
