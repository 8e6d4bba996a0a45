// Where the answer to a button goes: back through the response_url when the button was on an ephemeral
// message; in the message's DM, or in a thread under the message in a channel; to the person's DM when
// the button was in App Home.
import type { RespondFn } from '@slack/bolt';
import type { Logger } from '../../log.js';
import type { BlockActionBody } from './payloads.js';
import { channelTarget, dmTarget, respondTarget, type ReplyTarget } from './reply-target.js';
import type { SlackClient } from './slack-deps.js';

export function actionTarget(
  client: SlackClient,
  log: Logger,
  body: BlockActionBody,
  respond: RespondFn | undefined,
): ReplyTarget {
  const { container, message, user } = body;
  if (container.is_ephemeral && respond) return respondTarget(respond, log);
  const channel = container.channel_id;
  if (container.type !== 'message' || !channel) return dmTarget(client, log, user.id);
  const isDm = channel.startsWith('D');
  return channelTarget(client, log, channel, isDm ? message?.thread_ts : (message?.thread_ts ?? message?.ts));
}
