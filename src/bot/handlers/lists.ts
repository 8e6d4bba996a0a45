// The lists: exceptions (red and amber now), overdue returns by owner, and "my returns".
import { formatFigure } from '../../domain/format-figure.js';
import type { Obligation } from '../../domain/obligations.js';
import type { Period } from '../../domain/period.js';
import { readPartnershipView } from '../../app/partnership-view.js';
import { listOutbox } from '../../store/outbox-store.js';
import type { ListSection, Reply } from '../reply.js';
import type { Ctx } from '../return-form/return-actions.js';
import { personName } from '../status-view.js';

export async function exceptions(ctx: Ctx, periodText: string | null): Promise<Reply[]> {
  const { turn } = ctx;
  const view = await readPartnershipView(ctx.deps.db, turn.cal, turn.partnership, turn.today);
  let at: Period | null = null;
  if (periodText) {
    const parsed = turn.cal.parse(periodText, { defaultYear: view.year });
    if (!parsed.ok) return [{ kind: 'text', text: parsed.error }];
    at = parsed.value;
  }
  const statuses = turn.partnership.measures
    .filter((m) => !at || turn.cal.periodsWithin(at, m.frequency) !== null)
    .map((m) => (at ? view.statusAt(m, at) : view.latestStatus(m)))
    .filter((s) => s.finalRag === 'red' || s.finalRag === 'amber');
  const when = at ? turn.cal.format(at) : 'latest returns';
  if (statuses.length === 0)
    return [
      {
        kind: 'text',
        text: `No red or amber measures (${when}).`,
        buttons: [{ label: 'Overdue returns', say: 'overdue' }],
      },
    ];
  const sections: ListSection[] = turn.partnership.themes
    .map((t) => ({
      heading: t.name,
      items: statuses
        .filter((s) => s.theme === t.id)
        .sort((a, b) => (a.finalRag === b.finalRag ? 0 : a.finalRag === 'red' ? -1 : 1))
        .map((s) => ({
          text: `${s.ref} ${s.title} (${turn.cal.format(s.period)})`,
          detail: [
            `YTD ${formatFigure(s.headline.ytd, s.unit)}`,
            s.headline.targetToDate !== null
              ? `target ${formatFigure(s.headline.targetToDate, s.unit)}`
              : null,
            s.override ? `override: ${s.override.reason}` : null,
            s.latest?.narrative ? s.latest.narrative.slice(0, 200) : null,
          ]
            .filter(Boolean)
            .join(' · '),
          rag: s.finalRag,
          button: { label: 'Status', say: `status of ${s.ref} ${turn.cal.format(s.period)}` },
        })),
    }))
    .filter((s) => s.items.length > 0);
  const reds = statuses.filter((s) => s.finalRag === 'red').length;
  return [
    {
      kind: 'list',
      title: `Exceptions: ${reds} red, ${statuses.length - reds} amber`,
      intro: `Red and amber measures, ${when}.`,
      sections,
    },
  ];
}

function dueText(o: Obligation): string {
  return o.state === 'overdue' ? `overdue since ${o.due}` : o.state === 'due' ? `due ${o.due}` : 'received';
}

export async function overdue(ctx: Ctx): Promise<Reply[]> {
  const { turn } = ctx;
  const view = await readPartnershipView(ctx.deps.db, turn.cal, turn.partnership, turn.today);
  const missing = view.obligations().filter((o) => o.state !== 'received');
  const year = turn.cal.format({ kind: 'year', year: view.year });
  if (missing.length === 0) return [{ kind: 'text', text: `Every return due so far in ${year} is in.` }];
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
  if (turn.person.role === 'coordinator') sections.push(...(await undelivered(ctx)));
  const late = missing.filter((o) => o.state === 'overdue').length;
  return [
    {
      kind: 'list',
      title: `Returns missing for ${year}: ${late} overdue, ${missing.length - late} due`,
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

export async function myReturns(ctx: Ctx): Promise<Reply[]> {
  const { turn } = ctx;
  const mine = turn.partnership.measures.filter((m) => m.owner === turn.person.id);
  if (mine.length === 0)
    return [
      {
        kind: 'text',
        text: `You own no measures in ${turn.partnership.settings.name}, so you owe no returns.`,
      },
    ];
  const view = await readPartnershipView(ctx.deps.db, turn.cal, turn.partnership, turn.today);
  const owed = view.obligations().filter((o) => o.owner === turn.person.id);
  const open = owed.filter((o) => o.state !== 'received');
  const items = (list: Obligation[], owed: boolean) =>
    list.map((o) => ({
      text: `${o.ref} ${mine.find((m) => m.ref === o.ref)?.title ?? ''} — ${turn.cal.format(o.period)}`,
      detail: dueText(o),
      rag: null,
      button: owed
        ? { label: 'Submit', say: `submit ${o.ref} ${turn.cal.format(o.period)}` }
        : { label: 'Status', say: `status of ${o.ref} ${turn.cal.format(o.period)}` },
    }));
  const sections: ListSection[] = [];
  if (open.length > 0) sections.push({ heading: 'To submit', items: items(open, true) });
  const latest = new Map(owed.filter((o) => o.state === 'received').map((o) => [o.ref, o]));
  const received = [...latest.values()];
  if (received.length > 0) sections.push({ heading: 'Received', items: items(received, false) });
  const title =
    open.length === 0
      ? 'You are up to date: nothing owed'
      : `You owe ${open.length} return${open.length === 1 ? '' : 's'}`;
  return [{ kind: 'list', title, intro: `Your measures: ${mine.map((m) => m.ref).join(', ')}.`, sections }];
}
