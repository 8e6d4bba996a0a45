// The acting person as the access rules see them (src/domain/access.ts): their role in the partnership
// and how they stand to a measure, from the server's own records (the turn), never from a card.
import { allowed, whoMay, type AccessAction, type Actor } from '../domain/access.js';
import type { Measure } from '../domain/measure.js';
import type { Turn } from './conversation.js';
import type { Reply } from './reply.js';
import { personName } from './status-view.js';

export function actorOf(turn: Turn, m?: Measure): Actor {
  const role = turn.person.role;
  if (!m) return { role };
  const theme = turn.partnership.themes.find((t) => t.id === m.theme);
  return {
    role,
    owner: m.owner === turn.person.id,
    delegate: turn.delegates?.get(m.ref) === turn.person.id,
    approver: theme?.approver !== undefined && theme.approver === turn.person.id,
  };
}

/** Said instead of a sensitive measure's commentary to those who may not read its returns in full. */
export const SENSITIVE_COMMENTARY =
  'This measure is sensitive: its commentary is shared with its owner, its approver, the chair and coordinators.';

/** Whether the person speaking may do the action (to the measure, when one is concerned). */
export function may(turn: Turn, action: AccessAction, m?: Measure): boolean {
  return allowed(action, actorOf(turn, m));
}

/** "Only Insp. Dan Mercer (the owner of 2.2) or a coordinator can delegate it." */
export function refuse(turn: Turn, action: AccessAction, what: string, m?: Measure): Reply {
  const owner = m ? { ref: m.ref, owner: personName(turn, m.owner) } : undefined;
  return { kind: 'text', text: `${whoMay(action, owner)} can ${what}.` };
}
