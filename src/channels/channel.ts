// The channel contract. A channel is one folder under src/channels and one line in registry.ts; it brings
// - its routes on the one HTTP server;
// - how it identifies a sender: the identity it matches to a plan person (find-person.ts);
// - its outbox sender: how it reaches a person and the partnership channel, and sends a Reply;
// - what it can do, so the rest of the bot asks instead of assuming a platform.
// Nothing outside src/channels names a channel; the server starts, routes and stops them all alike.
import type { InboundClaims } from '../app/inbound-claims.js';
import type { Conversation } from '../bot/conversation.js';
import type { ChartImages } from '../charts/chart-delivery.js';
import type { Config } from '../config.js';
import type { RateLimit } from '../http/rate-limit.js';
import type { Routes } from '../http/route.js';
import type { Sender } from '../jobs/senders/sender.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/db.js';
import type { Identity } from './find-person.js';

export interface Capabilities {
  /** Interactive cards with inputs (Adaptive Cards, Block Kit). */
  cards: boolean;
  /** Dialogs opened over the conversation (Slack modals). */
  modals: boolean;
  /** Images sent as files rather than links. */
  fileUpload: boolean;
  /** Links a person can open (a web form, the dashboard). */
  links: boolean;
}

export interface Channel {
  /** teams | slack | email: the names a person's `prefer` uses. */
  name: string;
  can: Capabilities;
  /** The identity field a request's speaker is matched by (see find-person.ts). */
  identifies: keyof Identity;
  routes: Routes;
  /** Its outbox sender; null when it cannot send as configured. */
  sender: Sender | null;
  /** Called once the server listens (Socket Mode connects, the local chat opens its channel). */
  start(url: string): Promise<void>;
  stop(): Promise<void>;
}

/** What every channel is built from. */
export interface ChannelDeps {
  config: Config;
  db: Db;
  log: Logger;
  clock: () => Date;
  /** Real time, for checking the timestamps of platform signatures. */
  wallClock: () => Date;
  conversation: Conversation;
  claims: InboundClaims;
  chartImages: (platform: 'slack' | 'teams') => ChartImages;
  /** Where people reach this server from (PUBLIC_BASE_URL, else where it listens). */
  baseUrl: () => string;
  /** Per-person limit on requests, for channels that take them outside the conversation (web forms). */
  rateLimit: RateLimit;
}

/** A registry line: the channel when the configuration turns it on, else null. */
export type OpenChannel = (d: ChannelDeps) => Promise<Channel | null>;
