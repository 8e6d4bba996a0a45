// Publishes a person's App Home: their returns due, overdue and received. Called when they open the
// tab and after they submit a return, so the tab never shows a stale status.
import { homeView, strangerHomeView } from './home-view.js';
import type { SlackClient, SlackDeps } from './slack-deps.js';
import type { Speaker } from './speaker.js';

export async function publishHome(
  deps: SlackDeps,
  client: SlackClient,
  userId: string,
  who: Speaker,
): Promise<void> {
  const view =
    who.kind === 'stranger'
      ? strangerHomeView()
      : homeView(await deps.conversation.onMessage(who.turn, 'my returns'));
  await client.views.publish({ user_id: userId, view });
}
