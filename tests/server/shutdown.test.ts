// The real server process (src/main.ts) stops cleanly on SIGTERM: it says so, stops the ticks, closes
// the database and exits 0; it was live and ready before.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'perfbot-shutdown-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as { port: number };
  await new Promise((resolve) => s.close(resolve));
  return port;
}

it('exits 0 on SIGTERM after stopping the jobs and closing the database', async () => {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: `file:${join(dir, 'bot.db')}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      TODAY: '2016-05-02',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const until = performance.now() + 60_000;
  while (!/"msg":"listening"/.test(out)) {
    if (performance.now() > until || child.exitCode !== null) throw new Error(`did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const base = `http://127.0.0.1:${port}`;
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
  expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ ok: true });

  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  const lines = out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { msg: string; signal?: string });
  const messages = lines.map((l) => l.msg);
  expect(lines.find((l) => l.msg === 'shutting down')?.signal).toBe('SIGTERM');
  expect(messages.indexOf('stopped')).toBeGreaterThan(messages.indexOf('shutting down'));
  await expect(fetch(`${base}/healthz`)).rejects.toThrow();
}, 90_000);
