// The process's logger: pino, JSON lines, one child per request or job. Never log tokens or figures.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'perfbot' } });
}
