// The lists: exceptions (red and amber now, built by reports/exception-report.ts), overdue returns by
// owner, and "my returns" (with, for approvers, the returns awaiting their sign-off).
import { isIn, isLate, isMissing, type Obligation } from '../../domain/partnership-calendar.js';
import { dueText } from '../../domain/period-state-text.js';
import { formatPlanYears } from '../../domain/reporting-calendar.js';
import type { Period } from '../../domain/period.js';
import { readPartnershipView } from '../../app/partnership-view.js';
import {
  clip,
  exceptionFigures,
  exceptionReport,
  exceptionTrend,
  figureFormatter,
  type ExceptionItem,
} from '../../reports/exception-report.js';
import { listOutbox } from '../../store/outbox-store.js';
import { may, SENSITIVE_COMMENTARY } from '../actor-of.js';
import { submitSay, type ListSection, type Reply } from '../reply.js';
import type { Ctx } from '../handler-context.js';
import { personName } from '../status-view.js';
import { awaitingApproval } from './approvals.js';

export async function exceptions(ctx: Ctx, periodText: string | null): Promise<Reply[]> {
  const { turn } = ctx;
  const view = await readPartnershipView(ctx.deps.db, turn.cal, turn.partnership, turn.today);
  let at: Period | null = null;
  if (periodText) {
    const parsed = turn.cal.parse(periodText, { defaultYear: view.year });
    if (!parsed.ok) return [{ kind: 'text', text: parsed.error }];
    at = parsed.value;
  }
  const report = exceptionReport({
    cal: turn.cal,
    themes: turn.partnership.themes,
    measures: turn.partnership.measures,
    statusOf: (m) =>
      !at ? view.latestStatus(m) : turn.cal.periodsWithin(at, m.frequency) ? view.statusAt(m, at) : null,
    statusAt: view.statusAt,
  });
  const when = at ? turn.cal.format(at) : 'latest returns';
  if (report.red + report.amber === 0)
    return [
      {
        kind: 'text',
        text: `No red or amber measures (${when}).`,
        buttons: [{ label: 'Overdue returns', say: 'overdue' }],
      },
    ];
  const sections: ListSection[] = report.themes.map((t) => ({
    heading: t.name,
    items: t.items.map((x) => exceptionLine(ctx, x)),
  }));
  return [
    {
      kind: 'list',
      title: `Exceptions: ${report.red} red, ${report.amber} amber`,
      intro: `Red and amber measures, ${when}: figures, direction of travel and the owner's commentary.`,
      sections,
    },
  ];
}

/** Commentary is the owner's words: long enough to read, short enough for a list. */
const COMMENT_CHARS = 400;

function exceptionLine(ctx: Ctx, x: ExceptionItem): ListSection['items'][number] {
  const { turn } = ctx;
  const period = turn.cal.format(x.period);
  // A list asked for in chat may be read in a channel: small counts of sensitive measures stay hidden.
  const show = figureFormatter(x.measure, turn.partnership.settings.smallNumberThreshold, true);
  const full = !x.measure.sensitive || may(turn, 'return.readFull', x.measure);
  const owner = personName(turn, x.measure.owner);
  const override = x.override
    ? `override: ${x.override.reason} (computed ${x.computed.rag}: ${x.computed.label}; set by ${personName(turn, x.override.by) ?? x.override.by})`
    : null;
  return {
    text: `${x.measure.ref} ${x.measure.title} (${period})`,
    detail: [
      exceptionFigures(x, show),
      exceptionTrend(x),
      override,
      !full
        ? SENSITIVE_COMMENTARY
        : x.narrative
          ? `${owner ?? 'Owner'}: ${clip(x.narrative, COMMENT_CHARS)}`
          : 'No commentary given.',
      full && x.correctiveAction ? `Corrective action: ${clip(x.correctiveAction, COMMENT_CHARS)}` : null,
    ]
      .filter(Boolean)
      .join('\n'),
    rag: x.rag,
    button: { label: 'Status', say: `status of ${x.measure.ref} ${period}` },
  };
}

