// What waits for the person speaking to approve: "approvals", and the section of "my returns" for approvers.
import { signOffs } from '../../store/review-store.js';
import { may } from '../actor-of.js';
import type { Ctx } from '../handler-context.js';
import type { ListSection, Reply } from '../reply.js';

const say = (text: string): Reply => ({ kind: 'text', text });

/**
 * The returns waiting for the person speaking to approve them, each with a Review button; null when
 * they approve no returns at all ("approvals", and "my returns" for approvers).
 */
export async function awaitingApproval(ctx: Ctx): Promise<ListSection['items'] | null> {
  const { turn, deps } = ctx;
  const mine = turn.partnership.measures.filter((m) => may(turn, 'return.approve', m));
  if (mine.length === 0) return null;
  const ids = new Map(mine.map((m) => [turn.partnership.measureIds.get(m.ref) as number, m]));
  const states = await signOffs(deps.db, [...ids.keys()]);
  const items: ListSection['items'] = [];
  for (const [key, s] of states) {
    if (s.kind !== 'awaiting') continue;
    const [id, period] = key.split('|');
    const m = ids.get(Number(id));
    if (!m || !period) continue;
    items.push({
      text: `${m.ref} ${m.title} — ${period}`,
      detail: `revision ${s.revision}, awaiting approval`,
      rag: null,
      button: { label: 'Review', say: `review ${m.ref} ${period}` },
    });
  }
  return items;
}

/** What waits for the person speaking to approve. */
export async function approvals(ctx: Ctx): Promise<Reply[]> {
  const items = await awaitingApproval(ctx);
  if (items === null) return [say('You approve no returns in this partnership.')];
  if (items.length === 0) return [say('Nothing is waiting for your approval.')];
  return [
    {
      kind: 'list',
      title: `${items.length} return${items.length === 1 ? '' : 's'} awaiting your approval`,
      intro: 'Open one to approve it or send it back with a comment.',
      sections: [{ heading: 'Awaiting approval', items }],
    },
  ];
}
