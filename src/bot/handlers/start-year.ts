// The coordinator starts a financial year in chat: "start 2016/17" lists the measures without a target
// for it and how to carry each forward; "start 2016/17: 2.2 -5%; rest same" sets them and confirms.
import { applyYearStart, offerLines, yearOffer } from '../../app/start-year.js';
import { may, refuse } from '../actor-of.js';
import type { Reply } from '../reply.js';
import type { Ctx } from '../handler-context.js';

const say = (lines: string[]): Reply[] => [{ kind: 'text', text: lines.join('\n') }];

export async function startYearTurn(ctx: Ctx, yearText: string, choices: string | null): Promise<Reply[]> {
  const { turn, deps } = ctx;
  if (!may(turn, 'plan.change')) return [refuse(turn, 'plan.change', 'start a new year and set its targets')];
  const offer = await yearOffer(deps.db, turn.cal, turn.partnership, yearText, turn.today);
  if (!offer.ok) return say([offer.error]);
  if (choices === null) return say(offerLines(offer.value));
  const done = await applyYearStart(deps.db, turn.partnership, offer.value, choices, {
    by: turn.person.id,
    channel: turn.channel,
    now: turn.now,
  });
  return say(done.ok ? done.value : [done.error]);
}
