// Wiring for the Bot Framework channel (Teams, and the local chat page in local mode): the adapter,
// the turn logic, the /api/messages route and the proactive sender for the outbox.
import type { InboundClaims } from '../../app/inbound-claims.js';
import type { Conversation } from '../../bot/conversation.js';
import type { ChartImages } from '../../charts/chart-delivery.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../log.js';
import type { Db } from '../../store/open-database.js';
import { openLocalChannels } from '../local/local-channel.js';
import type { Channel } from '../channel.js';
import { createTeamsSender } from './outbox-sender.js';
import { createAdapter, isLocalMode, teamsEnabled } from './create-adapter.js';
import { messagesRoute } from './messages-route.js';
import { createTurnHandler } from './on-turn.js';
import { inlineChartsMiddleware } from './reply-activity.js';
import { createProactive, type Proactive } from './send-proactive.js';

export interface TeamsChannelDeps {
  config: Config;
  db: Db;
  log: Logger;
  clock: () => Date;
  conversation: Conversation;
  claims: InboundClaims;
  /** How chart images reach Teams; absent: as URLs. */
  charts?: ChartImages;
}

export interface TeamsChannel extends Channel {
  localMode: boolean;
  proactive: Proactive;
}

export function createTeamsChannel(deps: TeamsChannelDeps): TeamsChannel {
  const { config, db, clock } = deps;
  const log = deps.log.child({ channel: 'teams' });
  const localMode = isLocalMode(config);
  const adapter = createAdapter(config, log);
  // Teams cannot fetch a chart from a server it cannot reach: send the image inline instead.
  if (deps.charts?.delivery === 'upload' && !localMode) adapter.use(inlineChartsMiddleware(deps.charts, log));
  const logic = createTurnHandler({
    db,
    claims: deps.claims,
    log,
    conversation: deps.conversation,
    clock: { now: clock, ...(config.TODAY ? { today: config.TODAY } : {}) },
    localMode,
    allowedTenants: config.ALLOWED_TENANTS,
  });
  const proactive = createProactive({ adapter, appId: config.MicrosoftAppId ?? '', db, log, clock });
  return {
    name: 'teams',
    can: { cards: true, modals: false, fileUpload: true, links: true },
    identifies: 'teamsId',
    localMode,
    routes: teamsEnabled(config) ? { 'POST /api/messages': messagesRoute(adapter, logic, localMode) } : {},
    proactive,
    sender: createTeamsSender(proactive, config.SEND_TIMEOUT_MS),
    // In local mode the chat page's messages, and the partnership channel's posts, go through this server.
    start: async (url) => {
      if (localMode) await openLocalChannels(db, url, clock());
    },
    stop: async () => {},
  };
}
