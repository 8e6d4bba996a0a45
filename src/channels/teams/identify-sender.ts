// Who sent an activity: a Teams user by AAD object id (else by the email Teams' roster gives), or in
// local mode the plan person the chat page chose. Null for a stranger or a tenant not allowed.
import { TeamsInfo, type TurnContext } from 'botbuilder';
import { findPerson, type Found, type Workspace } from '../find-person.js';
import type { Logger } from '../../log.js';
import type { Db } from '../../store/open-database.js';
import { tenantOf, type InboundActivity } from './inbound-activity.js';

export const LOCAL_CHANNEL = 'local';
const LOCAL_PREFIX = 'local:';

export interface SenderDeps {
  db: Db;
  log: Logger;
  /** Local mode: no authentication, so the local chat page's identities are accepted. */
  localMode: boolean;
  allowedTenants: string[];
}

export type Sender =
  | { kind: 'person'; found: Found; platform: 'teams' | 'local' }
  | { kind: 'stranger'; reason: 'tenant' | 'unknown' };

export async function identifySender(
  context: TurnContext,
  a: InboundActivity,
  deps: SenderDeps,
): Promise<Sender> {
  if (a.channelId === LOCAL_CHANNEL) {
    const key =
      deps.localMode && a.from.id.startsWith(LOCAL_PREFIX) ? a.from.id.slice(LOCAL_PREFIX.length) : '';
    const found = key ? await findPerson(deps.db, { key }) : null;
    return found ? { kind: 'person', found, platform: 'local' } : { kind: 'stranger', reason: 'unknown' };
  }
  const tenant = tenantOf(a)?.toLowerCase() ?? null;
  if (deps.allowedTenants.length > 0 && (!tenant || !deps.allowedTenants.includes(tenant))) {
    return { kind: 'stranger', reason: 'tenant' };
  }
  // Only partnerships bound to this tenant (or the only one, unbound): see app/find-person.ts.
  const from: Workspace = { platform: 'teams', id: () => Promise.resolve(tenant) };
  const byId = a.from.aadObjectId ? await findPerson(deps.db, { teamsId: a.from.aadObjectId, from }) : null;
  if (byId) return { kind: 'person', found: byId, platform: 'teams' };
  const email = await rosterEmail(context, a, deps.log);
  const byEmail = email ? await findPerson(deps.db, { email, from }) : null;
  return byEmail
    ? { kind: 'person', found: byEmail, platform: 'teams' }
    : { kind: 'stranger', reason: 'unknown' };
}

/** The user's email from the Teams roster; null when Teams does not say (or the call fails). */
async function rosterEmail(context: TurnContext, a: InboundActivity, log: Logger): Promise<string | null> {
  if (a.channelId !== 'msteams') return null;
  try {
    const member = await TeamsInfo.getMember(context, a.from.id);
    return member.email ?? member.userPrincipalName ?? null;
  } catch (e) {
    log.debug({ err: e }, 'teams roster lookup failed');
    return null;
  }
}
