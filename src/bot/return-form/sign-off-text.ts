// The words of sign-off and closed periods, shared by the return card and the review handlers: why a
// return cannot change now, what state it is in, and the notices its approvers and owner receive.
import { isoDateOf } from '../../domain/iso-date.js';
import { componentsOf, type Measure } from '../../domain/measure.js';
import type { Closure } from '../../domain/period-closure.js';
import { longDate } from '../../domain/reminders/reminder-time.js';
import type { ReturnContent } from '../../domain/return-record.js';
import { notifiedApprovers, type SignOff } from '../../domain/sign-off.js';
import { figureText } from '../../reports/audit-figures.js';
import type { NewOutboxMessage } from '../../store/outbox-store.js';
import type { Turn } from '../conversation.js';
import type { SayButton } from '../reply.js';
import { personName } from '../status-view.js';

/** "Tuesday 3 May 2016", the local date of an instant. */
export const onDate = (turn: Turn, at: string | Date): string =>
  longDate(isoDateOf(typeof at === 'string' ? new Date(at) : at, turn.partnership.settings.timezone));

const coordinators = (turn: Turn) =>
  turn.partnership.people
    .filter((p) => p.role === 'coordinator')
    .map((p) => p.name)
    .join(' or ') || 'a coordinator';

/** Why a closed period takes no returns, and who can reopen it. */
export function closedRefusal(turn: Turn, c: Closure): string {
  const period = turn.cal.format(c.quarter);
  const why =
    c.because === 'closedByCoordinator' && c.state
      ? `${period} was closed by ${personName(turn, c.state.by)} on ${onDate(turn, c.state.at)}`
      : `${period} is closed: the board met on ${c.boardDate ? longDate(c.boardDate) : 'its board date'}`;
  return `${why}, so its returns can no longer change. Only the coordinator (${coordinators(turn)}) can reopen it, by saying "reopen ${period} because …".`;
}

/** "2.2 2015/16 Q4 was approved by Priya Sandhu on Tuesday 3 May 2016; ask the coordinator to reopen it." */
export function lockedRefusal(turn: Turn, ref: string, period: string, by: string, at: string): string {
  return `${ref} ${period} was approved by ${personName(turn, by)} on ${onDate(turn, at)}; ask the coordinator (${coordinators(turn)}) to reopen it ("reopen ${ref} ${period} because …").`;
}

/**
 * "Awaiting approval by Priya Sandhu (revision 2).", "Approved by Priya Sandhu on … (revision 2): locked.",
 * "Sent back by … : …". `revisionSaid`: the revision the words around have named already, left out here
 * ("Stored as revision 2. Thank you. Awaiting approval by Priya Sandhu.").
 */
export function signOffText(turn: Turn, m: Measure, s: SignOff, revisionSaid?: number): string {
  const rev = s.kind === 'none' || s.revision === revisionSaid ? '' : ` (revision ${s.revision})`;
  switch (s.kind) {
    case 'none':
      return 'Imported from the plan: no sign-off asked for.';
    case 'awaiting': {
      const who = notifiedApprovers(turn.partnership.people, turn.partnership.themes, m).map((p) => p.name);
      return `Awaiting approval${who.length > 0 ? ` by ${who.join(' or ')}` : ''}${rev}.`;
    }
    case 'approved':
      return `Approved by ${personName(turn, s.by)} on ${onDate(turn, s.at)}${rev}: locked.`;
    case 'sentBack':
      return `${sentence(`Sent back by ${personName(turn, s.by)} on ${onDate(turn, s.at)}${s.comment ? `: ${quoted(s.comment)}` : ''}`)} Waiting for ${personName(turn, m.owner)} to change it.`;
    case 'reopened':
      return `${sentence(`Reopened by ${personName(turn, s.by)} on ${onDate(turn, s.at)}${s.comment ? `: ${quoted(s.comment)}` : ''}`)} Open to change; not approved.`;
    default: {
      const never: never = s;
      throw new Error(`unknown sign-off ${JSON.stringify(never)}`);
    }
  }
}

/** Text ending as a sentence: a full stop unless it ends with one already ("… Playground." not "… Playground.."). */
export const sentence = (text: string): string =>
  /[.!?…]["”']?$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;

/** Someone's words in quotes, their own full stop moved outside the quotes' reach: "… the March figure". */
const quoted = (words: string): string => `"${words.trim().replace(/[.]+$/, '')}"`;

/** The content of a return in a line: "In period: 489 · Commentary: …" (for notices and conflicts). */
export function contentLine(m: Measure, r: Omit<ReturnContent, 'period'>): string {
  const parts: string[] = [];
  if (r.notAvailable)
    parts.push(`Not available: ${r.notAvailable}${r.expectedDate ? ` (expected ${r.expectedDate})` : ''}`);
  else
    for (const c of componentsOf(m))
      parts.push(`${componentsOf(m).length > 1 ? c.label : 'Figure'}: ${figureText(m, r.figures, c.key)}`);
  if (r.narrative.trim()) parts.push(`Commentary: ${clip(r.narrative)}`);
  if (r.correctiveAction?.trim()) parts.push(`Corrective action: ${clip(r.correctiveAction)}`);
  return parts.join(' · ');
}

const clip = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const notice = (
  turn: Turn,
  key: string,
  recipient: string,
  m: Measure,
  period: string,
  text: string,
  buttons: SayButton[],
): NewOutboxMessage => ({
  key,
  partnershipId: turn.partnership.id,
  kind: 'notice',
  recipient,
  ref: m.ref,
  period,
  stage: null,
  payload: { kind: 'notice', text, buttons },
});

/** The approvers' notice of a stored return, with its figures and Approve / Send back buttons. */
export function approverNotices(
  turn: Turn,
  m: Measure,
  period: string,
  revision: number,
  content: Omit<ReturnContent, 'period'>,
): NewOutboxMessage[] {
  const approvers = notifiedApprovers(turn.partnership.people, turn.partnership.themes, m).filter(
    (p) => p.id !== turn.person.id,
  );
  const text = `${turn.person.name} submitted ${m.ref} ${m.title} for ${period} (revision ${revision}). ${sentence(contentLine(m, content))} Approve it, or send it back with a comment for ${personName(turn, m.owner)}.`;
  const buttons = [
    { label: 'Approve', say: `approve ${m.ref} ${period} revision ${revision}` },
    { label: 'Send back', say: `review ${m.ref} ${period}` },
  ];
  return approvers.map((a) =>
    notice(turn, `notice:review:${m.ref}:${period}:r${revision}:${a.id}`, a.id, m, period, text, buttons),
  );
}

/** The owner's (and the submitter's) notice of a decision on their return. */
export function ownerNotices(
  turn: Turn,
  m: Measure,
  period: string,
  revision: number,
  submittedBy: string | null,
  text: string,
  buttons: SayButton[],
): NewOutboxMessage[] {
  const to = [...new Set([m.owner, ...(submittedBy ? [submittedBy] : [])])].filter(
    (p) => p !== turn.person.id,
  );
  return to.map((p) =>
    notice(
      turn,
      `notice:decision:${m.ref}:${period}:r${revision}:${turn.requestId}:${p}`,
      p,
      m,
      period,
      text,
      buttons,
    ),
  );
}
