// What the benchmark and its server processes (the bot, the echo bot) say to each other over IPC.
import type { ReportTimings } from './report-timings.js';
import type { ServerTimes } from './server-timing.js';

export type ParentMessage =
  | { cmd: 'timings' }
  | { cmd: 'memory' }
  | { cmd: 'reports'; runs: number; chartRuns: number }
  /** Start V8's CPU profiler; `profile-stop` stops it and sends the profile (bench/profile.ts). */
  | { cmd: 'profile-start' }
  | { cmd: 'profile-stop' }
  | { cmd: 'stop' };

/** process.memoryUsage() now, in MB: where the resident set goes (heap, external, array buffers). */
export interface MemoryNow {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export function memoryNow(): MemoryNow {
  const m = process.memoryUsage();
  const mb = (v: number) => Math.round(v / 1048576);
  return {
    rss: mb(m.rss),
    heapTotal: mb(m.heapTotal),
    heapUsed: mb(m.heapUsed),
    external: mb(m.external),
    arrayBuffers: mb(m.arrayBuffers),
  };
}

/** CPU time (user + system) the process used since the previous call, in ms. */
export function cpuSince(): () => number {
  let last = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(last);
    last = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
}

export type ChildMessage =
  | { kind: 'ready'; url: string }
  /** Server-side times since the last ask, and the process's peak resident set so far (KB). */
  | { kind: 'timings'; times: ServerTimes; maxRssKB: number; memory: MemoryNow; cpuMs: number }
  /** The memory now and the peak resident set so far (KB), without taking the server-side times. */
  | { kind: 'memory'; memory: MemoryNow; maxRssKB: number }
  | { kind: 'reports'; reports: ReportTimings; maxRssKB: number }
  | { kind: 'profiling' }
  /** A V8 CPU profile (the inspector's Profiler.Profile), as JSON text. */
  | { kind: 'profile'; profile: string }
  | { kind: 'failed'; error: string };

/** Sends a message to the parent (the process was forked with an IPC channel). */
export function tellParent(m: ChildMessage): void {
  process.send?.(m);
}
