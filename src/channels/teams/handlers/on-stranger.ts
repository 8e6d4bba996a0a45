// Someone the plan does not know (or from a tenant not allowed): a polite refusal that reveals nothing
// of any partnership.
import type { TurnContext } from 'botbuilder';
import { invokeResponseActivity, messageInvokeResponse, textActivity } from '../reply-activity.js';

export const STRANGER_TEXT =
  "Sorry, I can only help the people named in a partnership's performance plan, and I don't recognise " +
  "your account. If you report on a measure, ask your partnership's coordinator to add your Teams account " +
  '(or email address) to the plan.';

export async function onStranger(context: TurnContext, isInvoke: boolean): Promise<void> {
  if (isInvoke) await context.sendActivity(invokeResponseActivity(messageInvokeResponse(STRANGER_TEXT)));
  else await context.sendActivity(textActivity(STRANGER_TEXT));
}
