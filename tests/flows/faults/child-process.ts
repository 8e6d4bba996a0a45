// Running a fault-injection child (node --import tsx tests/flows/faults/<name>-process.ts ...): waiting for
// the marker file it writes when it reaches the point to be killed at, killing it with SIGKILL, or
// letting it finish and reading the JSON it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface Child {
  process: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

export function startChild(script: string, args: string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', `tests/flows/faults/${script}`, ...args], {
    cwd: ROOT,
    env: { ...process.env, TEST_LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { process: child, output: () => out, exited };
}

/** Waits for `check`, failing with the child's output if it exits or time runs out first. */
export async function waitUntil(
  child: Child,
  check: () => boolean,
  what: string,
  ms = 60_000,
): Promise<void> {
  const until = performance.now() + ms;
  while (!check()) {
    if (child.process.exitCode !== null || performance.now() > until)
      throw new Error(`${what} did not happen:\n${child.output()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const marker = (dir: string, name: string) => () => existsSync(join(dir, name));

export async function kill(child: Child): Promise<void> {
  child.process.kill('SIGKILL');
  await child.exited;
}

/** Runs the child to the end and parses the JSON it printed last. */
export async function runChild<T>(script: string, args: string[]): Promise<T> {
  const child = startChild(script, args);
  const code = await child.exited;
  if (code !== 0) throw new Error(`${script} exited ${code}:\n${child.output()}`);
  const last = child.output().trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as T;
}
