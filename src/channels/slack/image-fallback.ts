// Slack downloads a message's images before accepting it, and refuses the whole message
// (`invalid_blocks`, "downloading image failed") when it cannot: a chart served from an address Slack
// cannot reach, or in a format it does not draw. The answer matters more than its chart, so a refused
// message with an image is sent once more without it.
import type { SlackMessage } from '../../render/block-kit/index.js';
import type { Logger } from '../../log.js';

function refused(e: unknown): boolean {
  const err = e as { data?: { error?: unknown }; statusCode?: unknown } | null;
  if (err?.data?.error === 'invalid_blocks') return true;
  // A response_url answers a refused message with a 4xx status.
  return typeof err?.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500;
}

export async function withImageFallback(
  send: (message: SlackMessage) => Promise<void>,
  message: SlackMessage,
  log: Logger,
): Promise<void> {
  try {
    await send(message);
  } catch (e) {
    const blocks = message.blocks.filter((b) => b.type !== 'image');
    if (blocks.length === message.blocks.length || !refused(e)) throw e;
    log.warn(
      { err: e },
      'slack refused a message with a chart image; sent it without the chart (set PUBLIC_BASE_URL to an https address Slack can reach)',
    );
    await send({ ...message, blocks });
  }
}
