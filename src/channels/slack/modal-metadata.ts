// What a return modal carries in `private_metadata`: which return, the form's token, and what pressing
// Submit means. None of it is trusted for authorisation: the conversation checks the owner again.
import { z } from 'zod';
import type { ReturnFormView } from '../../bot/reply.js';

const ModalMetadataSchema = z.object({
  ref: z.string(),
  period: z.string(),
  token: z.string(),
  verb: z.enum(['submitReturn', 'confirmReturn']),
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

export function readMetadata(raw: string): ModalMetadata | null {
  try {
    const parsed = ModalMetadataSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
