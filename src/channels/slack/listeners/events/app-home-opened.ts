// The App Home tab opened: publish the person's returns (or, for a stranger, the polite refusal).
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { eventIdOf, HomeOpenedEventSchema } from '../../payloads.js';
import { publishHome } from '../../publish-home.js';
import type { SlackDeps } from '../../slack-deps.js';
import { speaker } from '../../speaker.js';

export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    const parsed = HomeOpenedEventSchema.safeParse(event);
    if (!parsed.success || parsed.data.tab !== 'home') return;
    const { user } = parsed.data;
    await publishHome(deps, client, user, await speaker(deps, client, user, eventIdOf(body)));
  };
}
