// The bolt App: over HTTP with bolt's HTTPReceiver (mounted on our server, see events-route.ts), or by
// Socket Mode when an app-level token is configured. The Web API client neither retries nor waits out a
// rate limit: a person is waiting, and a message whose send failed in an unknown state must not be
// sent twice.
import { App, HTTPReceiver, type webApi } from '@slack/bolt';
import type { Config } from '../../config.js';
import type { Logger } from '../../log.js';
import { createAuthorize } from './authorize.js';
import { boltLogger } from './bolt-logger.js';
import { EVENTS_PATH } from './events-route.js';

export interface SlackApp {
  app: App;
  /** Null in Socket Mode. */
  receiver: HTTPReceiver | null;
}

export type SlackConfig = Pick<
  Config,
  'SLACK_BOT_TOKEN' | 'SLACK_SIGNING_SECRET' | 'SLACK_APP_TOKEN' | 'SLACK_API_URL'
> & { SLACK_BOT_TOKEN: string };

export function createSlackApp(config: SlackConfig, log: Logger): SlackApp {
  const logger = boltLogger(log);
  const clientOptions: webApi.WebClientOptions = {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
    logger,
  };
  const common = {
    authorize: createAuthorize(config.SLACK_BOT_TOKEN, clientOptions),
    logger,
    clientOptions,
    convoStore: false as const,
  };
  if (config.SLACK_APP_TOKEN) {
    return {
      app: new App({ ...common, socketMode: true, appToken: config.SLACK_APP_TOKEN }),
      receiver: null,
    };
  }
  const receiver = new HTTPReceiver({
    signingSecret: config.SLACK_SIGNING_SECRET ?? '',
    endpoints: EVENTS_PATH,
    logger,
    processBeforeResponse: false,
  });
  return { app: new App({ ...common, receiver }), receiver };
}
