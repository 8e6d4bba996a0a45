// Wires intents and card actions to their handlers.
import type { BotDeps, Conversation, Turn } from './conversation.js';
import { greeting, help, notUnderstood } from './handlers/help.js';
import { exceptions, myReturns, overdue } from './handlers/lists.js';
import { searchStatus, showStatus } from './handlers/status.js';
import { parseIntent } from './parse-intent.js';
import type { CardAction, Reply } from './reply.js';
import { onReturnAction, openReturnForm } from './return-form/return-actions.js';

export function createConversation(deps: BotDeps): Conversation {
  const onMessage = async (turn: Turn, text: string): Promise<Reply[]> => {
    const ctx = { deps, turn };
    const intent = parseIntent(text);
    switch (intent.kind) {
      case 'status':
        return showStatus(ctx, intent.ref, intent.period);
      case 'search':
        return searchStatus(ctx, intent.words, intent.period);
      case 'exceptions':
        return exceptions(ctx, intent.period);
      case 'overdue':
        return overdue(ctx);
      case 'myReturns':
        return myReturns(ctx);
      case 'submit':
        return openReturnForm(ctx, intent.ref, intent.period);
      case 'help':
        return help();
      case 'greeting':
        return greeting(turn);
      case 'unknown':
        return notUnderstood(intent.text);
      default: {
        const never: never = intent;
        throw new Error(`unhandled intent ${JSON.stringify(never)}`);
      }
    }
  };
  const onAction = async (turn: Turn, action: CardAction): Promise<Reply[]> => {
    switch (action.verb) {
      case 'say':
        return onMessage(turn, String(action.data.say ?? ''));
      case 'refreshStatus':
        // Read-only: Teams refreshes a status card per viewer (the owner sees "Submit return").
        return showStatus(
          { deps, turn },
          String(action.data.ref ?? ''),
          String(action.data.period ?? '') || null,
        );
      case 'submitReturn':
      case 'confirmReturn':
      case 'editReturn':
        return onReturnAction({ deps, turn }, action);
      default: {
        const never: never = action.verb;
        return [
          { kind: 'text', text: `This card's button (${String(never)}) is not one I know: say "help".` },
        ];
      }
    }
  };
  return { onMessage, onAction };
}
