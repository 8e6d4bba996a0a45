// A Reply as Bot Framework activities: an Adaptive Card attachment (with the text as a summary for
// notifications), a plain message for plain text, and the invoke response that replaces a card.
import type { Activity, InvokeResponse } from 'botbuilder';
import type { Reply } from '../../bot/reply.js';
import { cardAttachment } from '../../render/adaptive-card.js';
import { replyText } from '../../render/reply-text.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

export function replyActivity(reply: Reply): Partial<Activity> {
  if (reply.kind === 'text' && !reply.buttons?.length) {
    return { type: 'message', text: reply.text, textFormat: 'plain' };
  }
  return { type: 'message', summary: replyText(reply), attachments: [cardAttachment(reply)] };
}

export function textActivity(text: string): Partial<Activity> {
  return { type: 'message', text, textFormat: 'plain' };
}

/** The card that replaces the one acted on (Action.Execute's answer). */
export function cardInvokeResponse(reply: Reply): InvokeResponse {
  return { status: 200, body: { statusCode: 200, type: CARD, value: cardAttachment(reply).content } };
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
