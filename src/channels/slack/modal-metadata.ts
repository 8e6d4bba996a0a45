// What a modal carries in `private_metadata`: which return, the form's token (or the revision being sent
// back), and what pressing Submit means. None of it is trusted for authorisation: the conversation
// checks the owner, or the approver, again.
import { z } from 'zod';
import type { ReturnFormView, ReviewView } from '../../bot/reply.js';

const ModalMetadataSchema = z.object({
  ref: z.string(),
  period: z.string(),
  token: z.string(),
  verb: z.enum(['submitReturn', 'confirmReturn', 'sendBackReturn']),
  /** The revision a send-back is about: a newer one stored meanwhile is not sent back unseen. */
  revision: z.number().int().optional(),
  /** Where the form was opened from (a channel id, or '' for App Home), for the logs. */
  channel: z.string(),
});

export type ModalMetadata = z.infer<typeof ModalMetadataSchema>;

/** After plausibility questions the modal's button confirms; otherwise it submits. */
export function metadataFor(form: ReturnFormView, channel: string): string {
  const verb = form.warnings.length > 0 ? 'confirmReturn' : 'submitReturn';
  const metadata: ModalMetadata = { ref: form.ref, period: form.period, token: form.token, verb, channel };
  return JSON.stringify(metadata);
}

/** The send-back modal's: the return and the revision the approver was shown. */
export function sendBackMetadata(view: ReviewView, channel: string): string {
  const { ref, period } = view.status;
  const metadata: ModalMetadata = {
    ref,
    period,
    token: '',
    verb: 'sendBackReturn',
    revision: view.revision,
    channel,
  };
  return JSON.stringify(metadata);
}

export function readMetadata(raw: string): ModalMetadata | null {
  try {
    const parsed = ModalMetadataSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
