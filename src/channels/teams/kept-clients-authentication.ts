// botbuilder's CloudAdapter builds two HTTP clients on every turn: a connector client for the replies and
// a user-token client the bot never uses, each with its own request pipeline. Both depend only on the
// bot's app id (from the request's claims), the service URL and the audience, and their credentials
// fetch and renew tokens themselves, so one client per combination serves every turn, as botbuilder's
// older BotFrameworkAdapter kept them. The cache is small and bounded: a bot talks to a few service URLs.
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

type Base = ConfigurationBotFrameworkAuthentication;
type AuthenticateResult = Awaited<ReturnType<Base['authenticateRequest']>>;
type Claims = Parameters<Base['createConnectorFactory']>[0];
type ConnectorFactory = ReturnType<Base['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<ReturnType<Base['createUserTokenClient']>>;

/** At most this many clients of each kind are kept; past it, the oldest is dropped. */
export const KEPT_CLIENTS_MAX = 32;

/** The bot's app id as botbuilder reads it from the claims: the audience, else the appid claim. */
const appIdOf = (claims: Claims): string =>
  claims.getClaimValue('aud') ?? claims.getClaimValue('appid') ?? '';

/** `make`'s promise for `key`, made once while it is kept; a failure is not kept, so the next turn tries again. */
function keptIn<T>(kept: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const found = kept.get(key);
  if (found) return found;
  const made = make();
  kept.set(key, made);
  made.catch(() => kept.delete(key));
  if (kept.size > KEPT_CLIENTS_MAX) kept.delete(kept.keys().next().value as string);
  return made;
}

export class KeptClientsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  override async authenticateRequest(
    ...args: Parameters<Base['authenticateRequest']>
  ): Promise<AuthenticateResult> {
    const result = await super.authenticateRequest(...args);
    return result.connectorFactory
      ? { ...result, connectorFactory: this.kept(result.claimsIdentity, result.connectorFactory) }
      : result;
  }

  override createConnectorFactory(claims: Claims): ConnectorFactory {
    return this.kept(claims, super.createConnectorFactory(claims));
  }

  override createUserTokenClient(claims: Claims): Promise<UserTokenClient> {
    return keptIn(this.tokenClients, appIdOf(claims), () => super.createUserTokenClient(claims));
  }

  /** `factory`, keeping the clients it makes by app id, service URL and audience. */
  private kept(claims: Claims, factory: ConnectorFactory): ConnectorFactory {
    const appId = appIdOf(claims);
    return {
      create: (serviceUrl, audience) =>
        keptIn(this.connectors, `${appId}\n${serviceUrl}\n${audience ?? ''}`, () =>
          factory.create(serviceUrl, audience),
        ),
    };
  }
}
