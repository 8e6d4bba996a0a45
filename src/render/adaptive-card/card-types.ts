// The JSON shapes we send as Adaptive Cards: loose enough for any element, strict where we rely on it.
import type { CardAction } from '../../bot/reply.js';

/** Any card element, input, column or action: an object with a `type`. */
export interface CardElement {
  type: string;
  [key: string]: unknown;
}

export interface AdaptiveCard {
  $schema: string;
  type: 'AdaptiveCard';
  version: '1.5';
  body: CardElement[];
  actions?: CardElement[];
  [key: string]: unknown;
}

export type Verb = CardAction['verb'];

export interface SubmitAction extends CardElement {
  type: 'Action.Submit';
  title: string;
  data: Record<string, unknown> & { verb: Verb };
}

export interface ExecuteAction extends CardElement {
  type: 'Action.Execute';
  title: string;
  verb: Verb;
  data: Record<string, unknown>;
  fallback: SubmitAction;
}

export interface OpenUrlAction extends CardElement {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}
