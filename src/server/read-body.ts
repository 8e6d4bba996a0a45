// Reads a request body with a size limit, and parses JSON bodies; a bad body is a value, not a throw.
// A body over the limit is not read further (what was sent is discarded, so the client still gets our
// 413 answer rather than a reset connection).
import type { IncomingMessage } from 'node:http';

export type BodyResult<T> = { ok: true; value: T } | { ok: false; status: 400 | 413 | 415; error: string };

/** The largest JSON body the bot endpoints accept (a Teams activity with a full return card). */
export const JSON_BODY_LIMIT = 256 * 1024;

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return null;
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (!over) chunks.push(chunk);
      // Someone streaming without end: stop listening.
      else if (size > 16 * limit) {
        resolve(null);
        req.destroy();
      }
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
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
