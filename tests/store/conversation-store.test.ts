// Conversation references: kept from every activity, but written only when something a proactive message
// depends on changed (the reference, its being active, or which platform was used last).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  latestConversationRef,
  markConversationInactive,
  saveConversationRef,
  type RefTarget,
} from '../../src/store/conversation-store.js';
import { minimalPlanDb } from '../helpers/minimal-db.js';
import { testPostgres, type TempDb } from '../helpers/temp-db.js';

const monday = new Date('2016-05-02T09:00:00Z');
const tuesday = new Date('2016-05-03T09:00:00Z');
const wednesday = new Date('2016-05-04T09:00:00Z');

let db: TempDb;
let on: (platform: string) => RefTarget;
beforeEach(async () => {
  db = await minimalPlanDb(monday);
  const { id } = await db.prisma.partnership.findFirstOrThrow();
  on = (platform) => ({ platform, partnershipId: id, kind: 'person', target: 'sam-lee' });
});
afterEach(() => db.close());

const updatedAt = async (platform: string) =>
  (await db.prisma.conversationRef.findFirstOrThrow({ where: { platform } })).updatedAt.toISOString();

describe('keeping a conversation reference', () => {
  it('does not rewrite a reference that has not changed', async () => {
    await saveConversationRef(db.prisma, on('teams'), 'a:1', { serviceUrl: 'https://x' }, monday);
    await saveConversationRef(db.prisma, on('teams'), 'a:1', { serviceUrl: 'https://x' }, tuesday);

    expect(await updatedAt('teams')).toBe(monday.toISOString());
  });

  it('rewrites a reference that changed, or was marked inactive', async () => {
    await saveConversationRef(db.prisma, on('teams'), 'a:1', { serviceUrl: 'https://x' }, monday);
    await saveConversationRef(db.prisma, on('teams'), 'a:1', { serviceUrl: 'https://y' }, tuesday);
    expect(await updatedAt('teams')).toBe(tuesday.toISOString());

    await markConversationInactive(db.prisma, on('teams'), tuesday);
    await saveConversationRef(db.prisma, on('teams'), 'a:1', { serviceUrl: 'https://y' }, wednesday);
    expect(
      await latestConversationRef(db.prisma, on('teams').partnershipId, 'person', 'sam-lee'),
    ).toMatchObject({ platform: 'teams', active: true, reference: { serviceUrl: 'https://y' } });
  });

  it('still sends to the platform the person used last', async () => {
    const { partnershipId } = on('teams');
    await saveConversationRef(db.prisma, on('teams'), 'a:1', { serviceUrl: 'https://x' }, monday);
    await saveConversationRef(db.prisma, on('local'), 'l:1', { serviceUrl: 'http://local' }, tuesday);
    expect(await latestConversationRef(db.prisma, partnershipId, 'person', 'sam-lee')).toMatchObject({
      platform: 'local',
    });

    await saveConversationRef(db.prisma, on('teams'), 'a:1', { serviceUrl: 'https://x' }, wednesday);
    expect(await latestConversationRef(db.prisma, partnershipId, 'person', 'sam-lee')).toMatchObject({
      platform: 'teams',
    });
  });
});

describe('finding a target’s references', () => {
  // Every turn asks for them, on every platform at once: the table's unique key leads with the platform.
  it.skipIf(testPostgres)('uses an index, not a scan of every person’s and channel’s reference', async () => {
    const plan = await db.prisma.$queryRawUnsafe<{ detail: string }[]>(
      `EXPLAIN QUERY PLAN SELECT * FROM "ConversationRef" WHERE "partnershipId" = 1 AND "kind" = 'person' AND "target" = 'sam-lee'`,
    );
    expect(plan.map((row) => row.detail)).toEqual([
      expect.stringContaining('USING INDEX ConversationRef_partnershipId_kind_target_idx'),
    ]);
  });
});
