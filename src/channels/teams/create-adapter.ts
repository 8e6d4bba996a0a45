// The Bot Framework adapter. With an app id every request's bearer token is checked (issuer,
// audience, signature, expiry, serviceUrl); with none, authentication is off: local mode, which the
// configuration only allows on a loopback HOST.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { isLoopback, type Config } from '../../config.js';
import type { Logger } from '../../log.js';
import { invokeResponseActivity, messageInvokeResponse, textActivity } from './reply-activity.js';
import { UndeliveredConfirmation } from './undelivered-confirmation.js';

/** No Teams credentials on a loopback address: the local chat page, without authentication. */
export function isLocalMode(config: Config): boolean {
  return !config.MicrosoftAppId && isLoopback(config.HOST);
}

/** No Teams credentials on a network address (a Slack-only server): /api/messages is not served. */
export function teamsEnabled(config: Config): boolean {
  return Boolean(config.MicrosoftAppId) || isLocalMode(config);
}

export function createAdapter(config: Config, log: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    MicrosoftAppType: config.MicrosoftAppId ? config.MicrosoftAppType : '',
  });
  const adapter = new CloudAdapter(auth);
  // The error is logged and the user told; the inbound key was released, so a redelivery is processed.
  // When a return was stored but its confirmation could not be sent, the apology says it was stored.
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error({ err: error, activityType: context.activity.type }, 'turn failed');
    const sorry =
      error instanceof UndeliveredConfirmation
        ? error.told.join('\n')
        : 'Something went wrong on our side and it has been logged. Please try again in a minute.';
    await (context.activity.type === 'invoke'
      ? context.sendActivity(invokeResponseActivity(messageInvokeResponse(sorry)))
      : context.sendActivity(textActivity(sorry)));
  };
  return adapter;
}
