// A lean fake Bot Framework connector (tests/fakes/bot-connector.ts keeps every activity; this only
// counts them, so a long run does not grow): both bots reply through it, as they would reply to Teams.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCounts {
  /** Activities posted by the bots. */
  activities: number;
  /** Of those, the bot's apology after a turn failed ("Something went wrong on our side"). */
  failures: number;
}

export interface BenchConnector {
  url: string;
  counts: ConnectorCounts;
  reset(): void;
  close(): Promise<void>;
}

const ACTIVITIES = /^\/v3\/conversations\/[^/]+\/activities(?:\/[^/]+)?$/;

export async function startBenchConnector(): Promise<BenchConnector> {
  const counts: ConnectorCounts = { activities: 0, failures: 0 };
  let next = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (!ACTIVITIES.test(path) || (req.method !== 'POST' && req.method !== 'PUT')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"NotFound"}}');
        return;
      }
      counts.activities++;
      if (Buffer.concat(chunks).includes('Something went wrong')) counts.failures++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(`{"id":"sent-${++next}"}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    reset: () => {
      counts.activities = 0;
      counts.failures = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
