// "Overdue by agency": of the quarter's returns, how many each agency has sent, and under each the owners
// with what they still owe; the returns still late from earlier periods are named in the intro.
import {
  agencyLine,
  completenessByAgency,
  outstandingText,
  ownerLine,
  quarterObligations,
  tallyOf,
  tallyText,
} from '../../domain/agency-completeness.js';
import { isLate } from '../../domain/partnership-calendar.js';
import { readPartnershipView } from '../../app/partnership-view.js';
import { dashboardPeriod } from '../../reports/dashboard-period.js';
import type { Ctx } from '../handler-context.js';
import type { ListSection, Reply } from '../reply.js';
import { personName } from '../status-view.js';

export async function overdueByAgency(ctx: Ctx, periodText: string | null): Promise<Reply[]> {
  const { turn } = ctx;
  const { cal, partnership: p } = turn;
  const view = await readPartnershipView(ctx.deps.db, cal, p, turn.today);
  const asked = dashboardPeriod(cal, view.calendar, periodText ?? undefined);
  if (!asked.ok) return [{ kind: 'text', text: asked.error }];
  const quarter = asked.value;
  const label = cal.format(quarter);
  const owed = quarterObligations(cal, view.calendar, p.measures, quarter);
  if (owed.length === 0)
    return [
      { kind: 'text', text: `No returns are owed for ${label} yet: its data does not exist until it ends.` },
    ];
  const sections: ListSection[] = completenessByAgency(owed, p.people).map((a) => ({
    heading: agencyLine(a),
    items: a.owners.map((o) => ({
      text: ownerLine(o),
      detail:
        o.outstanding.length > 0 ? o.outstanding.map((x) => outstandingText(cal, x)).join('\n') : 'all in',
      rag: null,
      button: null,
    })),
  }));
  // Late returns of earlier periods are not the quarter's, but a coordinator chasing agencies wants them.
  const earlier = view
    .obligations()
    .filter((o) => isLate(o, turn.today) && o.ends < cal.start(quarter))
    .map((o) => `${o.ref} ${cal.format(o.period)} (${personName(turn, o.owner) ?? o.owner})`);
  const intro = [
    `The returns owed for ${label}, by the agency of each measure's owner, least complete first.`,
    earlier.length > 0 ? `Still missing from earlier: ${earlier.join(', ')}.` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return [
    {
      kind: 'list',
      title: `Returns by agency, ${label}: ${tallyText(tallyOf(owed))}`,
      intro,
      sections,
      buttons: [{ label: 'Who is missing?', say: 'overdue' }],
    },
  ];
}
