// Wiring for the Slack channel: the bolt App, its listeners, and the /slack/events route (or the
// Socket Mode connection). Off when SLACK_BOT_TOKEN is not set.
import type { App } from '@slack/bolt';
import type { ChartImages } from '../../charts/chart-delivery.js';
import {
  LINK_ACTION,
  OPEN_RETURN,
  RETURN_SUBMIT_CALLBACK,
  SEND_BACK_CALLBACK,
} from '../../render/block-kit/index.js';
import type { Route } from '../../http/route.js';
import type { Channel, ChannelDeps } from '../channel.js';
import { createSlackSender, createSlackWebClient } from './outbox-sender.js';
import { createSlackApp } from './create-app.js';
import { dedupeEvents } from './dedupe-events.js';
import { EVENTS_PATH, eventsRoute } from './events-route.js';
import { guardResponseUrl } from './response-url-guard.js';
import { buttonClick } from './listeners/actions/button-click.js';
import { perfCommand } from './listeners/commands/perf-command.js';
import { appHomeOpened } from './listeners/events/app-home-opened.js';
import { appMention } from './listeners/events/app-mention.js';
import { directMessage } from './listeners/events/direct-message.js';
import { returnSubmit } from './listeners/views/return-submit.js';
import type { SlackDeps } from './slack-deps.js';

export type SlackChannelDeps = Omit<ChannelDeps, 'chartImages' | 'baseUrl' | 'rateLimit'> & {
  /** How chart images reach Slack (URLs, or uploads where Slack cannot fetch them). */
  charts?: ChartImages;
};

export interface SlackChannel {
  routes: Record<string, Route>;
  /** Connects Socket Mode (nothing to do over HTTP). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The registry's Slack line: on with a bot token; its outbox sender neither retries nor waits itself. */
export async function openSlackChannel(d: ChannelDeps): Promise<Channel | null> {
  const slack = createSlackChannel({ ...d, charts: d.chartImages('slack') });
  const client = createSlackWebClient(d.config, d.config.SEND_TIMEOUT_MS);
  if (!slack) return null;
  return {
    name: 'slack',
    can: { cards: true, modals: true, fileUpload: true, links: true },
    identifies: 'slackId',
    routes: slack.routes,
    sender: client ? createSlackSender(client) : null,
    start: () => slack.start(),
    stop: () => slack.stop(),
  };
}

function registerListeners(app: App, deps: SlackDeps, apiUrl: string | undefined): void {
  app.use(guardResponseUrl(deps.log, apiUrl));
  app.use(dedupeEvents(deps));
  app.error(async (error) => {
    deps.log.error({ err: error }, 'slack listener failed');
  });
  app.event('message', directMessage(deps));
  app.event('app_mention', appMention(deps));
  app.event('app_home_opened', appHomeOpened(deps));
  app.command('/perf', perfCommand(deps));
  app.action(/^say:\d+$/, buttonClick(deps));
  app.action(OPEN_RETURN, buttonClick(deps));
  // A link button opens its URL in the browser; Slack still sends the click, which wants only an ack.
  app.action(LINK_ACTION, async ({ ack }) => {
    await ack();
  });
  app.view(RETURN_SUBMIT_CALLBACK, returnSubmit(deps));
  app.view(SEND_BACK_CALLBACK, returnSubmit(deps));
}

export function createSlackChannel(deps: SlackChannelDeps): SlackChannel | null {
  const { config, db, clock } = deps;
  const token = config.SLACK_BOT_TOKEN;
  if (!token) return null;
  const log = deps.log.child({ channel: 'slack' });
  const { app, receiver } = createSlackApp({ ...config, SLACK_BOT_TOKEN: token }, log);
  registerListeners(
    app,
    {
      db,
      claims: deps.claims,
      log,
      conversation: deps.conversation,
      clock: { now: clock, ...(config.TODAY ? { today: config.TODAY } : {}) },
      ...(deps.charts ? { charts: deps.charts } : {}),
    },
    config.SLACK_API_URL,
  );
  if (receiver) {
    return {
      routes: {
        [`POST ${EVENTS_PATH}`]: eventsRoute(receiver, {
          signingSecret: config.SLACK_SIGNING_SECRET ?? '',
          wallClock: deps.wallClock,
          log,
        }),
      },
      start: async () => {},
      stop: async () => {},
    };
  }
  return {
    routes: {},
    start: async () => {
      try {
        await app.start();
      } catch (e) {
        const reason = e instanceof Error ? e.message : String(e);
        throw new Error(
          `Slack Socket Mode could not connect (${reason}): check SLACK_APP_TOKEN (an app-level token with connections:write), or unset it to receive Slack over HTTP`,
          { cause: e },
        );
      }
    },
    stop: async () => {
      await app.stop();
    },
  };
}
