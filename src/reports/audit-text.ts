// Audit events in words, for "history 2.2" in chat and `audit` on the command line: who did what,
// when (partnership time), through which channel, and what changed (figures before → after).
import { z } from 'zod';
import { FiguresSchema } from '../domain/figures.js';
import { componentsOf, type Measure } from '../domain/measure.js';
import { localTime } from '../domain/reminders/reminder-time.js';
import type { AuditEventRecord } from '../store/audit-store.js';
import { figureText } from './audit-figures.js';

export interface AuditContext {
  measures: Measure[];
  /** Person key → name. */
  names: ReadonlyMap<string, string>;
  timezone: string;
}

export interface AuditLine {
  text: string;
  detail: string | null;
}

const CHANNELS: Record<string, string> = {
  local: 'local chat',
  teams: 'Teams',
  slack: 'Slack',
  cli: 'command line',
  import: 'plan import',
  job: 'scheduler',
};

const ContentSchema = z
  .object({
    revision: z.number(),
    figures: FiguresSchema.nullable(),
    narrative: z.string(),
    correctiveAction: z.string().nullable(),
    notAvailable: z.string().nullable(),
    expectedDate: z.string().nullable(),
  })
  .partial();
type Content = z.infer<typeof ContentSchema>;

const content = (v: unknown): Content | null => {
  const parsed = ContentSchema.safeParse(v);
  return parsed.success ? parsed.data : null;
};

const quoted = (s: string | null) => (s ? `: "${s}"` : '');

function headline(e: AuditEventRecord): string {
  const what = [e.ref, e.period].filter(Boolean).join(' ');
  const rev = content(e.after)?.revision ?? content(e.before)?.revision;
  const revision = rev === undefined ? '' : ` (revision ${rev})`;
  switch (e.action) {
    case 'return.submit':
      return `submitted ${what}${revision}`;
    case 'return.replace':
      return `replaced ${what} with the plan file's figures${revision}${quoted(e.reason)}`;
    case 'return.approve':
      return `approved ${what}${revision}`;
    case 'return.sendBack':
      return `sent back ${what}${revision}${quoted(e.reason)}`;
    case 'return.reopen':
      return `reopened ${what}${revision}${quoted(e.reason)}`;
    case 'period.reopen':
      return `reopened the period ${e.period ?? ''}${quoted(e.reason)}`;
    case 'period.close':
      return `closed the period ${e.period ?? ''}${quoted(e.reason)}`;
    default:
      return `${e.action} ${what}${quoted(e.reason)}`.replace(/\s+/g, ' ').trim();
  }
}

const clip = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** What a submission changed: "Figure: 489 → 500 · commentary changed". */
function submissionDetail(m: Measure | undefined, before: Content | null, after: Content): string | null {
  const parts: string[] = [];
  if (m) {
    const comps = componentsOf(m);
    for (const c of comps) {
      const was = figureText(m, before?.figures ?? null, c.key);
      const now = figureText(m, after.figures ?? null, c.key);
      const label = comps.length > 1 ? c.label : 'Figure';
      if (!before) {
        if (now !== '—') parts.push(`${label}: ${now}`);
      } else if (was !== now) parts.push(`${label}: ${was} → ${now}`);
    }
  }
  if (after.notAvailable && after.notAvailable !== before?.notAvailable)
    parts.push(`not available: ${clip(after.notAvailable)}`);
  if (before && (before.narrative ?? '') !== (after.narrative ?? '')) parts.push('commentary changed');
  if (!before && after.narrative) parts.push(`commentary: ${clip(after.narrative)}`);
  if ((before?.correctiveAction ?? null) !== (after.correctiveAction ?? null) && after.correctiveAction)
    parts.push(`corrective action: ${clip(after.correctiveAction)}`);
  if (before && parts.length === 0) parts.push('no change to the figures or commentary');
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** A forced import over a chat return: what changed, and whose revision it replaced. */
function replacementDetail(
  m: Measure | undefined,
  before: unknown,
  after: Content,
  names: ReadonlyMap<string, string>,
): string | null {
  const was = content(before);
  const by = z.object({ submittedBy: z.string() }).safeParse(before);
  const whose = by.success ? `${names.get(by.data.submittedBy) ?? by.data.submittedBy}'s ` : '';
  const over = was?.revision === undefined ? null : `over ${whose}revision ${was.revision}`;
  return [submissionDetail(m, was, after), over].filter(Boolean).join(' · ') || null;
}

/** Other events: the keys whose values changed, "rag: red → amber". */
function genericDetail(before: unknown, after: unknown): string | null {
  const obj = (v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const b = obj(before);
  const a = obj(after);
  const show = (v: unknown) =>
    v === undefined || v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v);
  const changed = [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => `${k}: ${clip(show(b[k]), 60)} → ${clip(show(a[k]), 60)}`);
  return changed.length > 0 ? changed.join(' · ') : null;
}

export function auditLine(e: AuditEventRecord, ctx: AuditContext): AuditLine {
  const local = localTime(new Date(e.at), ctx.timezone);
  const who = ctx.names.get(e.actor) ?? e.actor;
  const channel = CHANNELS[e.channel] ?? e.channel;
  const m = ctx.measures.find((x) => x.ref === e.ref);
  const after = content(e.after);
  const detail =
    e.action === 'return.submit' && after
      ? submissionDetail(m, content(e.before), after)
      : e.action === 'return.replace' && after
        ? replacementDetail(m, e.before, after, ctx.names)
        : e.action.startsWith('return.') || e.action.startsWith('period.')
          ? null
          : genericDetail(e.before, e.after);
  return { text: `${local.date} ${local.time} · ${who} (${channel}) ${headline(e)}`, detail };
}

export const auditLines = (events: AuditEventRecord[], ctx: AuditContext): AuditLine[] =>
  events.map((e) => auditLine(e, ctx));

/** The command line's text: one event a line, its detail indented under it. */
export function auditText(events: AuditEventRecord[], ctx: AuditContext): string {
  if (events.length === 0) return 'No audit events match.';
  return auditLines(events, ctx)
    .map((l) => (l.detail ? `${l.text}\n    ${l.detail}` : l.text))
    .join('\n');
}
