// A Reply as Bot Framework activities: an Adaptive Card attachment (with the text as a summary for
// notifications), a plain message for plain text, and the invoke response that replaces a card.
import type { Activity, InvokeResponse, Middleware } from 'botbuilder';
import type { Reply } from '../../bot/reply.js';
import { cardAttachment } from '../../render/adaptive-card/index.js';
import { noRefresh, type RefreshIds } from './refresh-ids.js';
import { replyText } from '../../render/reply-text.js';
import type { ChartImages } from '../../charts/chart-delivery.js';
import type { Logger } from '../../log.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

/** `refreshIds`: the Teams ids a review card refreshes for (see refresh-ids.ts). */
export function replyActivity(reply: Reply, refreshIds: RefreshIds = noRefresh): Partial<Activity> {
  if (reply.kind === 'text' && !reply.buttons?.length) {
    return { type: 'message', text: reply.text, textFormat: 'plain' };
  }
  return {
    type: 'message',
    summary: replyText(reply),
    attachments: [cardAttachment(reply, refreshIds(reply))],
  };
}

export function textActivity(text: string): Partial<Activity> {
  return { type: 'message', text, textFormat: 'plain' };
}

/** The card that replaces the one acted on (Action.Execute's answer). */
export function cardInvokeResponse(reply: Reply, refreshIds: RefreshIds = noRefresh): InvokeResponse {
  const card = cardAttachment(reply, refreshIds(reply)).content;
  return { status: 200, body: { statusCode: 200, type: CARD, value: card } };
}

/** A short message Teams shows in place of a new card (a refusal, a repeat). */
export function messageInvokeResponse(text: string): InvokeResponse {
  return { status: 200, body: { statusCode: 200, type: MESSAGE, value: text } };
}

/** A card action Teams should show as failed (bad input that no card can carry). */
export function errorInvokeResponse(message: string): InvokeResponse {
  return {
    status: 200,
    body: {
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'BadRequest', message },
    },
  };
}

/** Stores the invoke response on the turn; the adapter sends it as the HTTP response. */
export function invokeResponseActivity(response: InvokeResponse): Partial<Activity> {
  return { type: 'invokeResponse', value: response };
}

/** Teams refuses large messages: a chart bigger than this is left out rather than inlined. */
export const MAX_INLINE_CHART_BYTES = 60 * 1024;

type CardNode = Record<string, unknown>;

/** Takes our chart Image elements out of a card, wherever they sit, and returns their URLs and alt texts. */
function takeChartImages(node: unknown, owns: (url: string) => boolean): { url: string; alt: string }[] {
  const taken: { url: string; alt: string }[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const el = value[i] as CardNode | null;
        if (el?.type === 'Image' && typeof el.url === 'string' && owns(el.url)) {
          value.splice(i, 1);
          taken.unshift({ url: el.url, alt: typeof el.altText === 'string' ? el.altText : 'Chart' });
        } else walk(el);
      }
    } else if (value && typeof value === 'object') {
      for (const v of Object.values(value)) walk(v);
    }
  };
  walk(node);
  return taken;
}

/**
 * Where Teams cannot fetch our chart URLs: each chart in a message's cards becomes an inline image
 * attachment (a base64 data URI) after the card. A card that replaces another (an invoke response, due
 * within seconds) can carry nothing but the card, so there the chart is left out.
 */
export async function inlineChartImages(
  activity: Partial<Activity>,
  images: Pick<ChartImages, 'owns' | 'imageFor'>,
  tooBig: (bytes: number) => void,
): Promise<void> {
  if (activity.type === 'invokeResponse') {
    takeChartImages((activity.value as { body?: { value?: unknown } } | undefined)?.body?.value, images.owns);
    return;
  }
  const cards = (activity.attachments ?? []).filter((a) => a.contentType === CARD);
  for (const card of cards) {
    for (const { url, alt } of takeChartImages(card.content, images.owns)) {
      const png = await images.imageFor(url);
      if (!png) continue;
      if (png.length > MAX_INLINE_CHART_BYTES) {
        tooBig(png.length);
        continue;
      }
      activity.attachments = [
        ...(activity.attachments ?? []),
        {
          contentType: 'image/png',
          contentUrl: `data:image/png;base64,${png.toString('base64')}`,
          name: alt,
        },
      ];
    }
  }
}

/** Inlines chart images in everything the bot sends, replies and proactive messages alike. */
export function inlineChartsMiddleware(images: ChartImages, log: Logger): Middleware {
  const tooBig = (bytes: number) =>
    log.warn(
      { bytes, limit: MAX_INLINE_CHART_BYTES },
      'chart image too large to inline in Teams; sent without it',
    );
  return {
    onTurn: async (context, next) => {
      context.onSendActivities(async (_context, activities, send) => {
        for (const activity of activities) await inlineChartImages(activity, images, tooBig);
        return send();
      });
      await next();
    },
  };
}
