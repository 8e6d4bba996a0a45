// What a failed turn does. When someone spoke to the bot (a message, a card action), the error is logged
// and they are told, in the same conversation, unless the connector said that conversation is gone (403,
// 404 "Conversation not found"): an apology there would only be refused too. A proactive turn (a
// reminder, notice or summary the outbox sends) never apologises: nobody spoke, so the error goes back to
// the sender and the outbox decides what happens to the message.
import { ActivityEventNames, ActivityTypes, type TurnContext } from 'botbuilder';
import type { Logger } from '../../log.js';
import { connectorStatus, conversationGone } from './connector-status.js';
import { invokeResponseActivity, messageInvokeResponse, textActivity } from './reply-activity.js';
import { UndeliveredConfirmation } from './undelivered-confirmation.js';

const isProactive = (context: TurnContext) =>
  context.activity.type === ActivityTypes.Event &&
  context.activity.name === ActivityEventNames.ContinueConversation;

export function turnErrorHandler(log: Logger): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    if (isProactive(context)) throw error;
    const activityType = context.activity.type;
    const status = connectorStatus(error);
    if (conversationGone(status)) {
      log.warn(
        { err: error, status, activityType },
        'turn failed: the conversation is gone, no apology sent',
      );
      return;
    }
    // The inbound key was released, so a redelivery is processed. When a return was stored but its
    // confirmation could not be sent, the apology says it was stored.
    log.error({ err: error, activityType }, 'turn failed');
    const sorry =
      error instanceof UndeliveredConfirmation
        ? error.told.join('\n')
        : 'Something went wrong on our side and it has been logged. Please try again in a minute.';
    await (activityType === 'invoke'
      ? context.sendActivity(invokeResponseActivity(messageInvokeResponse(sorry)))
      : context.sendActivity(textActivity(sorry)));
  };
}
