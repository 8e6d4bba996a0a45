// The conversation's Turn for a Slack user, or a stranger.
import type { Found } from '../find-person.js';
import type { Turn } from '../../bot/conversation.js';
import { buildTurn } from '../teams/build-turn.js';
import { identifyUser } from './identify-user.js';
import type { SlackClient, SlackDeps } from './slack-deps.js';

export const SLACK_CHANNEL = 'slack';

export type Speaker = { kind: 'person'; found: Found; turn: Turn } | { kind: 'stranger' };

/** `requestId` identifies the platform request (event id, trigger id) for idempotent submissions. */
export async function speaker(
  deps: SlackDeps,
  client: SlackClient,
  userId: string,
  requestId: string,
): Promise<Speaker> {
  const found = await identifyUser(deps.db, client, userId, deps.log);
  if (!found) {
    deps.log.info({ requestId }, 'stranger refused');
    return { kind: 'stranger' };
  }
  deps.log.info({ requestId, partnership: found.partnership.settings.id }, 'slack request');
  return { kind: 'person', found, turn: buildTurn(found, requestId, SLACK_CHANNEL, deps.clock) };
}
