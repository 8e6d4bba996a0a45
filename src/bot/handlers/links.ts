// "revoke links 6.3", "revoke links Joanne": a coordinator withdraws the web return form links sent by
// email (all periods of a measure, or everything sent to one person). Whoever opens one then reads
// that it was withdrawn and that nothing was stored; the next reminder brings a fresh link.
import { findMeasure } from '../../app/status-query.js';
import { findPersonNamed } from '../../domain/reminders/reminder-delegate.js';
import { revokeReturnLinks } from '../../store/return-link-store.js';
import { may, refuse } from '../actor-of.js';
import type { Ctx } from '../handler-context.js';
import type { Reply } from '../reply.js';

const say = (text: string): Reply[] => [{ kind: 'text', text }];
const links = (n: number) => (n === 1 ? '1 link' : `${n} links`);

export async function revokeLinks(ctx: Ctx, ref: string | null, personSaid: string | null): Promise<Reply[]> {
  const { turn, deps } = ctx;
  if (!may(turn, 'links.revoke')) return [refuse(turn, 'links.revoke', 'withdraw form links')];
  const p = turn.partnership;
  const by = { partnershipId: p.id, by: turn.person.id, at: turn.now, channel: turn.channel };
  if (ref) {
    const found = findMeasure(p, ref);
    if (!found.ok) return say(found.error);
    const n = await revokeReturnLinks(deps.db, { ref: found.value.ref }, by);
    return say(
      n === 0
        ? `No live form links for ${found.value.ref}: nothing to withdraw.`
        : `Withdrawn: ${links(n)} to the web form for ${found.value.ref}. Whoever opens one is told to ask you for a new link; the next reminder brings a fresh one.`,
    );
  }
  const who = findPersonNamed(p.people, personSaid ?? '');
  if (!who.ok) return say(who.error);
  const n = await revokeReturnLinks(deps.db, { person: who.value.id }, by);
  return say(
    n === 0
      ? `${who.value.name} has no live form links: nothing to withdraw.`
      : `Withdrawn: ${links(n)} sent to ${who.value.name}. The next reminder brings them a fresh one.`,
  );
}
