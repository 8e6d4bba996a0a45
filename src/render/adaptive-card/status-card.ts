// The status of one measure for one period: figures, RAG in words and colour, sign-off, commentary, chart.
import type { StatusView } from '../../bot/reply.js';
import statusJson from '../../../cards/status.json' with { type: 'json' };
import type { AdaptiveCard } from './card-types.js';
import { cardTemplate } from './expand-template.js';
import { executeAction, sayAction } from './execute-action.js';
import { ragText } from '../rag-style.js';

const template = cardTemplate(statusJson, 'cards/status.json');

const orNull = (s: string | null): string | null => (s && s.trim() ? s : null);

function statusData(view: StatusView) {
  const { override } = view;
  return {
    heading: `${view.ref} ${view.title}`,
    subheading: [view.period, view.theme].filter((s) => s.trim()).join(' · '),
    rag: ragText(view.rag, view.ragLabel),
    override: override
      ? {
          rag: ragText(override.rag, override.ragLabel),
          reason: override.reason,
          setBy: `Set by ${override.by}`,
        }
      : null,
    signOff: orNull(view.signOff),
    figures: view.figures,
    components: view.components.map((c) => ({
      heading: c.headline ? `${c.name} (headline)` : c.name,
      rag: ragText(c.rag, c.ragLabel),
      figures: c.figures,
    })),
    notAvailable: orNull(view.notAvailable),
    narrative: orNull(view.narrative),
    correctiveAction: orNull(view.correctiveAction),
    chart: view.chartUrl
      ? { url: view.chartUrl, altText: `Chart of ${view.ref} ${view.title} by period, up to ${view.period}` }
      : null,
    submitted: orNull(view.submitted),
    actions: view.actions.map(sayAction),
  };
}

/**
 * The card asks Teams to refresh it for each viewer (Universal Actions), so a status posted in a
 * channel shows "Submit return" to the measure's owner only. The refresh path is read-only.
 */
export function statusCard(view: StatusView): AdaptiveCard {
  const refresh = {
    action: executeAction({
      title: 'Refresh',
      verb: 'refreshStatus',
      data: { ref: view.ref, period: view.period },
    }),
  };
  return { ...template(statusData(view)), refresh };
}
