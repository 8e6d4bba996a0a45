// Builds the return card's view: fields with what was typed and any errors, context figures from the
// previous period and last year, the status preview and plausibility questions.
import { figureValue } from '../../domain/figures.js';
import { formatFigure } from '../../domain/format-figure.js';
import { componentsOf, headlineOf, type Measure } from '../../domain/measure.js';
import type { Period } from '../../domain/period.js';
import type { MeasureStatus } from '../../domain/status.js';
import { changeText } from '../../reports/status-text.js';
import type { Turn } from '../conversation.js';
import type { ReturnFormView } from '../reply.js';
import type { PartnershipView } from '../../app/partnership-view.js';
import {
  figureInputs,
  NARRATIVE_MAX,
  type FigureInput,
  type FormReading,
  type Typed,
} from './form-values.js';

const UNIT_LABEL: Record<Measure['unit'], string> = {
  count: 'number',
  percent: 'a percentage, 0 to 100',
  rate: 'rate',
  rank: '', // the position's and the group's labels say it all
  text: 'narrative only',
};

export interface FormState {
  typed: Typed;
  errors: Record<string, string>;
  warnings: string[];
  preview: MeasureStatus | null;
  correctiveRequired: boolean;
  formError: string | null;
  token: string;
  revision: number;
}

export function emptyState(typed: Typed, token: string, revision: number): FormState {
  return {
    typed,
    errors: {},
    warnings: [],
    preview: null,
    correctiveRequired: false,
    formError: null,
    token,
    revision,
  };
}

export function stateFrom(reading: FormReading, base: FormState): FormState {
  return { ...base, typed: reading.typed, errors: reading.errors };
}

/** The headline figure of the previous period and of the same period last year, for context. */
export function comparators(
  turn: Turn,
  view: PartnershipView,
  m: Measure,
  period: Period,
  key = headlineOf(m).key,
) {
  const { cal } = turn;
  const unitWord = m.frequency === 'monthly' ? 'month' : m.frequency === 'quarterly' ? 'quarter' : 'year';
  const at = (p: Period): { value: number | null; groupSize: number | null } => {
    // An owner of a rolling measure returns one month: compare it with months, not 12-month totals.
    if (m.aggregation === 'rolling12') {
      const f = view.returns.get(m.ref)?.find((r) => cal.equals(r.period, p))?.figures?.[key];
      return { value: f === undefined ? null : figureValue(f, false), groupSize: null };
    }
    const s = view.statusAt(m, p).components.find((c) => c.key === key);
    return { value: s?.actual ?? null, groupSize: s?.groupSize.actual ?? null };
  };
  return [
    { label: `Last ${unitWord} (${cal.format(cal.previous(period))})`, ...at(cal.previous(period)) },
    {
      label: `Same ${unitWord} last year (${cal.format(cal.sameLastYear(period))})`,
      ...at(cal.sameLastYear(period)),
    },
  ];
}

function placeholderOf(m: Measure, part: FigureInput['part']): string {
  if (part === 'groupSize') return 'e.g. 15';
  return m.unit === 'percent' ? 'e.g. 92.5' : m.unit === 'rank' ? 'e.g. 5' : 'e.g. 336';
}

/** The figure fields of the card, each with what was typed, its error and its range. */
function fieldsOf(m: Measure, st: FormState): ReturnFormView['fields'] {
  const ranges =
    m.unit === 'percent'
      ? { min: 0, max: 100 }
      : m.unit === 'count' || m.unit === 'rate'
        ? { min: 0, max: null }
        : { min: m.unit === 'rank' ? 1 : null, max: null };
  return m.unit === 'text'
    ? []
    : figureInputs(m).map((f) => ({
        key: f.id,
        label: f.label,
        value: st.typed[f.id] ?? '',
        placeholder: placeholderOf(m, f.part),
        error: st.errors[f.id] ?? null,
        min: f.part === 'groupSize' ? 2 : ranges.min,
        max: f.part === 'value' ? ranges.max : null,
        whole: m.unit === 'count' || m.unit === 'rank' || f.part !== 'value',
      }));
}

/** What the card shows beside the fields: the measure's parts and the figures to compare with. */
function contextOf(turn: Turn, view: PartnershipView, m: Measure, period: Period): string[] {
  const context = comparators(turn, view, m, period).map(
    (c) => `${c.label}: ${c.value === null ? 'no figure' : formatFigure(c.value, m.unit, c.groupSize)}`,
  );
  if (m.components)
    context.unshift(
      `Parts: ${componentsOf(m)
        .map((c) => c.label)
        .join(', ')}`,
    );
  return context;
}

/** The status the typed figures would give, in words. */
function previewOf(m: Measure, st: FormState): ReturnFormView['preview'] {
  return (
    st.preview && {
      rag: st.preview.rag,
      text: [
        st.preview.label,
        st.preview.headline.variance !== null
          ? `${changeText(st.preview.headline.variance, st.preview.headline.variancePct, m.unit)} against the target to date`
          : null,
      ]
        .filter(Boolean)
        .join(': '),
    }
  );
}

export function buildForm(
  turn: Turn,
  view: PartnershipView,
  m: Measure,
  period: Period,
  st: FormState,
): ReturnFormView {
  const context = contextOf(turn, view, m, period);
  const preview = previewOf(m, st);
  return {
    ref: m.ref,
    title: m.title,
    period: turn.cal.format(period),
    unitLabel: UNIT_LABEL[m.unit],
    fields: fieldsOf(m, st),
    narrative: {
      value: st.typed.narrative ?? '',
      error: st.errors.narrative ?? null,
      maxLength: NARRATIVE_MAX,
    },
    notAvailable: {
      checked: st.typed.notAvailable === 'true',
      reason: st.typed.notAvailableReason ?? '',
      expected: st.typed.expected ?? '',
      error: st.errors.notAvailableReason ?? st.errors.expected ?? null,
    },
    correctiveAction: {
      required: st.correctiveRequired,
      value: st.typed.correctiveAction ?? '',
      error: st.errors.correctiveAction ?? null,
    },
    context,
    preview,
    warnings: st.warnings,
    formError:
      st.formError ??
      (Object.keys(st.errors).length > 0
        ? 'Please fix the fields marked below; nothing has been stored yet.'
        : null),
    token: st.token,
    revision: st.revision,
  };
}
