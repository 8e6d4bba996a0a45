// Wires intents and card actions to their handlers.
import type { BotDeps, Conversation, Turn } from './conversation.js';
import { readDelegations } from '../store/reminder-store.js';
import { dashboardLinks } from './handlers/dashboard.js';
import { greeting, help, notUnderstood } from './handlers/help.js';
import { overdueByAgency } from './handlers/agencies.js';
import { exceptions, myReturns, overdue } from './handlers/lists.js';
import { clearOverride, setOverride } from './handlers/override.js';
import { delegate, notAvailableUntil, remindNow, setPaused, snooze } from './handlers/reminders.js';
import { revokeLinks } from './handlers/links.js';
import { searchStatus, showStatus } from './handlers/status.js';
import { summary } from './handlers/summary.js';
import { onReviewAction, onReviewIntent } from './handlers/review-routes.js';
import type { Ctx } from './handler-context.js';
import { parseIntent, type Intent, type ReminderIntent } from './parse-intent.js';
import type { RelativePeriods } from './phrasings.js';
import { currentQuarterIn, planYearsOf, yearOfDay } from '../domain/reporting-calendar.js';
import type { CardAction, Reply } from './reply.js';
import { onReturnAction, openReturnForm } from './return-form/return-actions.js';

function onReminder(ctx: { deps: BotDeps; turn: Turn }, intent: ReminderIntent): Promise<Reply[]> {
  switch (intent.kind) {
    case 'snooze':
      return snooze(ctx, intent.ref, intent.when);
    case 'notAvailableUntil':
      return notAvailableUntil(ctx, intent.ref, intent.period, intent.when, intent.reason);
    case 'delegate':
      return delegate(ctx, intent.ref, intent.to);
    case 'remindNow':
      return remindNow(ctx, intent.ref);
    case 'pauseReminders':
    case 'resumeReminders':
      return setPaused(ctx, intent.kind === 'pauseReminders');
    case 'revokeLinks':
      return revokeLinks(ctx, intent.ref, intent.person);
    default: {
      const never: never = intent;
      throw new Error(`unhandled reminder intent ${JSON.stringify(never)}`);
    }
  }
}

/** The turn with the partnership's delegations, so that a delegate may submit (canSubmit). */
async function withDelegates(deps: BotDeps, turn: Turn): Promise<Turn> {
  return { ...turn, delegates: await readDelegations(deps.db, turn.partnership.id) };
}

/** Runs the handler of what was said. */
async function answer(ctx: Ctx, intent: Intent): Promise<Reply[]> {
  const { turn } = ctx;
  switch (intent.kind) {
    case 'status':
      return showStatus(ctx, intent.ref, intent.period);
    case 'search':
      return searchStatus(ctx, intent.words, intent.period);
    case 'exceptions':
      return exceptions(ctx, intent.period);
    case 'summary':
      return summary(ctx, intent.period, intent.post);
    case 'dashboard':
      return dashboardLinks(ctx, intent.period);
    case 'overdue':
      return overdue(ctx);
    case 'overdueByAgency':
      return overdueByAgency(ctx, intent.period);
    case 'myReturns':
      return myReturns(ctx);
    case 'submit':
      return openReturnForm(ctx, intent.ref, intent.period);
    case 'help':
      return help(turn);
    case 'greeting':
      return greeting(turn);
    case 'unknown':
      return notUnderstood(intent.text, turn);
    case 'override':
      return setOverride(ctx, intent.ref, intent.period, intent.rag, intent.reason);
    case 'clearOverride':
      return clearOverride(ctx, intent.ref, intent.period, intent.reason);
    case 'approve':
    case 'sendBack':
    case 'review':
    case 'approvals':
    case 'reopenReturn':
    case 'reopenPeriod':
    case 'closePeriod':
    case 'history':
    case 'startYear':
      return onReviewIntent(ctx, intent);
    case 'snooze':
    case 'notAvailableUntil':
    case 'delegate':
    case 'remindNow':
    case 'pauseReminders':
    case 'resumeReminders':
    case 'revokeLinks':
      return onReminder(ctx, intent);
    default: {
      const never: never = intent;
      throw new Error(`unhandled intent ${JSON.stringify(never)}`);
    }
  }
}

/** "Last quarter" is the last one completed, "last year" the financial year before today's. */
function relativePeriods(turn: Turn): RelativePeriods {
  const { cal, today, partnership } = turn;
  const years = planYearsOf(cal, partnership.settings);
  return {
    lastQuarter: cal.format(currentQuarterIn(cal, years.ok ? years.value : null, today)),
    lastYear: cal.format({ kind: 'year', year: yearOfDay(cal, today) - 1 }),
  };
}

async function onMessage(deps: BotDeps, given: Turn, text: string): Promise<Reply[]> {
  const turn = await withDelegates(deps, given);
  return answer({ deps, turn }, parseIntent(text, relativePeriods(turn)));
}

async function onAction(deps: BotDeps, given: Turn, action: CardAction): Promise<Reply[]> {
  const turn = await withDelegates(deps, given);
  switch (action.verb) {
    case 'say':
      return onMessage(deps, turn, String(action.data.say ?? ''));
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
    case 'approveReturn':
    case 'sendBackReturn':
    case 'refreshReview':
      // The refresh is read-only: it draws the card for the viewer (buttons for approvers only).
      return onReviewAction({ deps, turn }, action);
    default: {
      const never: never = action.verb;
      return [{ kind: 'text', text: `This card's button (${String(never)}) is not one I know: say "help".` }];
    }
  }
}

export function createConversation(deps: BotDeps): Conversation {
  return {
    onMessage: (turn, text) => onMessage(deps, turn, text),
    onAction: (turn, action) => onAction(deps, turn, action),
  };
}
