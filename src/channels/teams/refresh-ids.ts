// Teams refreshes a review card for each person who may decide on it (Universal Actions'
// `refresh.userIds`, at most five): the ids Teams sent us as `from.id` once they have spoken to the bot,
// else their Entra object id from the plan as an MRI. The bot names deciders by person key; this is
// where those keys become Teams ids, so the core knows no platform ids.
import type { Reply } from '../../bot/reply.js';
import type { Partnership } from '../../domain/partnership.js';
import { teamsUserIds } from '../../store/conversation-store.js';
import type { Db } from '../../store/open-database.js';

/** A Teams user's MRI from their Entra object id: what `refresh.userIds` takes for someone not seen yet. */
export const teamsUserMri = (aadObjectId: string): string => `8:orgid:${aadObjectId}`;

/** The Teams ids a reply's card refreshes for. */
export type RefreshIds = (reply: Reply) => string[];

export const noRefresh: RefreshIds = () => [];

/** Looks up, once for all the replies, the Teams ids of the deciders their review cards name. */
export async function refreshIdsFor(db: Db, p: Partnership, replies: Reply[]): Promise<RefreshIds> {
  const keys = [...new Set(replies.flatMap((r) => (r.kind === 'review' ? r.view.deciders : [])))];
  if (keys.length === 0) return noRefresh;
  const spoken = await teamsUserIds(db, p.id, keys);
  const idOf = (key: string): string[] => {
    const id = spoken.get(key) ?? p.people.find((x) => x.id === key)?.teamsId;
    if (!id) return [];
    return [spoken.has(key) ? id : teamsUserMri(id)];
  };
  return (reply) => (reply.kind === 'review' ? reply.view.deciders.flatMap(idOf).slice(0, 5) : []);
}
