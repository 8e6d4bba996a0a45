// Slack downloads a message's images before accepting it, and refuses the whole message
// (`invalid_blocks`, "downloading image failed") when it cannot: a chart served from an address Slack
// cannot reach, or in a format it does not draw. The answer matters more than its chart, so a refused
// message with an image is sent once more without it.
import type { ImageBlock } from '@slack/types';
import type { ChartImages } from '../../charts/chart-delivery.js';
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

/** A chart image to upload in place of an image block (Slack files upload v2). */
export interface ChartFile {
  png: Buffer;
  title: string;
  alt: string;
}

/** A target that can also upload a file to where its messages go (a channel or DM, not an ephemeral reply). */
export interface UploadTarget {
  post(message: SlackMessage): Promise<void>;
  upload?(file: ChartFile): Promise<void>;
}

/**
 * Where Slack cannot fetch our chart URLs (Socket Mode, no public https address): our chart images are
 * taken out of the message, which is posted at once; each chart is then drawn and uploaded after it, to
 * the same place. A failed upload costs the chart, not the answer. An ephemeral reply cannot take a
 * file (it would show to the whole channel), so there the chart is left out.
 */
export function withChartUploads(target: UploadTarget, images: ChartImages, log: Logger): UploadTarget {
  const upload = target.upload?.bind(target);
  const urlOf = (b: SlackMessage['blocks'][number]) =>
    b.type === 'image' && 'image_url' in b && typeof b.image_url === 'string' ? b.image_url : null;
  const ours = (b: SlackMessage['blocks'][number]): b is ImageBlock & { image_url: string } => {
    const url = urlOf(b);
    return url !== null && images.owns(url);
  };
  return {
    ...(upload ? { upload } : {}),
    post: async (message) => {
      const charts = message.blocks.filter(ours);
      await target.post(
        charts.length ? { ...message, blocks: message.blocks.filter((b) => !ours(b)) } : message,
      );
      if (!upload) return;
      for (const chart of charts) {
        try {
          const png = await images.imageFor(chart.image_url);
          if (png) await upload({ png, alt: chart.alt_text, title: chart.alt_text.slice(0, 250) });
        } catch (e) {
          log.warn(
            { err: e },
            'slack refused the chart upload; the answer went without it (the app needs the files:write scope)',
          );
        }
      }
    },
  };
}
