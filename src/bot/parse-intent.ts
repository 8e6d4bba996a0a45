// Turns what someone typed into an intent. Tolerant of case, punctuation, a trailing "?", and periods
// written before or after the measure ("status 2.2 Q3", "Q3 2015/16 status of 2.2").
import { reviewIntent, type ReviewIntent } from './parse-review-intent.js';
import { closest, knownPhrase, rephrase, SURE, type PhraseKind, type RelativePeriods } from './phrasings.js';
import { DOTTED_REF_TEXT, isRef, REF_TEXT } from './ref-pattern.js';

export type Intent =
  | { kind: 'status'; ref: string; period: string | null }
  | { kind: 'search'; words: string; period: string | null }
  | { kind: 'exceptions'; period: string | null }
  | { kind: 'summary'; period: string | null; post: boolean }
  | { kind: 'dashboard'; period: string | null }
  | { kind: 'overdue' }
  | { kind: 'overdueByAgency'; period: string | null }
  | { kind: 'myReturns' }
  | { kind: 'submit'; ref: string | null; period: string | null }
  | { kind: 'help' }
  | { kind: 'greeting' }
  | { kind: 'unknown'; text: string }
  | OverrideIntent
  | ReviewIntent
  | ReminderIntent;

/** A coordinator's or the chair's status override: "override 2.2 to amber because …", "clear override 2.2". */
export type OverrideIntent =
  | { kind: 'override'; ref: string; period: string | null; rag: string; reason: string | null }
  | { kind: 'clearOverride'; ref: string; period: string | null; reason: string | null };

/** Reminder requests: snoozes, "not available until", delegation, and the coordinators' controls. */
export type ReminderIntent =
  | { kind: 'snooze'; ref: string | null; when: string }
  | {
      kind: 'notAvailableUntil';
      ref: string | null;
      period: string | null;
      when: string;
      reason: string | null;
    }
  | { kind: 'delegate'; ref: string; to: string | null }
  | { kind: 'remindNow'; ref: string | null }
  | { kind: 'pauseReminders' }
  | { kind: 'resumeReminders' }
  /** Withdraws the web form links of a measure or of a person ("revoke links 6.3", "revoke links Joanne"). */
  | { kind: 'revokeLinks'; ref: string | null; person: string | null };

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const PERIOD_WORD = new RegExp(
  `^(q\\d{1,2}|quarter|fy|fy\\d{2,4}([/-]\\d{2,4})?|\\d{4}([/-]\\d{2,4})?|\\d{2}/\\d{2}|${MONTH}(-${MONTH})?)$`,
  'i',
);

/** Splits trailing/leading period words from the rest: "2.2 Q3 2015/16" → ["2.2", "Q3 2015/16"]. */
export function splitPeriod(text: string): { rest: string; period: string | null } {
  const words = text.split(/\s+/).filter(Boolean);
  const kept: string[] = [];
  const period: string[] = [];
  for (const w of words) {
    if (PERIOD_WORD.test(w) && !isRef(w)) period.push(w);
    else if (/^[1-4]$/.test(w) && period[period.length - 1]?.toLowerCase() === 'quarter') period.push(w);
    else kept.push(w);
  }
  const said = period.join(' ').replace(/\bq(\d)/g, 'Q$1');
  return { rest: kept.join(' '), period: period.length > 0 ? said : null };
}

