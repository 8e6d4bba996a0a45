// The process's logger: pino, JSON lines, one child per request or job. Never log tokens or figures:
// known secret fields are redacted by path, and every line is scrubbed of anything shaped like a token
// (and of the configured secrets' values) before it is written, whatever object it came from.
import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Fields whose values are secrets wherever they appear (top level or one object down). */
const SECRET_FIELDS = [
  'authorization',
  'token',
  'bot_token',
  'botToken',
  'appToken',
  'accessToken',
  'access_token',
  'password',
  'secret',
  'signingSecret',
  'sig',
  'signature',
  'x-slack-signature',
  'MicrosoftAppPassword',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'CHART_SIGNING_KEY',
  'REPORTS_SIGNING_KEY',
];

const REDACT_PATHS = [
  ...SECRET_FIELDS.flatMap((f) => [`["${f}"]`, `*["${f}"]`]),
  'req.headers.authorization',
  'req.headers["x-slack-signature"]',
  'headers.authorization',
  'headers["x-slack-signature"]',
  'err.config.headers.Authorization',
  'err.config.headers.authorization',
];

/** Shapes of secrets, replaced in every line: Slack tokens, JWTs and bearer tokens, link signatures. */
const SECRET_SHAPES: [RegExp, string][] = [
  [/xox[a-z]-[A-Za-z0-9-]+/g, 'xo[redacted]'],
  [/xapp-[A-Za-z0-9-]+/g, 'xa[redacted]'],
  [/eyJ[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*)*/g, '[redacted jwt]'],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]'],
  [/([?&](?:sig|signature|token|code)=)[^&"\s\\]+/gi, '$1[redacted]'],
  [/\bv0=[0-9a-f]{64}\b/g, 'v0=[redacted]'],
];

const requestIds = new AsyncLocalStorage<string>();

/** Runs `work` with `id` as the request id that every log line written meanwhile carries. */
export function withRequestId<T>(id: string, work: () => T): T {
  return requestIds.run(id, work);
}

export function currentRequestId(): string | undefined {
  return requestIds.getStore();
}

/** Replaces secret-shaped text and the given secret values in one serialized log line. */
export function scrubSecrets(line: string, secrets: readonly string[] = []): string {
  let out = line;
  for (const s of secrets) if (s.length >= 8) out = out.split(s).join('[redacted]');
  for (const [shape, by] of SECRET_SHAPES) out = out.replace(shape, by);
  return out;
}

export interface LoggerOptions {
  /** Values that must never be written (the configured tokens and secrets). */
  secrets?: readonly (string | undefined)[];
  /** Where lines go (default: standard output). */
  destination?: DestinationStream;
}

export function createLogger(level: string, o: LoggerOptions = {}): Logger {
  const secrets = (o.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const options = {
    level,
    base: { app: 'perfbot' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    mixin: () => {
      const reqId = requestIds.getStore();
      return reqId ? { reqId } : {};
    },
    hooks: { streamWrite: (line: string) => scrubSecrets(line, secrets) },
  };
  return o.destination ? pino(options, o.destination) : pino(options);
}
