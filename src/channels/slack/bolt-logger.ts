// bolt's logger interface over pino. Debug lines are dropped: bolt and the Web API client put request
// and response bodies in them, and those carry return figures.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../log.js';

function split(parts: unknown[]): { err?: Error; msg: string } {
  const err = parts.find((p): p is Error => p instanceof Error);
  const msg = parts
    .filter((p) => !(p instanceof Error))
    .map(String)
    .join(' ');
  return err ? { err, msg } : { msg };
}

export function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const child = log.child({ source: 'bolt' });
  const at =
    (fn: 'info' | 'warn' | 'error') =>
    (...parts: unknown[]) => {
      const { err, msg } = split(parts);
      child[fn](err ? { err } : {}, msg);
    };
  return {
    debug: () => {},
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
