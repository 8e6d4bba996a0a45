// The bot's logic for one inbound activity: answer each activity once, know the sender, remember where
// to reach them, and hand messages and card actions to the conversation.
import { TurnContext } from 'botbuilder';
import type { InboundClaims } from '../../app/inbound-claims.js';
import type { Conversation } from '../../bot/conversation.js';
import type { Logger } from '../../log.js';
import type { Db } from '../../store/open-database.js';
import { buildTurn, type TurnClock } from './build-turn.js';
import { onExecute, onSubmit } from './handlers/on-card-action.js';
import { onMessage } from './handlers/on-message.js';
import { onStranger } from './handlers/on-stranger.js';
import { identifySender } from './identify-sender.js';
import {
  executeActionOf,
  InboundActivitySchema,
  isShared,
  submitActionOf,
  type InboundActivity,
} from './inbound-activity.js';
import { rememberConversation } from './remember-conversation.js';
import { errorInvokeResponse, invokeResponseActivity, messageInvokeResponse } from './reply-activity.js';

export interface TurnDeps {
  db: Db;
  /** Each activity is handled once, across redeliveries, restarts and instances. */
  claims: InboundClaims;
  log: Logger;
  conversation: Conversation;
  clock: TurnClock;
  localMode: boolean;
  allowedTenants: string[];
}

/**
 * How long a redelivery waits for the process that claimed it to finish or be seen to die: within the
 * 5 s Teams gives an invoke, leaving time to handle it after a takeover.
 */
export const REDELIVERY_WAIT_MS = 3_500;

type Work =
  | { kind: 'message' }
  | { kind: 'execute' | 'submit'; action: NonNullable<ReturnType<typeof executeActionOf>> }
  | { kind: 'badAction' }
  | { kind: 'ignore' };

function workOf(context: TurnContext, a: InboundActivity): Work {
  if (a.type === 'invoke' && a.name === 'adaptiveCard/action') {
    const action = executeActionOf(a.value);
    return action ? { kind: 'execute', action } : { kind: 'badAction' };
  }
  if (a.type !== 'message') return { kind: 'ignore' };
  const action = a.value === undefined ? null : submitActionOf(a.value);
  if (action) return { kind: 'submit', action };
  const mentioned = TurnContext.getMentions(context.activity).some(
    (m) => m.mentioned?.id === a.recipient?.id,
  );
  return isShared(a) && !mentioned ? { kind: 'ignore' } : { kind: 'message' };
}

export function createTurnHandler(deps: TurnDeps): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const parsed = InboundActivitySchema.safeParse(context.activity);
    if (!parsed.success) {
      deps.log.warn({ issues: parsed.error.issues.slice(0, 3) }, 'activity not understood');
      return;
    }
    const a = parsed.data;
    const log = deps.log.child({ channelId: a.channelId, requestId: a.id });
    const key = a.id ? `${a.channelId}|${a.conversation.id}|${a.id}` : null;
    const claim = key ? await deps.claims.claim(key, REDELIVERY_WAIT_MS) : 'mine';
    if (claim !== 'mine') {
      log.info({ type: a.type, claim }, 'repeated activity answered once');
      if (a.type === 'invoke')
        await context.sendActivity(invokeResponseActivity(messageInvokeResponse('Already received.')));
      return;
    }
    try {
      await handle(context, a, deps, log);
    } catch (e) {
      if (key) await deps.claims.release(key);
      throw e;
    }
    if (key) await deps.claims.finish(key);
  };
}

async function handle(context: TurnContext, a: InboundActivity, deps: TurnDeps, log: Logger): Promise<void> {
  const work = workOf(context, a);
  if (work.kind === 'ignore' && a.type !== 'conversationUpdate') return;
  const sender = await identifySender(context, a, deps);
  if (sender.kind === 'stranger') {
    log.info({ reason: sender.reason }, 'stranger refused');
    if (work.kind !== 'ignore') await onStranger(context, a.type === 'invoke');
    return;
  }
  const { found, platform } = sender;
  await rememberConversation(deps.db, platform, found, context.activity, a, deps.clock.now());
  const turn = buildTurn(found, a.id ?? '', platform, deps.clock);
  log.info({ partnership: found.partnership.settings.id, work: work.kind }, 'activity');
  switch (work.kind) {
    case 'message':
      return onMessage(context, turn, deps.conversation, deps.db);
    case 'execute':
      return onExecute(context, turn, work.action, deps.conversation, deps.db);
    case 'submit':
      return onSubmit(context, turn, work.action, deps.conversation, deps.db);
    case 'badAction':
      await context.sendActivity(
        invokeResponseActivity(
          errorInvokeResponse('This card action is not one I know: ask me again for a new card.'),
        ),
      );
      return;
    case 'ignore':
      return;
    default: {
      const never: never = work;
      throw new Error(`unhandled work ${String(never)}`);
    }
  }
}
