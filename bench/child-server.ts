// Starts a server process (the bot or the echo bot) and talks to it over IPC. The child runs with the
// node flags it is given (the benchmark gives those of `npm run start:prod`, so V8's heap is sized as in
// production): on the compiled JavaScript when given the build's folder (compiled.ts), as start:prod
// runs, or else the TypeScript sources through tsx, as `npm start` does.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ParentMessage } from './child-messages.js';

export interface ChildServer {
  url: string;
  ask<K extends ChildMessage['kind']>(
    m: ParentMessage,
    answer: K,
  ): Promise<Extract<ChildMessage, { kind: K }>>;
  stop(): Promise<void>;
}

const STARTUP_MS = 60_000;

/**
 * `script`: the server's file beside this one (./bot-process.ts). `nodeFlags`: more flags for the child's
 * node (a heap limit, as start:prod gives). `compiled`: the build's folder (null: the sources under tsx).
 */
export async function startChildServer(
  script: string,
  args: string[],
  nodeFlags: string[],
  compiled: string | null,
): Promise<ChildServer> {
  const entry = compiled
    ? join(compiled, 'bench', script.replace(/^\.\//, '').replace(/\.ts$/, '.js'))
    : fileURLToPath(new URL(script, import.meta.url));
  const child: ChildProcess = fork(entry, args, {
    execArgv: compiled ? nodeFlags : [...nodeFlags, '--import', 'tsx'],
    // The bot's log lines (at the chosen level) are thrown away; errors and crashes show on stderr.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const next = <K extends ChildMessage['kind']>(kind: K, ms: number) =>
    new Promise<Extract<ChildMessage, { kind: K }>>((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`${script}: no "${kind}" within ${ms / 1000} s`)), ms);
      const onMessage = (m: ChildMessage) => {
        if (m.kind === kind) finish(null, m as Extract<ChildMessage, { kind: K }>);
        else if (m.kind === 'failed') finish(new Error(`${script} failed: ${m.error}`));
      };
      const onExit = (code: number | null) => finish(new Error(`${script} exited (code ${code})`));
      const finish = (e: Error | null, m?: Extract<ChildMessage, { kind: K }>) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (e) reject(e);
        else resolve(m as Extract<ChildMessage, { kind: K }>);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
    });
  const ready = await next('ready', STARTUP_MS).catch((e: unknown) => {
    child.kill();
    throw e;
  });
  return {
    url: ready.url,
    ask: (m, answer) => {
      const answered = next(answer, 10 * 60_000);
      child.send(m);
      return answered;
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill(), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.send({ cmd: 'stop' } satisfies ParentMessage);
      }),
  };
}
