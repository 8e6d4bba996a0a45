// A small HTTP proxy on 127.0.0.1 in front of a fake platform API, that answers the next requests with
// scripted faults: an HTTP status (500, 429 with Retry-After...), a request that never gets an answer,
// or one passed on to the platform (so the message is created) whose answer never comes back.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { status: number; headers?: Record<string, string>; body?: string }
  /** 'before': nothing reaches the platform; 'after': it does, but the answer is lost. */
  | { hang: 'before' | 'after' };

export interface FaultProxy {
  url: string;
  /** Every request seen, in order (including faulted ones). */
  seen: { method: string; path: string; fault: Fault | null }[];
  /** Faults for the next matching requests, in order. */
  fail(...faults: Fault[]): void;
  /** Drops the faults not used yet. */
  clear(): void;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });

/** `matches` picks the requests faults apply to (default: all). */
export async function startFaultProxy(
  upstream: string,
  matches: (method: string, path: string) => boolean = () => true,
): Promise<FaultProxy> {
  const faults: Fault[] = [];
  const seen: FaultProxy['seen'] = [];
  const forward = async (req: IncomingMessage, body: Buffer) => {
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(
        ([k, v]) => typeof v === 'string' && !['host', 'content-length', 'connection'].includes(k),
      ),
    ) as Record<string, string>;
    return fetch(new URL(req.url ?? '/', upstream), {
      method: req.method,
      headers,
      ...(body.length > 0 ? { body: new Uint8Array(body) } : {}),
    });
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const fault = matches(req.method ?? 'GET', path) ? (faults.shift() ?? null) : null;
      seen.push({ method: req.method ?? 'GET', path, fault });
      if (fault && 'status' in fault) {
        res
          .writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers })
          .end(fault.body ?? '{}');
        return;
      }
      if (fault?.hang === 'before') return;
      const answer = await forward(req, body);
      if (fault?.hang === 'after') return;
      const text = await answer.text();
      res.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/json',
      });
      res.end(text);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    fail: (...f) => faults.push(...f),
    clear: () => faults.splice(0),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
