// The Bot Framework adapter. With an app id every request's bearer token is checked (issuer,
// audience, signature, expiry, serviceUrl); with none, authentication is off: local mode, which the
// configuration only allows on a loopback HOST.
import type { CloudAdapter } from 'botbuilder';
import { isLoopback, type Config } from '../../config.js';
import type { Logger } from '../../log.js';
import { GuardedCloudAdapter } from './guarded-cloud-adapter.js';
import { KeptClientsAuthentication } from './kept-clients-authentication.js';
import { turnErrorHandler } from './turn-error.js';

/** No Teams credentials on a loopback address: the local chat page, without authentication. */
export function isLocalMode(config: Config): boolean {
  return !config.MicrosoftAppId && isLoopback(config.HOST);
}

/** No Teams credentials on a network address (a Slack-only server): /api/messages is not served. */
export function teamsEnabled(config: Config): boolean {
  return Boolean(config.MicrosoftAppId) || isLocalMode(config);
}

export function createAdapter(config: Config, log: Logger): CloudAdapter {
  const auth = new KeptClientsAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    MicrosoftAppType: config.MicrosoftAppId ? config.MicrosoftAppType : '',
  });
  const adapter = new GuardedCloudAdapter(auth, log);
  // Logged, and the person who spoke told; never into a conversation that is gone, nor for a proactive send.
  adapter.onTurnError = turnErrorHandler(log);
  return adapter;
}
