// What an import says of each return submitted in chat that its file gives differently: kept (the
// default), or replaced by a forced import, and what that did to the return's sign-off.
import { isoDateOf } from '../domain/iso-date.js';
import { componentsOf, type Measure } from '../domain/measure.js';
import type { ReturnContent } from '../domain/return-record.js';
import type { SignOff } from '../domain/sign-off.js';
import type { ReturnConflict } from '../store/import-returns.js';
import { figureText } from '../reports/audit-figures.js';

export interface ConflictContext {
  measures: readonly Measure[];
  /** Person key → name. */
  names: ReadonlyMap<string, string>;
  timezone: string;
  /** A dry run says what the import would do. */
  dryRun: boolean;
  /** `--force`: chat returns are (or would be) replaced. */
  forced: boolean;
}

/** A return's figures in a few words: "489", "ASB Hotline 47, Police 37", "not available". */
export function figuresInBrief(m: Measure | undefined, r: Pick<ReturnContent, 'figures' | 'notAvailable'>) {
  if (!r.figures) return r.notAvailable !== null ? 'not available' : 'no figure';
  if (!m) return JSON.stringify(r.figures);
  const parts = componentsOf(m);
  if (parts.length === 1) return figureText(m, r.figures, parts[0]?.key ?? '');
  return parts.map((c) => `${c.label} ${figureText(m, r.figures, c.key)}`).join(', ');
}

/** What the chat revision's sign-off was, when it had one: "revision 2 was awaiting approval". */
function signOffBefore(s: SignOff, names: ReadonlyMap<string, string>): string | null {
  const name = (key: string) => names.get(key) ?? key;
  switch (s.kind) {
    case 'none':
      return null;
    case 'awaiting':
      return `revision ${s.revision} was awaiting approval`;
    case 'approved':
      return `revision ${s.revision} had been approved by ${name(s.by)}`;
    case 'sentBack':
      return `revision ${s.revision} had been sent back by ${name(s.by)}`;
    case 'reopened':
      return `revision ${s.revision} had been reopened by ${name(s.by)}`;
    default: {
      const never: never = s;
      throw new Error(`unknown sign-off ${JSON.stringify(never)}`);
    }
  }
}

/**
 * One line per conflict: "2.2 2015/16 Q4: kept Insp. Dan Mercer's chat return (revision 2, 489,
 * 2016-04-20); the file says 480 — run with --force --reason "…" to replace it".
 */
export function conflictLine(c: ReturnConflict, ctx: ConflictContext): string {
  const m = ctx.measures.find((x) => x.ref === c.ref);
  const who = c.chat.submittedBy ? `${ctx.names.get(c.chat.submittedBy) ?? c.chat.submittedBy}'s` : 'a';
  const on = isoDateOf(new Date(c.chat.submittedAt), ctx.timezone);
  const chat = `${who} chat return (revision ${c.chat.revision}, ${figuresInBrief(m, c.chat)}, ${on})`;
  const file = figuresInBrief(m, c.file);
  const head = `${c.ref} ${c.period}:`;
  if (c.replacedBy !== null) {
    const before = signOffBefore(c.signOff, ctx.names);
    return `${head} replaced ${chat} with the file's ${file} as revision ${c.replacedBy}, which needs approval again${before ? ` (${before})` : ''}`;
  }
  if (ctx.dryRun && ctx.forced) return `${head} would replace ${chat} with the file's ${file}`;
  return `${head} ${ctx.dryRun ? 'would keep' : 'kept'} ${chat}; the file says ${file} — run with --force --reason "…" to replace it`;
}

/** The conflicts under a heading, or nothing when there are none. */
export function conflictsText(conflicts: ReturnConflict[], ctx: ConflictContext): string[] {
  const n = conflicts.length;
  if (n === 0) return [];
  const returns = `${n} return${n === 1 ? '' : 's'} submitted in chat`;
  const heading = ctx.forced
    ? ctx.dryRun
      ? `${returns} would be replaced with the file's figures (--force), each then needing approval again:`
      : `${returns} replaced with the file's figures (--force), each recorded in the audit trail:`
    : `${returns} ${n === 1 ? 'differs' : 'differ'} from the file and ${ctx.dryRun ? 'would be' : n === 1 ? 'was' : 'were'} kept (an import never overwrites chat):`;
  return [heading, ...conflicts.map((c) => `  ${conflictLine(c, ctx)}`)];
}
