// Runs several bot instances as child processes (tests/jobs/scheduler-process.ts) on one database,
// meeting at a file barrier before each instant, and gives back what each one reports.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ProcessReport {
  written: number;
  sent: number;
  errors: string[];
}

export interface Instances {
  /** The database URL every instance opens. */
  url: string;
  /** One child process per name. */
  names: string[];
  /** ISO instants, ticked in order by every instance. */
  instants: string[];
  /** SCHEDULER_JOBS: reminders (default), summaries or both. */
  jobs?: 'reminders' | 'summaries' | 'both';
  timeoutMs?: number;
}

export async function runInstances(o: Instances): Promise<ProcessReport[]> {
  const barrier = await mkdtemp(join(tmpdir(), 'perfbot-barrier-'));
  const run = async (me: string) => {
    const others = o.names.filter((x) => x !== me).join(',');
    const args = ['--import', 'tsx', 'tests/jobs/scheduler-process.ts', o.url, barrier, me, others];
    const { stdout } = await promisify(execFile)(process.execPath, [...args, ...o.instants], {
      cwd: ROOT,
      timeout: o.timeoutMs ?? 90_000,
      env: { ...process.env, SCHEDULER_JOBS: o.jobs ?? 'reminders' },
    });
    return JSON.parse(stdout) as ProcessReport;
  };
  try {
    return await Promise.all(o.names.map(run));
  } finally {
    await rm(barrier, { recursive: true, force: true });
  }
}
