// Reads a request body with a size limit, and parses JSON bodies; a bad body is a value, not a throw.
import type { IncomingMessage } from 'node:http';

export type BodyResult<T> = { ok: true; value: T } | { ok: false; status: 400 | 413 | 415; error: string };

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) return null;
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** A JSON object body sent as application/json (which also keeps other web pages from posting it). */
export async function readJsonObject(
  req: IncomingMessage,
  limit = 256 * 1024,
): Promise<BodyResult<Record<string, unknown>>> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return { ok: false, status: 415, error: 'Send the body as application/json' };
  }
  const raw = await readBody(req, limit);
  if (!raw) return { ok: false, status: 413, error: `The body is larger than ${limit} bytes` };
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
