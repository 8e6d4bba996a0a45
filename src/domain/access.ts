// Who may do what in a partnership: one table for every intent and card action, so that handlers ask
// the same question ("may this person do this to this measure?") and refuse in the same words.
// Pure: the caller says who is acting (from the server's own record, never from a card) and how they
// stand to the measure concerned.
import type { Role } from './plan-schema.js';

/** Everything the conversation lets someone do, by what it touches. */
export const ACCESS_ACTIONS = [
  /** Status cards, measure search, exceptions, summaries, overdue lists, "my returns", help. */
  'status.read',
  /** A sensitive measure's commentary and the return in full (not only its channel-safe figures). */
  'return.readFull',
  /** Open the return card, submit or revise a return, say it is not available until a date. */
  'return.submit',
  /** Snooze one's own reminders. */
  'reminders.snooze',
  /** Delegate a measure's returns, or take them back. */
  'delegation.change',
  /** "remind all", "remind 2.2". */
  'reminders.nudge',
  /** "pause reminders", "resume reminders". */
  'reminders.pause',
  /** "revoke links 6.3": withdraw the web return form links sent by email. */
  'links.revoke',
  /** "post summary": the summary to the partnership channel. */
  'summary.post',
  /** Signed links to download the board dashboard. */
  'dashboard.download',
  /** Set or clear a status override (always with a reason). */
  'override.change',
  /** Approve a return, or send it back to its owner. */
  'return.approve',
  /** Reopen an approved return or a closed period. */
  'return.reopen',
  /** A measure's history of revisions and decisions. */
  'history.read',
  /** Import a plan (measures, targets, people and their roles). */
  'plan.change',
] as const;

export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** The person acting, as the server knows them, and how they stand to the measure concerned (if any). */
export interface Actor {
  role: Role;
  /** Owns the measure concerned. */
  owner?: boolean;
  /** The measure's returns are delegated to them ("delegate 2.2 to Joanne"). */
  delegate?: boolean;
  /** Signs off the returns of the measure's theme. */
  approver?: boolean;
}

type Rule = (a: Actor) => boolean;

const anyone: Rule = () => true;
const coordinator: Rule = (a) => a.role === 'coordinator';
const coordinatorOrChair: Rule = (a) => a.role === 'coordinator' || a.role === 'chair';
const responsible: Rule = (a) => a.role === 'coordinator' || a.owner === true || a.delegate === true;

const RULES: Record<AccessAction, Rule> = {
  'status.read': anyone,
  // The theme's approver judges the return, so reads it whole, as they read its history.
  'return.readFull': (a) =>
    coordinatorOrChair(a) || a.owner === true || a.delegate === true || a.approver === true,
  'return.submit': responsible,
  'reminders.snooze': anyone,
  'delegation.change': (a) => a.role === 'coordinator' || a.owner === true,
  'reminders.nudge': coordinator,
  'reminders.pause': coordinator,
  'links.revoke': coordinator,
  'summary.post': coordinator,
  'dashboard.download': coordinator,
  'override.change': coordinatorOrChair,
  'return.approve': (a) => a.role === 'coordinator' || a.approver === true,
  'return.reopen': coordinator,
  'history.read': (a) =>
    coordinatorOrChair(a) || a.owner === true || a.delegate === true || a.approver === true,
  'plan.change': coordinator,
};

/** Whether the actor may do the action. Every role is a person of the partnership: strangers never get here. */
export function allowed(action: AccessAction, actor: Actor): boolean {
  return RULES[action](actor);
}

/**
 * Who may do it, to start a refusal: "Only Insp. Dan Mercer (the owner of 2.2) or a coordinator",
 * "Only a coordinator or the chair". `owner` is the measure owner's name, `ref` the measure's.
 */
export function whoMay(action: AccessAction, measure?: { ref: string; owner: string | null }): string {
  const owner = measure?.owner ? `${measure.owner} (the owner of ${measure.ref})` : 'the owner';
  switch (action) {
    case 'return.submit':
    case 'delegation.change':
      return `Only ${owner} or a coordinator`;
    case 'return.readFull':
    case 'history.read':
      return `Only ${owner}, the theme's approver, the chair or a coordinator`;
    case 'override.change':
      return 'Only a coordinator or the chair';
    case 'return.approve':
      return "Only a coordinator or the theme's approver";
    case 'status.read':
    case 'reminders.snooze':
      return 'Only people of the partnership';
    case 'reminders.nudge':
    case 'reminders.pause':
    case 'links.revoke':
    case 'summary.post':
    case 'dashboard.download':
    case 'return.reopen':
    case 'plan.change':
      return 'Only a coordinator';
    default: {
      const never: never = action;
      throw new Error(`no refusal for ${String(never)}`);
    }
  }
}
