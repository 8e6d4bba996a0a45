// Sign-off of a return: who approves it, and what state its current revision is in. An approved
// return is locked until the coordinator reopens it; imported figures (the plan file is the
// coordinator's own) need no sign-off, unless they replaced figures that came through chat.
import type { Measure } from './measure.js';
import type { Person, Theme } from './plan-schema.js';

export type ReviewDecision = 'approved' | 'sentBack' | 'reopened';

/** The longest send-back comment: what the Teams review card's and the Slack modal's comment boxes hold. */
export const SEND_BACK_COMMENT_MAX = 1000;

export interface ReviewRecord {
  revision: number;
  decision: ReviewDecision;
  by: string;
  at: string;
  comment: string | null;
}

export type SignOff =
  | { kind: 'none' }
  | { kind: 'awaiting'; revision: number }
  | { kind: ReviewDecision; revision: number; by: string; at: string; comment: string | null };

/** A return's current revision as sign-off sees it. */
export interface SignOffSubject {
  revision: number;
  source: string;
  /** Whether any revision of the return came through chat (a forced import replaces such figures). */
  fromChat: boolean;
}

/**
 * The current revision of each return as sign-off sees it, keyed `${measureId}|${period}`, from every
 * revision (each return's oldest first).
 */
export function signOffSubjects(
  revisions: Iterable<{ measureId: number; period: string; revision: number; source: string }>,
): Map<string, SignOffSubject> {
  const current = new Map<string, SignOffSubject>();
  const fromChat = new Set<string>();
  for (const r of revisions) {
    const key = `${r.measureId}|${r.period}`;
    if (r.source !== 'import') fromChat.add(key);
    current.set(key, { revision: r.revision, source: r.source, fromChat: fromChat.has(key) });
  }
  return current;
}

/**
 * The state of a return's current revision from its reviews (oldest first): the latest decision on
 * that revision, else awaiting approval; `none` for imported revisions nobody has decided on, unless
 * the return had come through chat: figures a forced import put over an owner's need approval again.
 */
export function signOffOf(current: SignOffSubject, reviews: ReviewRecord[]): SignOff {
  const mine = reviews.filter((r) => r.revision === current.revision);
  const last = mine[mine.length - 1];
  if (last) return { kind: last.decision, ...last };
  return current.source === 'import' && !current.fromChat
    ? { kind: 'none' }
    : { kind: 'awaiting', revision: current.revision };
}

export const isLocked = (s: SignOff): boolean => s.kind === 'approved';
export const isUnapproved = (s: SignOff): boolean =>
  s.kind === 'awaiting' || s.kind === 'sentBack' || s.kind === 'reopened';

/** The theme's named approver, if any, then the coordinators: the people who may decide. */
export function approversOf(people: Person[], themes: Theme[], m: Measure): Person[] {
  const named = themes.find((t) => t.id === m.theme)?.approver;
  const coordinators = people.filter((p) => p.role === 'coordinator');
  const first = named ? people.filter((p) => p.id === named) : [];
  return [...first, ...coordinators.filter((c) => c.id !== named)];
}

/** Who is told a return waits for them: the named approver, else every coordinator. */
export function notifiedApprovers(people: Person[], themes: Theme[], m: Measure): Person[] {
  const all = approversOf(people, themes, m);
  const named = themes.find((t) => t.id === m.theme)?.approver;
  return named ? all.filter((p) => p.id === named) : all;
}

export const mayApprove = (person: Person, people: Person[], themes: Theme[], m: Measure): boolean =>
  approversOf(people, themes, m).some((p) => p.id === person.id);

/** "awaiting approval", "approved", "sent back", "reopened", or null when no sign-off applies. */
export function signOffWord(s: SignOff): string | null {
  switch (s.kind) {
    case 'none':
      return null;
    case 'awaiting':
      return 'awaiting approval';
    case 'approved':
      return 'approved';
    case 'sentBack':
      return 'sent back';
    case 'reopened':
      return 'reopened';
    default: {
      const never: never = s;
      throw new Error(`unknown sign-off ${JSON.stringify(never)}`);
    }
  }
}
