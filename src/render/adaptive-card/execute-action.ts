// Universal Actions: every Action.Execute carries an Action.Submit fallback with the same data plus
// `verb`, so clients without Universal Actions (and the local chat) send the same thing.
import type { LinkButton, SayButton } from '../../bot/reply.js';
import type { ExecuteAction, OpenUrlAction, Verb } from './card-types.js';

export interface ExecuteActionSpec {
  title: string;
  verb: Verb;
  data: Record<string, unknown>;
  /** "auto" sends the card's inputs; "none" sends only `data`; unset, the client's default ("auto"). */
  associatedInputs?: 'auto' | 'none';
  style?: 'positive' | 'destructive';
}

export function executeAction(spec: ExecuteActionSpec): ExecuteAction {
  const { title, verb, data, associatedInputs, style } = spec;
  const extra = { ...(associatedInputs ? { associatedInputs } : {}), ...(style ? { style } : {}) };
  return {
    type: 'Action.Execute',
    title,
    verb,
    data: { ...data },
    ...extra,
    fallback: { type: 'Action.Submit', title, data: { ...data, verb }, ...extra },
  };
}

/**
 * A button that says its text to the bot. Say buttons sit on cards without inputs (status, list,
 * text), so `associatedInputs` is left out: lists carry one per item and every byte counts.
 */
export function sayAction(button: SayButton): ExecuteAction {
  return executeAction({ title: button.label, verb: 'say', data: { say: button.say } });
}

/** A button that opens a web address in the browser: a long signed link is clickable as a button. */
export function openUrlAction(link: LinkButton): OpenUrlAction {
  return { type: 'Action.OpenUrl', title: link.label, url: link.url };
}
