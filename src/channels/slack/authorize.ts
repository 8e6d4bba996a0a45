// A single-workspace `authorize` that asks Slack who the bot is (auth.test) once and remembers it. A
// failed check is not remembered: the next request asks again, so an outage at start-up heals itself
// (bolt's own token check would keep the failure, and reject it unhandled at construction).
import { webApi, type Authorize } from '@slack/bolt';

export function createAuthorize(token: string, clientOptions: webApi.WebClientOptions): Authorize<boolean> {
  const client = new webApi.WebClient(token, clientOptions);
  let who: Promise<{ botId?: string; botUserId?: string }> | null = null;
  return async () => {
    who ??= client.auth
      .test()
      .then((r) => ({
        ...(r.bot_id ? { botId: r.bot_id } : {}),
        ...(r.user_id ? { botUserId: r.user_id } : {}),
      }))
      .catch((e: unknown) => {
        who = null;
        throw e;
      });
    return { botToken: token, ...(await who) };
  };
}
