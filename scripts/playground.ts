// npm run playground: the bot in local mode (no Microsoft credentials, on 127.0.0.1) and Microsoft 365
// Agents Playground, Microsoft's local Teams client, talking to it; the Playground's users are the
// plan's people (scripts/playground-config.ts). Both run offline. Ctrl+C stops both.
//   PLAYGROUND_PORT   the Playground's page (default 56150; it picks another if that one is taken)
//   PLAYGROUND_USER   the plan key of the person you are in the Playground (default: the first owner)
//   TEAMSAPPTESTER_BROWSER=none   do not open a browser
import 'dotenv/config';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { playgroundYaml } from './playground-config.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const env = process.env;
const host = env.HOST ?? '127.0.0.1';
const port = env.PORT ?? '3978';
const data = resolve(env.INIT_CWD ?? process.cwd(), 'data');

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

if (env.MicrosoftAppId)
  fail(
    'MicrosoftAppId is set: the Playground talks to the bot without credentials. Unset it (and MicrosoftAppPassword) to run npm run playground.',
  );

/** Waits until the bot answers /healthz; false if it exits first or takes over a minute. */
async function botReady(bot: ChildProcess): Promise<boolean> {
  for (let i = 0; i < 600 && bot.exitCode === null; i++) {
    const ok = await fetch(`http://${host}:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

async function main(): Promise<void> {
  const planFile = resolve(ROOT, env.PLAN_FILE ?? 'examples/stockton-2015-16.yaml');
  const configPath = env.M365_AGENTS_PLAYGROUND_CONFIG_PATH ?? resolve(data, 'm365agentsplayground.yml');
  mkdirSync(dirname(configPath), { recursive: true });
  writeFileSync(configPath, playgroundYaml(planFile, env.PLAYGROUND_USER));

  const bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...env, HOST: host, PORT: port },
    stdio: 'inherit',
  });
  const children: ChildProcess[] = [bot];
  const stop = (code: number) => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    process.exitCode = code;
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  bot.on('exit', (code) => stop(code ?? 1));
  if (!(await botReady(bot))) return stop(1);

  const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
  const args = ['-e', `http://${host}:${port}/api/messages`, '-c', 'msteams', '--disable-telemetry'];
  const playground = spawn(process.execPath, [cli, ...args, '-p', env.PLAYGROUND_PORT ?? '56150'], {
    cwd: ROOT,
    env: {
      ...env,
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
      M365_AGENTS_PLAYGROUND_LOGFILE:
        env.M365_AGENTS_PLAYGROUND_LOGFILE ?? resolve(data, 'm365agentsplayground.log'),
    },
    stdio: 'inherit',
  });
  children.push(playground);
  playground.on('exit', (code) => stop(code ?? 1));
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
