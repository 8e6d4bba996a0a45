// The Teams ids a review card refreshes for: the id Teams sent as `from.id` once a decider has spoken to
// the bot there, else their Entra object id from the plan as an MRI. The core names deciders by person.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/bot/reply.js';
import { refreshIdsFor } from '../../../src/channels/teams/refresh-ids.js';
import { saveConversationRef } from '../../../src/store/conversation-store.js';
import { botSession, only, type BotSession } from '../../helpers/bot-session.js';
import { submit22 } from '../../flows/signoff/sign-off-helpers.js';

let s: BotSession;
beforeEach(async () => {
  s = await botSession();
});
afterEach(async () => {
  await s.close();
});

describe('refresh ids for a review card in Teams', () => {
  it("uses a decider's Entra id as an MRI until they speak to the bot in Teams, then the id Teams gave", async () => {
    await submit22(s);
    const review = only(await s.say('priya-sandhu', 'review 2.2'), 'review');
    const ids = async (replies: Reply[]) =>
      (await refreshIdsFor(s.db.prisma, s.partnership, replies))(review);
    expect(await ids([review])).toEqual(['8:orgid:3f2b8c1e-7d4a-4e9b-9a61-2c5d8e0f4b7a']);
    const target = {
      platform: 'teams',
      partnershipId: s.partnership.id,
      kind: 'person' as const,
      target: 'priya-sandhu',
    };
    await saveConversationRef(s.db.prisma, target, 'a:1priya', { user: { id: '29:1priya' } }, new Date(0));
    expect(await ids([review])).toEqual(['29:1priya']);
  });

  it('gives no ids for replies other than review cards', async () => {
    const replies: Reply[] = [{ kind: 'text', text: 'hello' }];
    expect((await refreshIdsFor(s.db.prisma, s.partnership, replies))(replies[0] as Reply)).toEqual([]);
  });
});
