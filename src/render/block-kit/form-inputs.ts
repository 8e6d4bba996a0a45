// The return modal's input blocks. All are optional to Slack: the bot checks what is required (a
// figure or "not available", a commentary) and answers with `response_action: "errors"`.
import type { InputBlock, NumberInput } from '@slack/types';
import type { FormField, ReturnFormView } from '../../bot/reply.js';
import { readNumber } from '../../domain/read-number.js';
import { FORM_BLOCK_IDS, INPUT_ACTION_ID } from './form-block-ids.js';
import { SLACK_LIMITS } from './slack-limits.js';
import { plain } from './text-object.js';

const NOT_AVAILABLE_VALUE = 'true';

/** What was typed, when number_input will accept it as its initial value; otherwise nothing. */
function initialNumber(field: FormField): string | undefined {
  const read = readNumber(field.value);
  if (!read.ok) return undefined;
  const n = read.value;
  if (field.whole && !Number.isInteger(n)) return undefined;
  if ((field.min !== null && n < field.min) || (field.max !== null && n > field.max)) return undefined;
  return String(n);
}

function input(blockId: string, label: string, element: InputBlock['element']): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: true,
    label: plain(label, SLACK_LIMITS.inputLabel),
    element,
  };
}

function figureInput(field: FormField, unitLabel: string): InputBlock {
  const initial = initialNumber(field);
  const element: NumberInput = {
    type: 'number_input',
    action_id: INPUT_ACTION_ID,
    is_decimal_allowed: !field.whole,
    ...(field.min !== null ? { min_value: String(field.min) } : {}),
    ...(field.max !== null ? { max_value: String(field.max) } : {}),
    ...(initial !== undefined ? { initial_value: initial } : {}),
    ...(field.placeholder.trim() ? { placeholder: plain(field.placeholder, SLACK_LIMITS.placeholder) } : {}),
  };
  return input(field.key, unitLabel.trim() ? `${field.label} (${unitLabel})` : field.label, element);
}

function textInput(blockId: string, label: string, value: string, maxLength: number): InputBlock {
  const max = Math.min(maxLength, SLACK_LIMITS.plainTextInput);
  return input(blockId, label, {
    type: 'plain_text_input',
    action_id: INPUT_ACTION_ID,
    multiline: true,
    max_length: max,
    ...(value ? { initial_value: value.slice(0, max) } : {}),
  });
}

/** What the owner should change, typed by whoever sends a return back (the bot checks it is not empty). */
export function commentInput(label: string, maxLength: number): InputBlock {
  return textInput(FORM_BLOCK_IDS.comment, label, '', maxLength);
}

export function figureInputs(form: ReturnFormView): InputBlock[] {
  return form.fields.map((f) => figureInput(f, form.unitLabel));
}

export function narrativeInput(form: ReturnFormView): InputBlock {
  const { value, maxLength } = form.narrative;
  return textInput(
    FORM_BLOCK_IDS.narrative,
    `Commentary (required, up to ${maxLength} characters)`,
    value,
    maxLength,
  );
}

export function correctiveActionInput(form: ReturnFormView): InputBlock {
  const { required, value } = form.correctiveAction;
  const label = `What is being done about it (${required ? 'required' : 'optional'})`;
  return textInput(FORM_BLOCK_IDS.correctiveAction, label, value, SLACK_LIMITS.plainTextInput);
}

export function notAvailableInputs(form: ReturnFormView): InputBlock[] {
  const { checked, reason, expected } = form.notAvailable;
  const option = { text: plain('Figures not available yet'), value: NOT_AVAILABLE_VALUE };
  const date = expected.trim();
  return [
    input(FORM_BLOCK_IDS.notAvailable, 'Not available', {
      type: 'checkboxes',
      action_id: INPUT_ACTION_ID,
      options: [option],
      ...(checked ? { initial_options: [option] } : {}),
    }),
    input(FORM_BLOCK_IDS.notAvailableReason, 'Why not (if not available)', {
      type: 'plain_text_input',
      action_id: INPUT_ACTION_ID,
      max_length: SLACK_LIMITS.plainTextInput,
      ...(reason ? { initial_value: reason.slice(0, SLACK_LIMITS.plainTextInput) } : {}),
    }),
    input(FORM_BLOCK_IDS.expected, 'When they are expected (if not available)', {
      type: 'datepicker',
      action_id: INPUT_ACTION_ID,
      ...(/^\d{4}-\d{2}-\d{2}$/.test(date) ? { initial_date: date } : {}),
    }),
  ];
}
