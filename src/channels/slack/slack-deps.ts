// What every Slack listener is given: the database, a logger, the conversation and the clock. The Web
// API client comes with each request (bolt's `client`, holding the bot token).
import type { AllMiddlewareArgs } from '@slack/bolt';
import type { InboundClaims } from '../../app/inbound-claims.js';
import type { Conversation } from '../../bot/conversation.js';
import type { ChartImages } from '../../charts/chart-delivery.js';
import type { Logger } from '../../log.js';
import type { Db } from '../../store/open-database.js';
import type { TurnClock } from '../teams/build-turn.js';

export type SlackClient = AllMiddlewareArgs['client'];

export interface SlackDeps {
  db: Db;
  /** Each event is handled once, across redeliveries, restarts and instances. */
  claims: InboundClaims;
  log: Logger;
  conversation: Conversation;
  clock: TurnClock;
  /** How chart images reach Slack; absent: as URLs. */
  charts?: ChartImages;
}
