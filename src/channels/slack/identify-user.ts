// Who a Slack user is in the plan: by their Slack member id (`slackId`), else by the email address
// Slack holds for them (users.info, scope users:read.email). Null for a stranger. Only partnerships
// bound to the user's workspace (users.info's team_id) are searched (see app/find-person.ts), so a user
// of another workspace (a Slack Connect channel, say) with a plan person's email is still a stranger.
import { z } from 'zod';
import { findPerson, type Found, type Workspace } from '../find-person.js';
import type { Logger } from '../../log.js';
import type { Db } from '../../store/open-database.js';
import type { SlackClient } from './slack-deps.js';

const UserSchema = z.object({
  team_id: z.string().optional(),
  deleted: z.boolean().optional(),
  is_bot: z.boolean().optional(),
  profile: z.object({ email: z.string().optional() }).optional(),
});

export async function identifyUser(
  db: Db,
  client: SlackClient,
  userId: string,
  log: Logger,
): Promise<Found | null> {
  let asked: Promise<SlackUser> | null = null;
  const user = () => (asked ??= userOf(client, userId, log));
  const from: Workspace = { platform: 'slack', id: async () => (await user()).team };
  const byId = await findPerson(db, { slackId: userId, from });
  if (byId) return byId;
  const { email } = await user();
  return email ? findPerson(db, { email, from }) : null;
}

interface SlackUser {
  /** Null for bots, deactivated accounts, or when Slack does not say. */
  email: string | null;
  /** The user's own workspace (team id); null when Slack does not say. */
  team: string | null;
}

async function userOf(client: SlackClient, userId: string, log: Logger): Promise<SlackUser> {
  try {
    const res = await client.users.info({ user: userId });
    const user = UserSchema.safeParse(res.user);
    if (!user.success) return { email: null, team: null };
    const active = !user.data.deleted && !user.data.is_bot;
    return { email: active ? (user.data.profile?.email ?? null) : null, team: user.data.team_id ?? null };
  } catch (e) {
    log.warn({ err: e }, 'slack users.info failed');
    return { email: null, team: null };
  }
}
