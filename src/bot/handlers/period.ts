// The coordinator reopens a closed period ("reopen 2015/16 Q4 because …") or closes one ("close
// 2015/16 Q4"). A quarter closes by itself once its board date has passed; months follow their quarter.
import { checkText } from '../../domain/check-text.js';
import { closingQuarter } from '../../domain/period-closure.js';
import { longDate } from '../../domain/reminders/reminder-time.js';
import { takeBoardSnapshots } from '../../app/board-snapshots.js';
import { readPartnershipView } from '../../app/partnership-view.js';
import { setPeriodState } from '../../store/review-store.js';
import { closureIn } from '../../store/return-store.js';
import { may, refuse } from '../actor-of.js';
import type { Reply } from '../reply.js';
import type { Ctx } from '../handler-context.js';

const say = (text: string): Reply[] => [{ kind: 'text', text }];

async function quarterOf(ctx: Ctx, periodText: string) {
  const { turn, deps } = ctx;
  const view = await readPartnershipView(deps.db, turn.cal, turn.partnership, turn.today);
  const parsed = turn.cal.parse(periodText, { defaultYear: view.year });
  if (!parsed.ok) return { error: parsed.error };
  const quarter = closingQuarter(turn.cal, parsed.value);
  const closure = await closureIn(
    deps.db,
    turn.cal,
    turn.partnership.id,
    turn.partnership.settings,
    quarter,
    turn,
  );
  return { quarter, label: turn.cal.format(quarter), closure };
}

/** The coordinator's word on a quarter, with who said it, when and through which channel. */
function recordState(ctx: Ctx, period: string, state: 'reopened' | 'closed', reason: string): Promise<void> {
  const { turn, deps } = ctx;
  return setPeriodState(deps.db, {
    partnershipId: turn.partnership.id,
    period,
    state,
    by: turn.person.id,
    at: turn.now,
    channel: turn.channel,
    reason,
    wasClosed: state === 'reopened',
  });
}

export async function reopenPeriod(ctx: Ctx, periodText: string, reason: string | null): Promise<Reply[]> {
  const { turn } = ctx;
  if (!may(turn, 'return.reopen')) return [refuse(turn, 'return.reopen', 'reopen a closed period')];
  const q = await quarterOf(ctx, periodText);
  if ('error' in q) return say(q.error ?? '');
  if (!q.closure.closed) {
    const board = q.closure.boardDate ? ` (its board date is ${longDate(q.closure.boardDate)})` : '';
    return say(`${q.label} is open already${board}: returns for it can be submitted.`);
  }
  if (!reason?.trim()) return say(`Say why, for the audit trail: "reopen ${q.label} because …".`);
  const problem = checkText('The reason', reason);
  if (problem) return say(problem);
  await recordState(ctx, q.label, 'reopened', reason.trim());
  return say(
    `${q.label} is open again for returns ("${reason.trim()}"). Say "close ${q.label}" when the changes are in.`,
  );
}

export async function closePeriod(ctx: Ctx, periodText: string, reason: string | null): Promise<Reply[]> {
  const { turn, deps } = ctx;
  if (!may(turn, 'return.reopen')) return [refuse(turn, 'return.reopen', 'close a period')];
  const q = await quarterOf(ctx, periodText);
  if ('error' in q) return say(q.error ?? '');
  if (q.closure.closed) return say(`${q.label} is closed already.`);
  const problem = checkText('The reason', reason?.trim() ?? '');
  if (problem) return say(problem);
  await recordState(ctx, q.label, 'closed', reason?.trim() || 'closed by the coordinator');
  await takeBoardSnapshots(deps.db, turn.cal, turn.partnership, turn.today, turn.now);
  return say(`${q.label} is closed: its returns can no longer change unless a coordinator reopens it.`);
}
