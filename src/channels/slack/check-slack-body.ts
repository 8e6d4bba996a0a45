// What may reach bolt: a signed body in one of the shapes Slack sends to /slack/events. Anything else is
// answered here with a 4xx and a short reason, since bolt crashes on some junk (a body of null) and
// leaves the rest unanswered for three seconds before a 404.
import { z } from 'zod';

const JSON_MEDIA_TYPE = 'application/json';
/** Bolt reads a body as a form only when the content-type is exactly this. */
const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';

export type BodyCheck =
  | { ok: true; kind: 'bolt' | 'rate-limited'; mediaType: string }
  | { ok: false; status: 400 | 415; error: string };

const Typed = z.object({ type: z.string() });

const JSON_SHAPES: Record<string, [z.ZodType, string]> = {
  event_callback: [z.object({ event: Typed }), 'An event_callback needs an event object with a type'],
  url_verification: [z.object({ challenge: z.string() }), 'A url_verification needs a challenge'],
  app_rate_limited: [z.object({}), ''],
};

/** The interactions this app has listeners for. */
const PAYLOAD_SHAPES: Record<string, [z.ZodType, string]> = {
  block_actions: [
    z.object({ actions: z.array(Typed).min(1) }),
    'A block_actions payload needs at least one action',
  ],
  view_submission: [z.object({ view: z.object({ id: z.string() }) }), 'A view payload needs a view'],
  view_closed: [z.object({ view: z.object({ id: z.string() }) }), 'A view payload needs a view'],
};

const refuse = (error: string, status: 400 | 415 = 400): BodyCheck => ({ ok: false, status, error });

/** The media type of a content-type header, lower case and without parameters. */
function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function checkShape(
  body: Record<string, unknown>,
  shapes: Record<string, [z.ZodType, string]>,
  unknown: string,
): BodyCheck | null {
  const type = typeof body.type === 'string' ? body.type : '';
  const shape = Object.hasOwn(shapes, type) ? shapes[type] : undefined;
  if (!shape) return refuse(unknown);
  const [schema, error] = shape;
  return schema.safeParse(body).success ? null : refuse(error);
}

function checkJson(text: string): BodyCheck {
  const body = parseJsonObject(text);
  if (!body) return refuse('The body must be a JSON object');
  const refused = checkShape(body, JSON_SHAPES, 'The body must have the type of a Slack event');
  if (refused) return refused;
  return {
    ok: true,
    kind: body.type === 'app_rate_limited' ? 'rate-limited' : 'bolt',
    mediaType: JSON_MEDIA_TYPE,
  };
}

function checkForm(text: string): BodyCheck {
  const form = new URLSearchParams(text);
  const payloads = form.getAll('payload');
  const commands = form.getAll('command');
  if (payloads.length + commands.length !== 1)
    return refuse('A form body needs one payload (an interaction) or one command');
  const ok: BodyCheck = { ok: true, kind: 'bolt', mediaType: FORM_MEDIA_TYPE };
  const [command] = commands;
  if (command !== undefined) return command.startsWith('/') ? ok : refuse('A command starts with "/"');
  const payload = parseJsonObject(payloads[0] ?? '');
  if (!payload) return refuse('The payload must be a JSON object');
  return checkShape(payload, PAYLOAD_SHAPES, 'The payload is not an interaction this app handles') ?? ok;
}

/** Checks a body whose signature has been verified. */
export function checkSlackBody(raw: Buffer, contentType: string | undefined): BodyCheck {
  const mediaType = mediaTypeOf(contentType);
  const text = raw.toString('utf8');
  if (mediaType === JSON_MEDIA_TYPE) return checkJson(text);
  if (mediaType === FORM_MEDIA_TYPE) return checkForm(text);
  return refuse(`Send the body as ${JSON_MEDIA_TYPE} or ${FORM_MEDIA_TYPE}`, 415);
}

/** Slack's unsigned check of the certificate (a form with ssl_check=1), which bolt answers 200. */
export function isSslCheck(raw: Buffer, contentType: string | undefined): boolean {
  return (
    mediaTypeOf(contentType) === FORM_MEDIA_TYPE &&
    new URLSearchParams(raw.toString('utf8')).get('ssl_check') === '1'
  );
}
