// Reads a request body with a size limit, and parses JSON bodies; a bad body is a value, not a throw.
// A body over the limit is refused as soon as it is over (declared or, when chunked, counted), so the
// caller can answer 413 at once; what the client goes on sending is read and thrown away, so it reads
// that answer rather than a reset connection, up to a bound past which the connection is dropped.
import type { IncomingMessage } from 'node:http';

export type BodyResult<T> = { ok: true; value: T } | { ok: false; status: 400 | 413 | 415; error: string };

/** The largest JSON body the bot endpoints accept (a Teams activity with a full return card). */
export const JSON_BODY_LIMIT = 256 * 1024;

/** How much of a refused body is read and thrown away before the connection is dropped. */
const DISCARD_AT_MOST = 64 * 1024 * 1024;

function discardRest(req: IncomingMessage, alreadyRead: number): void {
  let read = alreadyRead;
  req.on('data', (chunk: Buffer) => {
    read += chunk.length;
    if (read > DISCARD_AT_MOST) req.destroy();
  });
}

/** The body, or null when it is larger than `limit` (the rest is then discarded, see above). */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    discardRest(req, 0);
    return null;
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      chunks.length = 0;
      discardRest(req, size);
      resolve(null);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

/** A JSON object body sent as application/json (which also keeps other web pages from posting it). */
export async function readJsonObject(
  req: IncomingMessage,
  limit = JSON_BODY_LIMIT,
): Promise<BodyResult<Record<string, unknown>>> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return { ok: false, status: 415, error: 'Send the body as application/json' };
  }
  const raw = await readBody(req, limit);
  if (!raw)
    return {
      ok: false,
      status: 413,
      error: `The body is larger than ${kb(limit)}: this endpoint accepts at most ${limit} bytes`,
    };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    return { ok: false, status: 400, error: 'The body is not valid JSON' };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, status: 400, error: 'The body must be a JSON object' };
  }
  return { ok: true, value: parsed as Record<string, unknown> };
}
