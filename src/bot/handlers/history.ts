// "history 2.2 [period]": the audit trail of a measure, newest first: revisions with who, when and
// through which channel, the figures before → after, approvals, send-backs, overrides and reopenings.
import { auditLines } from '../../reports/audit-text.js';
import { findMeasure } from '../../app/status-query.js';
import { readPartnershipView } from '../../app/partnership-view.js';
import { closingQuarter } from '../../domain/period-closure.js';
import { readAudit } from '../../store/audit-store.js';
import { may, refuse } from '../actor-of.js';
import type { ListSection, Reply } from '../reply.js';
import type { Ctx } from '../handler-context.js';

const SHOWN = 40;

export async function history(ctx: Ctx, ref: string, periodText: string | null): Promise<Reply[]> {
  const { turn, deps } = ctx;
  const found = findMeasure(turn.partnership, ref);
  if (!found.ok) return [{ kind: 'text', text: found.error }];
  const m = found.value;
  if (!may(turn, 'history.read', m)) return [refuse(turn, 'history.read', `read the history of ${m.ref}`, m)];
  let period: string | undefined;
  let quarter: string | null = null;
  if (periodText) {
    const view = await readPartnershipView(deps.db, turn.cal, turn.partnership, turn.today);
    const parsed = turn.cal.parse(periodText, { defaultYear: view.year });
    if (!parsed.ok) return [{ kind: 'text', text: parsed.error }];
    period = turn.cal.format(parsed.value);
    quarter = turn.cal.format(closingQuarter(turn.cal, parsed.value));
  }
  const pid = turn.partnership.id;
  const [own, all] = await Promise.all([
    readAudit(deps.db, { partnershipId: pid, ref: m.ref, ...(period ? { period } : {}) }),
    readAudit(deps.db, { partnershipId: pid, ...(quarter ? { period: quarter } : {}) }),
  ]);
  const periodEvents = all.filter((e) => e.ref === null && e.action.startsWith('period.'));
  const events = [...own, ...periodEvents].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  const what = `${m.ref} ${m.title}${period ? `, ${period}` : ''}`;
  if (events.length === 0)
    return [
      {
        kind: 'text',
        text: `No changes to ${what} are recorded yet (figures loaded from the plan file are not in the history).`,
      },
    ];
  const names = new Map(turn.partnership.people.map((p) => [p.id, p.name]));
  const lines = auditLines(events.slice(0, SHOWN), {
    measures: turn.partnership.measures,
    names,
    timezone: turn.partnership.settings.timezone,
  });
  const items: ListSection['items'] = lines.map((l) => ({
    text: l.text,
    detail: l.detail,
    rag: null,
    button: null,
  }));
  const more = events.length > SHOWN ? ` The ${SHOWN} most recent of ${events.length} are shown.` : '';
  return [
    {
      kind: 'list',
      title: `History of ${what}`,
      intro: `Newest first: who changed what, when, and through which channel.${more}`,
      sections: [{ heading: period ?? 'All periods', items }],
    },
  ];
}
