// Who a Slack user is in the plan: by their Slack member id (`slackId`), else by the email address
// Slack holds for them (users.info, scope users:read.email). Null for a stranger.
import { z } from 'zod';
import { findPerson, type Found } from '../../app/find-person.js';
import type { Logger } from '../../log.js';
import type { Db } from '../../store/open-database.js';
import type { SlackClient } from './slack-deps.js';

const UserSchema = z.object({
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
  const byId = await findPerson(db, { slackId: userId });
  if (byId) return byId;
  const email = await emailOf(client, userId, log);
  return email ? findPerson(db, { email }) : null;
}

/** The user's email; null for bots, deactivated accounts, or when Slack does not say. */
async function emailOf(client: SlackClient, userId: string, log: Logger): Promise<string | null> {
  try {
    const res = await client.users.info({ user: userId });
    const user = UserSchema.safeParse(res.user);
    if (!user.success || user.data.deleted || user.data.is_bot) return null;
    return user.data.profile?.email ?? null;
  } catch (e) {
    log.warn({ err: e }, 'slack users.info failed');
    return null;
  }
}
