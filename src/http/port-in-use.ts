// A port another process holds, said plainly at start-up: checked before the database is migrated and
// the plan loaded, and said in the same words if the port is taken while the server was starting.
import { createServer } from 'node:net';

export class PortInUseError extends Error {
  readonly code = 'EADDRINUSE';
  constructor(readonly port: number) {
    super(
      `Port ${port} is already in use: stop the other process or set PORT=${port + 1 <= 65535 ? port + 1 : port - 1} (or another free port).`,
    );
  }
}

/** The start-up error for a failed `listen`: a taken port in plain words, anything else as it came. */
export const listenError = (e: unknown, port: number): unknown =>
  (e as { code?: unknown } | null)?.code === 'EADDRINUSE' ? new PortInUseError(port) : e;

/** Resolves when host:port can be listened on now; rejects with a PortInUseError when it is taken. */
export function checkPortFree(host: string, port: number): Promise<void> {
  const probe = createServer();
  return new Promise((resolve, reject) => {
    probe.once('error', (e) => reject(listenError(e, port)));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}
