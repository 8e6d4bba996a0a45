// The real command line in a child process (`npx tsx src/cli.ts …`) on a test's database: its exit
// code and what it printed.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(dbUrl: string, args: string[]): Promise<CliRun> {
  // npm's own warnings (e.g. about the user's npmrc) would otherwise land on stderr.
  const env = { ...process.env, DATABASE_URL: dbUrl, npm_config_loglevel: 'error' };
  try {
    const { stdout, stderr } = await promisify(execFile)('npx', ['tsx', 'src/cli.ts', ...args], {
      cwd: ROOT,
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as CliRun;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
