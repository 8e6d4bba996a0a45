// Field errors for `response_action: "errors"`: each keyed by the block_id of the input it is about.
import type { ReturnFormView } from '../../bot/reply.js';
import { FORM_BLOCK_IDS } from './form-block-ids.js';
import { SLACK_LIMITS } from './slack-limits.js';
import { truncate } from './truncate.js';

/**
 * The form carries one error for "not available": a missing reason, or else a bad date (the
 * conversation reports the reason first). A ticked box with no reason means the reason is at fault.
 */
function notAvailableBlock(form: ReturnFormView): string {
  const { checked, reason } = form.notAvailable;
  return checked && reason.trim() === '' ? FORM_BLOCK_IDS.notAvailableReason : FORM_BLOCK_IDS.expected;
}

/** Errors by input block_id, or null when no field has one (a form-wide error needs a view update). */
export function modalErrors(form: ReturnFormView): Record<string, string> | null {
  const errors: Record<string, string> = {};
  const add = (blockId: string, error: string | null) => {
    if (error && error.trim()) errors[blockId] = truncate(error.trim(), SLACK_LIMITS.inputLabel);
  };
  for (const field of form.fields) add(field.key, field.error);
  add(FORM_BLOCK_IDS.narrative, form.narrative.error);
  if (form.notAvailable.error) add(notAvailableBlock(form), form.notAvailable.error);
  add(FORM_BLOCK_IDS.correctiveAction, form.correctiveAction.error);
  return Object.keys(errors).length > 0 ? errors : null;
}
