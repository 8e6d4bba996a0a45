// A weekly or quarterly summary as a list: what came in, new or changed exceptions with their
// narrative, what cleared, who still owes what, and the RAG distribution chart. The same words in the
// partnership channel and in a chat with the person who asked.
import { agencyLine, ownerLine } from '../domain/agency-completeness.js';
import type { Rag } from '../domain/plan-schema.js';
import { longDate } from '../domain/reminders/reminder-time.js';
import type { Summary, SummaryException, SummaryOwed, SummaryReturn } from '../domain/summary-payload.js';
import type { ListSection, Reply } from './reply.js';

/** Enough to read at a glance; the rest is one "exceptions" or "overdue" away. */
const RECEIVED_SHOWN = 12;

const RAG_WORDS: Record<Rag, string> = { red: 'red', amber: 'amber', green: 'green', none: 'no RAG' };
const isRedOrAmber = (rag: Rag) => rag === 'red' || rag === 'amber';
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function distributionText(s: Summary): string {
  const d = s.distribution;
  return `RAG ${s.scope === 'week' ? 'now' : `for ${s.label}`}: ${d.red} red, ${d.amber} amber, ${d.green} green, ${d.none} with no RAG.`;
}

const andList = (xs: string[]) =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

/** "2015/16 Q3 and Q4", "2014/15 Q4; 2015/16 Q1 and Q2": each year said once. */
function periodsText(periods: string[]): string {
  const years = new Map<string, string[]>();
  for (const p of periods) {
    const [year = p, rest] = p.split(' ');
    years.set(year, [...(years.get(year) ?? []), ...(rest ? [rest] : [])]);
  }
  return [...years].map(([year, parts]) => (parts.length ? `${year} ${andList(parts)}` : year)).join('; ');
}

function receivedSection(s: Summary): ListSection[] {
  if (s.received.length === 0) return [];
  const line = (r: SummaryReturn) => ({
    text: `${r.ref} ${r.title} — ${periodsText(r.periods)}`,
    detail: [r.notAvailable ? 'not available yet' : null, r.revised ? 'revised' : null, r.by, longDate(r.on)]
      .filter(Boolean)
      .join(' · '),
    rag: r.notAvailable ? null : r.rag,
    button: null,
  });
  const items = s.received.slice(0, RECEIVED_SHOWN).map(line);
  const more = s.received.length - items.length;
  if (more > 0)
    items.push({ text: `… and ${plural(more, 'more measure')}`, detail: '', rag: null, button: null });
  return [{ heading: `Received since ${longDate(s.from)}`, items }];
}

/** "Worse: amber in 2015/16 Q3", "New: green a week ago", "New" (no RAG a week ago). */
function changeText(x: SummaryException): string | null {
  if (!x.was) return null;
  const when = x.was.period === x.period ? 'a week ago' : `in ${x.was.period}`;
  if (x.was.rag === 'none') return 'New';
  if (!isRedOrAmber(x.was.rag)) return `New: ${RAG_WORDS[x.was.rag]} ${when}`;
  return `${x.was.rag === 'red' ? 'Better' : 'Worse'}: ${RAG_WORDS[x.was.rag]} ${when}`;
}

function exceptionDetail(x: SummaryException): string {
  return [
    [changeText(x), x.label].filter(Boolean).join(' · '),
    x.figures,
    x.trend,
    x.override ? `Override to ${RAG_WORDS[x.override.rag]}: ${x.override.reason}` : null,
    x.narrative ? `Comment: ${x.narrative}` : null,
    x.correctiveAction ? `Action: ${x.correctiveAction}` : null,
  ]
    .filter(Boolean)
    .join('\n');
}

function exceptionSections(s: Summary): ListSection[] {
  const item = (x: SummaryException) => ({
    text: `${x.ref} ${x.title} — ${x.period}`,
    detail: exceptionDetail(x),
    rag: x.rag,
    button: { label: 'Status', say: `status of ${x.ref} ${x.period}` },
  });
  if (s.scope === 'week')
    return s.exceptions.length > 0
      ? [{ heading: 'New or changed exceptions', items: s.exceptions.map(item) }]
      : [];
  const themes = [...new Set(s.exceptions.map((x) => x.theme))];
  return themes.map((theme) => ({
    heading: `Red and amber: ${theme}`,
    items: s.exceptions.filter((x) => x.theme === theme).map(item),
  }));
}

