// Sign-off, closed periods and history in words: "approve 2.2 Q4", "send back 2.2 Q4: the March figure
// is missing", "reopen 2.2 Q4 because …", "reopen 2015/16 Q4 because …", "close 2015/16 Q4",
// "approvals", "history 2.2". Read from the raw text so comments and reasons keep their case.
import { REF_TEXT as REF } from './ref-pattern.js';

export type ReviewIntent =
  | { kind: 'approve'; ref: string; period: string | null; revision: number | null }
  | { kind: 'sendBack'; ref: string; period: string | null; revision: number | null; comment: string | null }
  | { kind: 'review'; ref: string; period: string | null }
  | { kind: 'approvals' }
  | { kind: 'reopenReturn'; ref: string; period: string | null; reason: string | null }
  | { kind: 'reopenPeriod'; period: string; reason: string | null }
  | { kind: 'closePeriod'; period: string; reason: string | null }
  | { kind: 'history'; ref: string; period: string | null }
  | { kind: 'startYear'; year: string; choices: string | null };

/** Between a period and a comment or reason: ":", " - ", " because ", ", ". */
const SEP = '(?:\\s*[:;]\\s*|\\s+[–-]\\s+|\\s+because\\s+|\\s+as\\s+|,\\s*)';
const REVISION = '(?:\\s+(?:revision|rev)\\s*(\\d+))?';

const APPROVE = new RegExp(`^(?:approve|sign off|signoff)\\s+(${REF})(.*?)${REVISION}$`, 'i');
const SEND_BACK = new RegExp(
  `^(?:send back|sendback|reject)\\s+(${REF})(.*?)${REVISION}(?:${SEP}(.+))?$`,
  'i',
);
const REVIEW = new RegExp(`^review\\s+(${REF})(.*)$`, 'i');
const APPROVALS =
  /^(?:(?:my |pending )?approvals|awaiting (?:my )?approval|to approve|what (?:do i|to) (?:approve|sign off))$/i;
const REOPEN_RETURN = new RegExp(`^(?:re-?open|unlock)\\s+(${REF})(.*?)(?:${SEP}(.+))?$`, 'i');
const REOPEN_PERIOD = new RegExp(`^re-?open\\s+(?:the\\s+)?(?:period\\s+)?(.+?)(?:${SEP}(.+))?$`, 'i');
const CLOSE_PERIOD = new RegExp(`^close\\s+(?:the\\s+)?(?:period\\s+)?(.+?)(?:${SEP}(.+))?$`, 'i');
const HISTORY = new RegExp(
  `^(?:history|audit(?: trail)?|changes|revisions)(?:\\s+(?:of|for))?\\s+(${REF})(.*)$`,
  'i',
);
/** "start 2016/17", "start the new year", "start 2016/17: 2.2 -5%; rest same". */
const START_YEAR =
  /^start\s+(?:the\s+)?(?:financial\s+|plan\s+)?(?:year\s+)?(\d{4}(?:[/-]\d{2,4})?|(?:new|next|this)\s+year)(?:\s*[:;,–-]\s*(.+)|\s+with\s+(.+))?$/i;
/** A period as typed: "Q4", "2015/16 Q4", "Q4 2015/16", "Jan 2016", "2015/16". */
const PERIODISH = /^(?:[\w/-]+\s*){1,3}$/;

const clean = (raw: string) =>
  raw
    .replace(/<at>.*?<\/at>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[?!.]+$/, '');
const opt = (s: string | undefined) => s?.trim() || null;
const said = (s: string | undefined) => opt(s)?.replace(/^["“]|["”]$/g, '') ?? null;
const num = (s: string | undefined) => (s ? Number.parseInt(s, 10) : null);

export function reviewIntent(raw: string): ReviewIntent | null {
  const text = clean(raw);
  if (APPROVALS.test(text)) return { kind: 'approvals' };
  const start = START_YEAR.exec(text);
  if (start) return { kind: 'startYear', year: start[1] ?? '', choices: opt(start[2] ?? start[3]) };
  let m = APPROVE.exec(text);
  if (m) return { kind: 'approve', ref: m[1] ?? '', period: opt(m[2]), revision: num(m[3]) };
  m = SEND_BACK.exec(text);
  if (m && (m[4] !== undefined || /^(send ?back)/i.test(text)))
    return { kind: 'sendBack', ref: m[1] ?? '', period: opt(m[2]), revision: num(m[3]), comment: said(m[4]) };
  m = REVIEW.exec(text);
  if (m) return { kind: 'review', ref: m[1] ?? '', period: opt(m[2]) };
  m = HISTORY.exec(text);
  if (m) return { kind: 'history', ref: m[1] ?? '', period: opt(m[2]) };
  m = REOPEN_RETURN.exec(text);
  if (m) return { kind: 'reopenReturn', ref: m[1] ?? '', period: opt(m[2]), reason: said(m[3]) };
  m = REOPEN_PERIOD.exec(text);
  if (m && PERIODISH.test(m[1] ?? ''))
    return { kind: 'reopenPeriod', period: (m[1] ?? '').trim(), reason: said(m[2]) };
  m = CLOSE_PERIOD.exec(text);
  if (m && PERIODISH.test(m[1] ?? ''))
    return { kind: 'closePeriod', period: (m[1] ?? '').trim(), reason: said(m[2]) };
  return null;
}
