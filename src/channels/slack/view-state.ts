// A return modal's `view_submission`, read into the same typed map a return card sends
// (`figure.<key>`, `narrative`, `notAvailable`, ...), so the conversation reads both the same way.
// The block_id names the input; each input's element has action_id "value".
import { z } from 'zod';
import { FORM_BLOCK_IDS, INPUT_ACTION_ID } from '../../render/block-kit/form-block-ids.js';

const ElementStateSchema = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_options: z.array(z.object({ value: z.string() })).nullish(),
});

export const ViewStateSchema = z.object({
  values: z.record(z.string(), z.record(z.string(), ElementStateSchema)),
});

export type ViewState = z.infer<typeof ViewStateSchema>;
type ElementState = z.infer<typeof ElementStateSchema>;

const KNOWN: ReadonlySet<string> = new Set(Object.values(FORM_BLOCK_IDS));
const isFormInput = (blockId: string) => KNOWN.has(blockId) || /^figure\.[\w.-]+$/.test(blockId);

function typedValue(element: ElementState): string {
  switch (element.type) {
    case 'checkboxes':
      return element.selected_options?.some((o) => o.value === 'true') ? 'true' : 'false';
    case 'datepicker':
      return element.selected_date ?? '';
    default:
      return element.value ?? '';
  }
}

/** Parses `view.state` (throws a ZodError when it is not a view state) and reads the form's inputs. */
export function typedFromViewState(state: unknown): Record<string, string> {
  const { values } = ViewStateSchema.parse(state);
  const typed: Record<string, string> = {};
  for (const [blockId, elements] of Object.entries(values)) {
    if (!isFormInput(blockId)) continue;
    const element = elements[INPUT_ACTION_ID] ?? Object.values(elements)[0];
    if (element) typed[blockId] = typedValue(element);
  }
  return typed;
}