function clearedSection(s: Summary): ListSection[] {
  if (s.cleared.length === 0) return [];
  return [
    {
      heading: 'No longer red or amber',
      items: s.cleared.map((c) => ({
        text: `${c.ref} ${c.title}`,
        detail: `was ${RAG_WORDS[c.was]}, now ${c.label}`,
        rag: c.rag,
        button: null,
      })),
    },
  ];
}

function owedSections(owed: SummaryOwed[]): ListSection[] {
  return owed.map((o) => ({
    heading: `Waiting for ${o.owner}`,
    items: o.items.map((i) => ({
      text: `${i.ref} ${i.title} — ${i.period}`,
      detail: i.overdue ? `overdue since ${longDate(i.due)}` : `due ${longDate(i.due)}`,
      rag: null,
      button: null,
    })),
  }));
}

/** Completeness by agency: each agency's count, and under it the owners still owing, with what. */
function agencySection(s: Summary): ListSection[] {
  const report = s.agencies;
  if (!report || report.agencies.length === 0) return [];
  const owing = (o: NonNullable<Summary['agencies']>['agencies'][number]['owners'][number]) => [
    ownerLine(o),
    ...o.missing.map((m) => `– ${m}`),
  ];
  return [
    {
      heading: `Completeness by agency, ${report.period}`,
      items: report.agencies.map((a) => ({
        text: agencyLine(a),
        detail:
          a.owners
            .filter((o) => o.missing.length > 0)
            .flatMap(owing)
            .join('\n') || null,
        rag: null,
        button: null,
      })),
    },
  ];
}

/** Figures in the summary that nobody has signed off yet. */
function unapprovedSection(s: Summary): ListSection[] {
  const items = s.unapproved ?? [];
  if (items.length === 0) return [];
  return [
    {
      heading: 'Figures not yet approved',
      items: items.map((u) => ({
        text: `${u.ref} ${u.title} — ${u.period}`,
        detail: u.state,
        rag: null,
        button: null,
      })),
    },
  ];
}

const returnsIn = (s: Summary) => s.received.reduce((n, r) => n + r.periods.length, 0);

function weeklyIntro(s: Summary): string {
  const open = s.outstanding.flatMap((o) => o.items);
  const late = open.filter((i) => i.overdue).length;
  return [
    s.received.length > 0
      ? `${plural(returnsIn(s), 'return')} for ${plural(s.received.length, 'measure')} came in since ${longDate(s.from)}.`
      : `No returns came in since ${longDate(s.from)}.`,
    open.length > 0
      ? `${plural(open.length, 'return')} still outstanding, ${late} overdue.`
      : 'Every return due is in.',
    s.exceptions.length > 0
      ? `${plural(s.exceptions.length, 'new or changed exception')}.`
      : 'No new or changed exceptions.',
    distributionText(s),
  ].join(' ');
}

function quarterIntro(s: Summary): string {
  const owed = s.returnsIn ?? { received: 0, expected: 0 };
  const missing = owed.expected - owed.received;
  const returns =
    missing === 0
      ? `All ${plural(owed.expected, 'return')} for ${s.label} are in.`
      : `${owed.received} of ${plural(owed.expected, 'return')} for ${s.label} are in; ${missing} still missing.`;
  const reds = s.exceptions.filter((x) => x.rag === 'red').length;
  return `${returns} ${reds} red and ${s.exceptions.length - reds} amber. ${distributionText(s)}`;
}

export function summaryReply(s: Summary): Reply {
  const week = s.scope === 'week';
  return {
    kind: 'list',
    title: week
      ? `Weekly summary: ${s.partnership}, week to ${longDate(s.to)}`
      : `Quarter summary: ${s.partnership}, ${s.label}`,
    intro: week ? weeklyIntro(s) : quarterIntro(s),
    ...(s.chart ? { image: s.chart } : {}),
    sections: [
      ...(week ? receivedSection(s) : []),
      ...exceptionSections(s),
      ...clearedSection(s),
      ...agencySection(s),
      ...owedSections(s.outstanding),
      ...unapprovedSection(s),
    ],
    buttons: [
      { label: 'Exceptions', say: week ? 'exceptions' : `exceptions ${s.label}` },
      { label: 'Who is missing?', say: 'overdue' },
    ],
  };
}
