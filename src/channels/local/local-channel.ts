// The local chat page's "partnership channel": a conversation of kind channel per partnership, at the
// local connector, registered when the server starts in local mode, as Teams registers a team's channel
// when the bot is installed. Summaries are posted there through the outbox like anywhere else, the
// connector keeps them, and the page shows them in its channel panel, even to someone who opens it later.
import { saveConversationRef } from '../../store/conversation-store.js';
import type { Db } from '../../store/open-database.js';
import { listPartnerships, loadPartnership } from '../../store/partnership-store.js';
import { LOCAL_CHANNEL } from '../teams/identify-sender.js';

export const localChannelId = (partnership: string) => `local-channel-${partnership}`;

/** `baseUrl`: where this server listens; its local connector is the channel's serviceUrl. */
export async function openLocalChannels(db: Db, baseUrl: string, now: Date): Promise<void> {
  for (const { slug } of await listPartnerships(db)) {
    const p = await loadPartnership(db, slug);
    if (!p) continue;
    const id = localChannelId(slug);
    await saveConversationRef(
      db,
      { platform: LOCAL_CHANNEL, partnershipId: p.id, kind: 'channel', target: id },
      id,
      {
        channelId: LOCAL_CHANNEL,
        serviceUrl: `${baseUrl}/local/connector`,
        conversation: { id, conversationType: 'channel', isGroup: true, name: `#${slug}` },
        bot: { id: 'perfbot', name: 'perfbot' },
      },
      now,
    );
  }
}
