// MeasureStatus → StatusView: the figures a person reads, formatted once for every renderer.
import { formatFigure, formatNumber, suppressSmall } from '../domain/format-figure.js';
import { NONE_LABELS, RAG_LABELS, ragWordsOf, type RagWords } from '../domain/rag.js';
import type { Rag } from '../domain/plan-schema.js';
import { importedText, type ReturnRecord } from '../domain/return-record.js';
import type { ComponentStatus, MeasureStatus } from '../domain/status.js';
import {
  boardSawText,
  changeText,
  gapsText,
  likeForLikeText,
  missingText,
  partlyMissing,
  periodFigureLabel,
  showsInPeriodChange,
} from '../reports/status-text.js';
import type { Figure, SayButton, StatusView } from './reply.js';
import type { Turn } from './conversation.js';

/** A RAG in the partnership's words (see ragWordsOf); grey reads "No target set". */
export function ragLabel(rag: Rag, words: RagWords = RAG_LABELS): string {
  return rag === 'none' ? NONE_LABELS['no-target'] : words[rag];
}

export function personName(turn: Turn, key: string | null): string | null {
  if (key === null) return null;
  return turn.partnership.people.find((p) => p.id === key)?.name ?? key;
}

type Show = (v: number | null, groupSize?: number | null) => string;

/**
 * `suppressed`: a sensitive count whose small numbers are hidden, so running totals, variances, changes
 * and projections (which would give a hidden count away) are left out, as on the board dashboard.
 * `notAvailable`: the period whose return says its figures are not available; the card says so and
 * why, so it is not also listed as "Missing: no return for …" beside a return that came in.
 */
function figuresOf(
  s: MeasureStatus,
  c: ComponentStatus,
  show: Show,
  suppressed: boolean,
  notAvailable: string | null,
): Figure[] {
  const change = (value: number | null, pct: number | null) => changeText(value, pct, s.unit);
  const incomplete = (missing: string[]) => `Incomplete: ${missingText(missing)}`;
  const out: Figure[] = [
    {
      label: periodFigureLabel(s),
      value: partlyMissing(c.missing) ? incomplete(c.missing) : show(c.actual, c.groupSize.actual),
    },
  ];
  const gaps = c.gaps.filter((g) => g !== notAvailable);
  if (gaps.length > 0) out.push({ label: 'Missing', value: gapsText(gaps) });
  const same = likeForLikeText(c);
  if (c.ytd !== null && c.ytd !== c.actual && !suppressed)
    out.push({ label: 'Year to date', value: show(c.ytd, c.groupSize.ytd) });
  if (c.targetToDate !== null) {
    out.push({ label: 'Target to date', value: formatFigure(c.targetToDate, s.unit) });
    if (c.variance !== null && !suppressed)
      out.push({ label: 'Variance', value: change(c.variance, c.variancePct) });
  }
  const ly = c.lastYear;
  const dir = c.direction ? `, ${c.direction}` : '';
  if (showsInPeriodChange(s, c)) {
    // A count added up over the year: the period against last year's, then the year to date against last year's.
    const inPeriod = suppressed ? '' : ` · change ${change(ly.inPeriod.change, ly.inPeriod.changePct)}`;
    out.push({ label: `Same period last year${same}`, value: `${show(ly.actual)}${inPeriod}` });
    if (ly.value !== null && !suppressed)
      out.push({
        label: `Year to date last year${same}`,
        value: `${show(ly.value)} · change ${change(ly.change, ly.changePct)}${dir}`,
      });
  } else if (ly.value !== null) {
    const changed = suppressed ? '' : ` · change ${change(ly.change, ly.changePct)}${dir}`;
    out.push({ label: `Same period last year${same}`, value: `${show(ly.value, ly.groupSize)}${changed}` });
  } else if (partlyMissing(ly.missing)) {
    out.push({ label: 'Same period last year', value: incomplete(ly.missing) });
  }
  if (suppressed) return out;
  if (c.baseline.value !== null) {
    const label = c.baseline.label ? ` — ${c.baseline.label}` : '';
    out.push({
      label: 'Baseline',
      value: `${change(c.baseline.change, c.baseline.changePct)} against ${formatFigure(c.baseline.value, s.unit)}${label}`,
    });
  }
  if (c.projectedYearEnd !== null)
    out.push({ label: 'Projected year end', value: formatNumber(Math.round(c.projectedYearEnd)) });
  return out;
}

/**
 * Who sent the return and when: "Insp. Dan Mercer, 2016-05-02 (revision 2)"; an imported one says so,
 * "Imported from the plan file, submitted 2016-04-20 (revision 1)", never the import's own date.
 */
export function submittedLine(turn: Turn, r: ReturnRecord): string | null {
  const imported = importedText(r);
  if (imported) return imported;
  return r.submittedBy
    ? `${personName(turn, r.submittedBy)}, ${r.submittedAt.slice(0, 10)} (revision ${r.revision})`
    : null;
}

export interface StatusViewOptions {
  chartUrl: string | null;
  /** Threshold under which counts show as "<n" (sensitive measures, in channels), or null. */
  suppressBelow: number | null;
  actions: SayButton[];
  /** The return's sign-off in words (see StatusView.signOff); absent: none shown. */
  signOff?: string | null;
}

export function statusView(turn: Turn, s: MeasureStatus, o: StatusViewOptions): StatusView {
  const show: Show = (v, groupSize = null) =>
    (o.suppressBelow !== null ? suppressSmall(v, o.suppressBelow) : null) ??
    formatFigure(v, s.unit, groupSize);
  const r = s.latest;
  const multi = s.components.length > 1;
  const notAvailable = r?.notAvailable ? turn.cal.format(r.period) : null;
  return {
    ref: s.ref,
    title: s.title,
    period: turn.cal.format(s.period),
    theme: turn.partnership.themes.find((t) => t.id === s.theme)?.name ?? s.theme,
    rag: s.rag,
    ragLabel: s.label,
    override: s.override && {
      rag: s.override.rag,
      ragLabel: ragLabel(s.override.rag, ragWordsOf(turn.partnership.settings.ragWords)),
      reason: s.override.reason,
      by: personName(turn, s.override.by) ?? s.override.by,
    },
    figures: [
      ...figuresOf(s, s.headline, show, o.suppressBelow !== null, notAvailable),
      ...[boardSawText(s, (v) => show(v))].flatMap((value) => (value ? [{ label: 'Board saw', value }] : [])),
    ],
    components: multi
      ? s.components.map((c) => ({
          name: c.name,
          rag: c.rag,
          ragLabel: c.label,
          figures: figuresOf(s, c, show, o.suppressBelow !== null, notAvailable),
          headline: c.key === s.headline.key,
        }))
      : [],
    narrative: r?.narrative || null,
    correctiveAction: r?.correctiveAction ?? null,
    notAvailable: r?.notAvailable
      ? `${r.notAvailable}${r.expectedDate ? ` (expected ${r.expectedDate})` : ''}`
      : null,
    submitted: r ? submittedLine(turn, r) : null,
    ...(r?.imported ? { imported: true } : {}),
    signOff: o.signOff ?? null,
    chartUrl: o.chartUrl,
    actions: o.actions,
  };
}