export async function overdue(ctx: Ctx): Promise<Reply[]> {
  const { turn } = ctx;
  const view = await readPartnershipView(ctx.deps.db, turn.cal, turn.partnership, turn.today);
  const missing = view.obligations().filter((o) => isLate(o, turn.today));
  const { calendar } = view;
  const years = calendar.liveYears.map((y) => turn.cal.format({ kind: 'year', year: y }));
  const year = years.length === 0 ? '' : years.join(' and ');
  if (missing.length === 0)
    return [
      {
        kind: 'text',
        text:
          years.length > 0
            ? `Every return due so far in ${year} is in.`
            : `Nothing is owed: the plan covers ${calendar.years ? formatPlanYears(turn.cal, calendar.years) : 'no years'}.`,
      },
    ];
  const owners = [...new Set(missing.map((o) => o.owner))];
  const sections: ListSection[] = owners.map((owner) => ({
    heading: personName(turn, owner) ?? owner,
    items: missing
      .filter((o) => o.owner === owner)
      .map((o) => ({
        text: `${o.ref} ${turn.cal.format(o.period)}`,
        detail: dueText(o),
        rag: null,
        button: null,
      })),
  }));
  if (may(turn, 'reminders.nudge')) sections.push(...(await undelivered(ctx)));
  const late = missing.filter((o) => o.state === 'overdue').length;
  const awaiting = missing.filter((o) => o.state === 'awaitingData').length;
  const counts = [`${late} overdue`, `${missing.length - late - awaiting} due`];
  if (awaiting > 0) counts.push(`${awaiting} awaiting data past the date given`);
  return [
    {
      kind: 'list',
      title: `Returns missing for ${year}: ${counts.join(', ')}`,
      intro: null,
      sections,
    },
  ];
}

/** For coordinators: reminders the outbox gave up on (user not found, bot removed), to chase by hand. */
async function undelivered(ctx: Ctx): Promise<ListSection[]> {
  const { turn } = ctx;
  const failed = await listOutbox(ctx.deps.db, 'failed', 20, turn.partnership.id);
  if (failed.length === 0) return [];
  return [
    {
      heading: 'Reminders that could not be delivered',
      items: failed.map((r) => ({
        text: `${personName(turn, r.recipient) ?? r.recipient}: ${[r.ref, r.period].filter(Boolean).join(' ') || r.kind}`,
        detail: r.lastError,
        rag: null,
        button: null,
      })),
    },
  ];
}

const returnsText = (n: number) => `${n} return${n === 1 ? '' : 's'}`;

export async function myReturns(ctx: Ctx): Promise<Reply[]> {
  const { turn } = ctx;
  const mine = turn.partnership.measures.filter((m) => m.owner === turn.person.id);
  // Approvers (coordinators, a theme's approver) also see what waits for their sign-off.
  const waiting = (await awaitingApproval(ctx)) ?? [];
  const toApprove: ListSection[] =
    waiting.length > 0 ? [{ heading: 'Awaiting your approval', items: waiting }] : [];
  const ownsNone = `You own no measures in ${turn.partnership.settings.name}, so you owe no returns.`;
  if (mine.length === 0 && waiting.length === 0) return [{ kind: 'text', text: ownsNone }];
  if (mine.length === 0)
    return [
      {
        kind: 'list',
        title: `${returnsText(waiting.length)} awaiting your approval`,
        intro: ownsNone,
        sections: toApprove,
      },
    ];
  const view = await readPartnershipView(ctx.deps.db, turn.cal, turn.partnership, turn.today);
  const owed = view.obligations().filter((o) => o.owner === turn.person.id);
  const open = owed.filter(isMissing);
  const awaitingData = owed.filter((o) => o.state === 'awaitingData');
  const items = (list: Obligation[], owed: boolean) =>
    list.map((o) => ({
      text: `${o.ref} ${mine.find((m) => m.ref === o.ref)?.title ?? ''} — ${turn.cal.format(o.period)}`,
      detail: dueText(o),
      rag: null,
      button: owed
        ? { label: 'Submit', say: submitSay(o.ref, turn.cal.format(o.period)) }
        : { label: 'Status', say: `status of ${o.ref} ${turn.cal.format(o.period)}` },
    }));
  const sections: ListSection[] = [];
  if (open.length > 0) sections.push({ heading: 'To submit', items: items(open, true) });
  if (awaitingData.length > 0) sections.push({ heading: 'Awaiting data', items: items(awaitingData, true) });
  sections.push(...toApprove);
  const latest = new Map(owed.filter(isIn).map((o) => [o.ref, o]));
  const received = [...latest.values()];
  if (received.length > 0) sections.push({ heading: 'Received', items: items(received, false) });
  const title =
    open.length === 0 ? 'You are up to date: nothing owed' : `You owe ${returnsText(open.length)}`;
  const approve = waiting.length > 0 ? ` ${returnsText(waiting.length)} await your approval.` : '';
  const intro = `Your measures: ${mine.map((m) => m.ref).join(', ')}.${approve}`;
  return [{ kind: 'list', title, intro, sections }];
}
