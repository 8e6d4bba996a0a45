// Drives an /api/messages endpoint at fixed concurrency over keep-alive connections: `concurrency`
// workers each send the next request as soon as their previous one is answered. Latency is measured
// here, on the client, from sending the request to the last byte of the response; for a message the
// bot's reply has already been posted to the connector by then (the turn ends before the response).
import { Agent, request } from 'node:http';

export interface LoadRequest {
  /** Groups the latencies ("status", "submit", "summary"); sent as x-bench-kind for server timing. */
  kind: string;
  body: string;
  /** Sees the response, e.g. to learn that a submission was stored. */
  onResponse?(status: number, text: string): void;
}

export interface LoadOptions {
  concurrency: number;
  /** At most this many requests (Infinity: as many as `untilMs` allows). */
  requests: number;
  /** No request is sent once performance.now() has passed this (the soak's end). */
  untilMs?: number;
}

export interface LoadRun {
  /** Requests answered (or failed): `requests`, unless `untilMs` ended the run first. */
  requests: number;
  wallMs: number;
  throughput: number;
  latencies: Record<string, number[]>;
  statusCodes: Record<string, number>;
  /** Responses other than 200, and requests that failed outright. */
  errors: number;
}

function post(agent: Agent, url: URL, r: LoadRequest): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(r.body),
          'x-bench-kind': r.kind,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(r.body);
  });
}

export async function runLoad(
  baseUrl: string,
  next: (i: number) => LoadRequest,
  o: LoadOptions,
): Promise<LoadRun> {
  const url = new URL('/api/messages', baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: o.concurrency });
  const latencies: Record<string, number[]> = {};
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let sent = 0;
  const more = () => sent < o.requests && (o.untilMs === undefined || performance.now() < o.untilMs);
  const worker = async () => {
    while (more()) {
      const r = next(sent++);
      const t = performance.now();
      try {
        const res = await post(agent, url, r);
        (latencies[r.kind] ??= []).push(performance.now() - t);
        statusCodes[res.status] = (statusCodes[res.status] ?? 0) + 1;
        if (res.status !== 200) errors++;
        r.onResponse?.(res.status, res.text);
      } catch {
        errors++;
        statusCodes.failed = (statusCodes.failed ?? 0) + 1;
      }
    }
  };
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: o.concurrency }, worker));
  } finally {
    agent.destroy();
  }
  const wallMs = performance.now() - started;
  return { requests: sent, wallMs, throughput: (sent / wallMs) * 1000, latencies, statusCodes, errors };
}
