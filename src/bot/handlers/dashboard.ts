// "dashboard" / "dashboard 2015/16 Q4": a coordinator gets signed, expiring links to download the board
// dashboard (the Word board paper, the workbook, the printable page, the CSV); anyone else is told who can.
import { buildDashboard } from '../../reports/dashboard.js';
import { ragSummary } from '../../reports/dashboard-rag.js';
import { FORMAT_INFO, type DashboardFormat } from '../../reports/dashboard-format-info.js';
import { may } from '../actor-of.js';
import type { Reply } from '../reply.js';
import type { Ctx } from '../handler-context.js';

/** The formats offered, with their buttons' labels: short enough for a button in Teams and Slack. */
const OFFERED: [DashboardFormat, string][] = [
  ['docx', 'Word board paper'],
  ['xlsx', 'Excel workbook'],
  ['html', 'Web page'],
  ['csv', 'CSV for analysts'],
];

export async function dashboardLinks(ctx: Ctx, periodText: string | null): Promise<Reply[]> {
  const { turn, deps } = ctx;
  const p = turn.partnership;
  if (!may(turn, 'dashboard.download')) {
    const coordinators = p.people.filter((x) => x.role === 'coordinator').map((x) => x.name);
    const ask = coordinators.length > 0 ? `: ask ${coordinators.join(' or ')}` : '.';
    return [{ kind: 'text', text: `Only coordinators can download the board dashboard${ask}` }];
  }
  const reports = deps.reports;
  if (!reports) return [{ kind: 'text', text: 'This server does not serve board dashboard downloads.' }];
  const d = await buildDashboard(deps.db, turn.cal, p, {
    period: periodText ?? undefined,
    today: turn.today,
    suppress: true,
  });
  if (!d.ok) return [{ kind: 'text', text: d.error }];
  const links = OFFERED.map(([format, label]) => ({
    label,
    url: reports.url(
      {
        partnership: p.settings.id,
        period: d.value.upTo,
        ext: FORMAT_INFO[format].ext,
        person: turn.person.id,
      },
      turn.now,
    ),
  }));
  const text = [
    `Board dashboard of ${p.settings.name}, ${d.value.upTo} (${d.value.months}). ${ragSummary(d.value)}`,
    `Download it with the buttons below (for you only; they stop working in ${reports.minutes} minutes).`,
  ].join('\n');
  return [
    {
      kind: 'text',
      text,
      links,
      buttons: [{ label: 'Exceptions', say: `exceptions ${d.value.upTo}` }],
    },
  ];
}
