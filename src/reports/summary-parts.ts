// The pieces the weekly and the quarter's summaries share: exceptions as a channel sees them, the RAG
// distribution, what is still owed by whom, and the figures not yet signed off.
import type { Obligation } from '../domain/partnership-calendar.js';
import type { FinancialCalendar } from '../domain/period.js';
import type { Rag } from '../domain/plan-schema.js';
import { ragWordsOf } from '../domain/rag.js';
import type { RagCounts, Summary, SummaryException, SummaryOwed } from '../domain/summary-payload.js';
import { isUnapproved, signOffWord } from '../domain/sign-off.js';
import type { Partnership } from '../domain/partnership.js';
import { compareRefs } from '../domain/compare-refs.js';
import {
  clip,
  exceptionFigures,
  exceptionTrend,
  figureFormatter,
  type ExceptionItem,
} from './exception-report.js';
import type { SummaryData } from './summary-view.js';

export const isException = (rag: Rag) => rag === 'red' || rag === 'amber';

/**
 * Said instead of a sensitive measure's commentary ("Comment: withheld (sensitive measure)"): the
 * summary goes to the partnership channel, and such commentary can name or identify people.
 */
export const COMMENTARY_WITHHELD = 'withheld (sensitive measure)';

/** An exception as the summary shows it: figures formatted for a channel, commentary clipped or withheld. */
export function summaryException(
  cal: FinancialCalendar,
  p: Partnership,
  x: ExceptionItem,
  was: SummaryException['was'],
): SummaryException {
  const show = figureFormatter(x.measure, p.settings.smallNumberThreshold, true);
  const withheld = x.measure.sensitive;
  const said = x.narrative || x.correctiveAction;
  return {
    ref: x.measure.ref,
    title: x.measure.title,
    theme: p.themes.find((t) => t.id === x.measure.theme)?.name ?? x.measure.theme,
    period: cal.format(x.period),
    rag: x.rag,
    label: ragWordsOf(p.settings.ragWords)[x.rag],
    was,
    figures: exceptionFigures(x, show),
    trend: exceptionTrend(x),
    narrative: withheld ? (said ? COMMENTARY_WITHHELD : null) : clip(x.narrative),
    correctiveAction: withheld ? null : clip(x.correctiveAction),
    override: x.override && { rag: x.override.rag, reason: clip(x.override.reason) ?? '' },
  };
}

export function ragCounts(statuses: readonly { finalRag: Rag }[]): RagCounts {
  const counts: RagCounts = { red: 0, amber: 0, green: 0, none: 0 };
  for (const s of statuses) counts[s.finalRag] += 1;
  return counts;
}

/** Open returns, by owner (in the plan's order of people), overdue first. */
export function outstandingByOwner(
  cal: FinancialCalendar,
  p: Partnership,
  open: Obligation[],
): SummaryOwed[] {
  const title = (ref: string) => p.measures.find((m) => m.ref === ref)?.title ?? ref;
  return p.people
    .map((person) => ({
      owner: person.name,
      items: open
        .filter((o) => o.owner === person.id)
        .sort((a, b) => a.due.localeCompare(b.due) || compareRefs(a.ref, b.ref))
        .map((o) => ({
          ref: o.ref,
          title: title(o.ref),
          period: cal.format(o.period),
          due: o.due,
          overdue: o.state === 'overdue',
        })),
    }))
    .filter((o) => o.items.length > 0)
    .sort((a, b) => Number(b.items.some((i) => i.overdue)) - Number(a.items.some((i) => i.overdue)));
}

/** Figures not yet signed off: awaiting approval, sent back to the owner, or reopened. By measure, oldest period first. */
export function unapprovedReturns(p: Partnership, data: SummaryData): NonNullable<Summary['unapproved']> {
  // Grouped by ref in one pass: a sign-off per return, so scanning them all per measure cost the most.
  const byRef = new Map<string, { period: string; state: string }[]>();
  for (const [key, s] of data.signOffs ?? []) {
    const [ref, period] = key.split('|');
    const state = signOffWord(s);
    if (!ref || !period || !isUnapproved(s) || !state) continue;
    const list = byRef.get(ref) ?? [];
    list.push({ period, state });
    byRef.set(ref, list);
  }
  return p.measures.flatMap((m) =>
    (byRef.get(m.ref) ?? []).map(({ period, state }) => ({ ref: m.ref, title: m.title, period, state })),
  );
}