function normalise(text: string): string {
  return text
    .replace(/<at>.*?<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[?!]+/g, ' ')
    .replace(/[,;:]+(?=\s|$)/g, ' ')
    .replace(/\.+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const NOT_AVAILABLE = new RegExp(
  `^(?:(${REF_TEXT})\\s+)?(?:is\\s+)?not available(?:\\s+for)?(?:\\s+(${REF_TEXT}))?(?:\\s+(.+?))?\\s+(?:until|till|from)\\s+(.+?)` +
    `(?:(?:\\s*[:;,]\\s*|\\s+[–-]\\s+|\\s+because\\s+|\\s+as\\s+)(.+))?$`,
  'i',
);
const SNOOZE = new RegExp(`^(?:remind me|snooze)\\b(.*)$`);
/** "about 2.2", "for 2.2", "2.2"; a reference without a dot only after "about" ("remind me in 2 days"). */
const ABOUT_REF = new RegExp(
  `\\b(?:(?:about|for)\\s+)?(${DOTTED_REF_TEXT})|\\babout\\s+(${REF_TEXT})(?!\\s+(?:days?|weeks?|hours?|minutes?|mins?|months?)\\b)`,
);

function snoozeIntent(text: string): ReminderIntent | null {
  const m = SNOOZE.exec(text);
  if (!m) return null;
  const rest = m[1] ?? '';
  const about = ABOUT_REF.exec(rest);
  const ref = about?.[1] ?? about?.[2] ?? null;
  const when = rest
    .replace(ABOUT_REF, ' ')
    .replace(/^\s*(again|later)\b/, ' ')
    .trim();
  return { kind: 'snooze', ref, when: when === '' ? 'tomorrow' : when };
}

/** "not available until 24 May: the NHS data is late", read from the raw text so the reason keeps its case. */
function notAvailableIntent(raw: string): ReminderIntent | null {
  const m = NOT_AVAILABLE.exec(
    raw
      .replace(/<at>.*?<\/at>/gi, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  if (!m) return null;
  return {
    kind: 'notAvailableUntil',
    ref: m[1] ?? m[2] ?? null,
    period: m[3]?.trim() || null,
    when: (m[4] ?? '').replace(/[.!]+$/, ''),
    reason: m[5]?.trim().replace(/^["“]|["”]$/g, '') || null,
  };
}

function reminderIntent(raw: string, text: string): ReminderIntent | null {
  if (/^(pause|stop|suspend)( all)? reminders$/.test(text)) return { kind: 'pauseReminders' };
  if (/^(resume|restart|unpause|start)( all)? reminders$/.test(text)) return { kind: 'resumeReminders' };
  const nudge = new RegExp(`^(?:remind|chase|nudge) (all|everyone|everybody|${REF_TEXT})(?: now)?$`).exec(
    text,
  );
  if (nudge) return { kind: 'remindNow', ref: /^\d/.test(nudge[1] ?? '') ? (nudge[1] ?? null) : null };
  const delegate = new RegExp(`^delegate (${REF_TEXT}) to (.+)$`).exec(text);
  if (delegate) return { kind: 'delegate', ref: delegate[1] ?? '', to: delegate[2] ?? '' };
  const back = new RegExp(`^(?:undelegate|take back|cancel delegation(?: of| for)?) (${REF_TEXT})$`).exec(
    text,
  );
  if (back) return { kind: 'delegate', ref: back[1] ?? '', to: null };
  const revoke =
    /^(?:revoke|withdraw|cancel) (?:the |all )?(?:form |email |return )?links? (?:for |of |to |sent to )?(.+)$/.exec(
      text,
    );
  if (revoke) {
    const said = revoke[1] ?? '';
    return new RegExp(`^${REF_TEXT}$`).test(said)
      ? { kind: 'revokeLinks', ref: said, person: null }
      : { kind: 'revokeLinks', ref: null, person: said };
  }
  return snoozeIntent(text) ?? notAvailableIntent(raw);
}

const OVERRIDE = new RegExp(
  `^override\\s+(?:the\\s+)?(?:status\\s+)?(?:of\\s+|for\\s+)?(${REF_TEXT})\\s*(.*?)\\s+(?:to|as)\\s+([a-z]+)` +
    `(?:(?:\\s*[:;,.]\\s*|\\s+[–-]\\s+|\\s+because\\s+|\\s+as\\s+|\\s+)(.+))?$`,
  'i',
);
const CLEAR_OVERRIDE = new RegExp(
  `^(?:clear|remove|cancel|delete|drop|undo)\\s+(?:the\\s+)?override(?:\\s+(?:on|of|for))?\\s+(${REF_TEXT})\\s*(.*?)` +
    `(?:(?:\\s*[:;,]\\s*|\\s+[–-]\\s+|\\s+because\\s+)(.+))?$`,
  'i',
);

/** Read from the raw text so the reason keeps its case. */
function overrideIntent(raw: string): OverrideIntent | null {
  const text = raw
    .replace(/<at>.*?<\/at>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const reason = (r: string | undefined) => r?.trim().replace(/^["“]|["”.]$/g, '') || null;
  const set = OVERRIDE.exec(text);
  if (set)
    return {
      kind: 'override',
      ref: set[1] ?? '',
      period: set[2]?.trim() || null,
      rag: (set[3] ?? '').toLowerCase(),
      reason: reason(set[4]),
    };
  const clear = CLEAR_OVERRIDE.exec(text);
  if (clear)
    return {
      kind: 'clearOverride',
      ref: clear[1] ?? '',
      period: clear[2]?.trim() || null,
      reason: reason(clear[3]),
    };
  return null;
}

/** `relative`: what "last quarter" and "last year" mean today (the conversation knows; tests may leave it out). */
export function parseIntent(raw: string, relative?: RelativePeriods): Intent {
  const review = reviewIntent(raw);
  if (review) return review;
  const override = overrideIntent(raw);
  if (override) return override;
  const reminder = reminderIntent(raw, normalise(raw));
  if (reminder) return reminder;
  if (/^(hi|hello|hey|morning|good (morning|afternoon))( there| bot| all| everyone)?$/.test(normalise(raw)))
    return { kind: 'greeting' };
  const { rest, period } = splitPeriod(rephrase(normalise(raw), relative));
  // "status of 2.2 in Q3": the little word the period leaves behind.
  const text = period ? rest.replace(/ (?:in|for|during|over|of|at)$/, '') : rest;
  if (text === '') return period ? { kind: 'unknown', text: raw.trim() } : { kind: 'help' };
  const summary = /^(post )?(?:the )?(weekly |quarterly )?summary$/.exec(text);
  if (summary) {
    const quarter = summary[2] === 'quarterly ' ? 'quarter' : null;
    return { kind: 'summary', period: period ?? quarter, post: Boolean(summary[1]) };
  }
  const phrased = listIntent(text.replace(/^the /, ''), period);
  if (phrased) return phrased;
  if (/^(help|\?|what can you do|commands|how does this work)\b/.test(text)) return { kind: 'help' };
  if (/^(hi|hello|hey|morning|good (morning|afternoon))\b/.test(text)) return { kind: 'greeting' };
  let m = /^(submit|return|report|update|enter)( (a )?return( for)?)?\b(.*)$/.exec(text);
  if (m) {
    const ref = (m[5] ?? '').trim().split(' ')[0] ?? '';
    return { kind: 'submit', ref: ref === '' ? null : ref, period };
  }
  m =
    /^(?:what(?:'s| is) the )?status(?: of| for)?\b(.*)$/.exec(text) ??
    /^(?:what(?: is| are)) (.+?) looking like$/.exec(text) ??
    /^(?:what about|tell me about|about) (.+)$/.exec(text) ??
    /^(.+?) status$/.exec(text) ??
    // Trends: every status gives the direction of travel against last year.
    /^(?:is|are) (.+?) (?:getting|going|trending|doing) (?:worse|better|up|down|well|badly)$/.exec(text) ??
    /^(?:trends?|direction of travel)(?: (?:of|for|in|on))? (.+)$/.exec(text) ??
    /^(?:show(?: me)?|how(?:'s| is| are)?)\s+(.*?)(?: doing| going| looking)?$/.exec(text);
  if (m) return statusOrSearch(m[1] ?? '', period);
  if (isRef(text)) return { kind: 'status', ref: text, period };
  // A typo or near miss of a known question ("exeptions", "dashbaord"), read as meant when it is close.
  const near = closest(text, 1)[0];
  if (near && near.score <= SURE) return phraseIntent(near.kind, period);
  return { kind: 'unknown', text: raw.trim() };
}

/** A question that names no measure, in one of its known phrasings. */
function listIntent(text: string, period: string | null): Intent | null {
  const kind = knownPhrase(text);
  return kind ? phraseIntent(kind, period) : null;
}

function phraseIntent(kind: PhraseKind, period: string | null): Intent {
  switch (kind) {
    case 'exceptions':
    case 'dashboard':
    case 'overdueByAgency':
      return { kind, period };
    case 'summary':
      return { kind, period, post: false };
    case 'overdue':
    case 'myReturns':
    case 'help':
    case 'greeting':
      return { kind };
    default: {
      const never: never = kind;
      throw new Error(`unknown phrase kind ${String(never)}`);
    }
  }
}

function statusOrSearch(tail: string, period: string | null): Intent {
  const words = tail
    .trim()
    .replace(/^(of|for|on)\s+/, '')
    .replace(/\s+(doing|going|looking)$/, '')
    .trim();
  if (words === '') return { kind: 'help' };
  if (isRef(words)) return { kind: 'status', ref: words, period };
  return { kind: 'search', words, period };
}
