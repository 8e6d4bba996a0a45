// A port another process holds is said plainly and at once: the server process (src/main.ts) exits 1
// with "Port … is already in use: stop the other process or set PORT=…" before it migrates a database
// or loads the plan; and the HTTP server, should the port be taken while it was starting, says the same.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHttpServer } from '../../src/server/http-server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let other: Server;
let port: number;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'perfbot-port-'));
  // Another process's server, holding a real port on 127.0.0.1 for the whole file.
  other = createServer();
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  port = (other.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise((resolve) => other.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

const plainly = (p: number) =>
  `Port ${p} is already in use: stop the other process or set PORT=${p + 1} (or another free port).`;

it('exits 1 saying the port is in use, before migrating the database or loading the plan', async () => {
  const database = join(dir, 'bot.db');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: `file:${database}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));

  expect(code).toBe(1);
  expect(err.trim()).toBe(plainly(port));
  // Nothing was done first: no database file, no migration or plan lines in the log.
  expect(existsSync(database)).toBe(false);
  expect(out).not.toMatch(/migrat|plan/i);
}, 60_000);

it('says the same when the HTTP server finds its port taken', async () => {
  await expect(startHttpServer({}, '127.0.0.1', port, pino({ level: 'silent' }))).rejects.toThrow(
    plainly(port),
  );
});
