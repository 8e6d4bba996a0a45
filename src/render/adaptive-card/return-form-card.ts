// The return form: one number per component, commentary, "not available", and the plausibility
// questions. Hidden data (ref, period, token) only identifies the form; the server re-checks it.
import type { FormField, ReturnFormView } from '../../bot/reply.js';
import returnFormJson from '../../../cards/return-form.json' with { type: 'json' };
import type { AdaptiveCard, ExecuteAction } from './card-types.js';
import { cardTemplate } from './expand-template.js';
import { executeAction } from './execute-action.js';
import { ragColor, ragWord } from '../rag-style.js';

const template = cardTemplate(returnFormJson, 'cards/return-form.json');

const orNull = (s: string | null): string | null => (s && s.trim() ? s : null);

/** Input.Date takes YYYY-MM-DD only. */
const isoDateOrNull = (s: string): string | null => (/^\d{4}-\d{2}-\d{2}$/.test(s.trim()) ? s.trim() : null);

function fieldData(field: FormField, unitLabel: string) {
  return {
    id: field.key,
    label: unitLabel.trim() ? `${field.label} (${unitLabel})` : field.label,
    placeholder: field.placeholder,
    // A text box, not Input.Number: whatever is typed ("abc", "-3", "140", "25,5") reaches the server's
    // rules and comes back with their answer beside it, kept as typed; a number box would drop it or
    // block Submit with no words.
    value: orNull(field.value),
    error: orNull(field.error),
  };
}

function formActions(form: ReturnFormView): ExecuteAction[] {
  const data = { ref: form.ref, period: form.period, token: form.token };
  const action = (title: string, verb: ExecuteAction['verb'], positive: boolean) =>
    executeAction({
      title,
      verb,
      data,
      associatedInputs: 'auto',
      ...(positive ? { style: 'positive' } : {}),
    });
  return form.warnings.length > 0
    ? [action('Confirm', 'confirmReturn', true), action('Edit', 'editReturn', false)]
    : [action('Submit', 'submitReturn', true)];
}

function returnFormData(form: ReturnFormView) {
  const { narrative, notAvailable, correctiveAction } = form;
  return {
    formError: orNull(form.formError),
    heading: `Return for ${form.ref} ${form.period}`,
    title: form.title,
    revisionNote:
      form.revision > 1
        ? `This will be revision ${form.revision} (replaces revision ${form.revision - 1})`
        : null,
    context: form.context,
    fields: form.fields.map((f) => fieldData(f, form.unitLabel)),
    preview: form.preview
      ? {
          text: `Would be ${ragWord(form.preview.rag)}: ${form.preview.text}`,
          color: ragColor(form.preview.rag),
        }
      : null,
    narrative: {
      label: `Commentary (required, up to ${narrative.maxLength} characters)`,
      value: narrative.value,
      maxLength: narrative.maxLength,
      error: orNull(narrative.error),
    },
    correctiveAction: {
      label: correctiveAction.required
        ? 'What is being done about it (required)'
        : 'What is being done about it (optional)',
      value: correctiveAction.value,
      error: orNull(correctiveAction.error),
    },
    notAvailable: {
      value: notAvailable.checked ? 'true' : 'false',
      reason: notAvailable.reason,
      expected: isoDateOrNull(notAvailable.expected),
      error: orNull(notAvailable.error),
    },
    warnings: form.warnings,
    actions: formActions(form),
  };
}

export function returnFormCard(form: ReturnFormView): AdaptiveCard {
  return template(returnFormData(form));
}
