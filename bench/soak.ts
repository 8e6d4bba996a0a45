// The soak (`--soak`): the mixed load at fixed concurrency for a set time against a fresh bot, sampling its
// resident set every few seconds, to see whether memory stays flat or creeps up. The first tenth of the
// run is warm-up; RSS is called flat when the mean of the last tenth is within 10% of the mean of the
// tenth after the warm-up.
import type { ChildServer } from './child-server.js';
import { runLoad, type LoadRequest } from './load-generator.js';
import { round } from './stats.js';

export interface SoakSample {
  /** Seconds since the soak's load started. */
  atS: number;
  rssMB: number;
  heapUsedMB: number;
}

export interface SoakRun {
  seconds: number;
  concurrency: number;
  requests: number;
  errors: number;
  throughput: number;
  sampleEveryS: number;
  samples: SoakSample[];
  firstRssMB: number;
  lastRssMB: number;
  /** The bot's peak resident set over the whole soak (process.resourceUsage().maxRSS). */
  peakRssMB: number;
  /** Mean RSS of the tenth after the warm-up tenth, and of the last tenth. */
  firstWindowMB: number;
  lastWindowMB: number;
  /** lastWindowMB / firstWindowMB. */
  growth: number;
  flat: boolean;
}

/** One sample every 5 s, or 20 over a short soak (at least 200 ms apart). */
export const sampleEveryMs = (seconds: number) => Math.min(5000, Math.max(200, (seconds * 1000) / 20));

const mean = (xs: number[]) => (xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length);

/** The first and last windows of the samples, and whether RSS stayed within 10%. */
export function flatness(samples: SoakSample[], seconds: number) {
  const tenth = seconds / 10;
  const first = samples.filter((s) => s.atS >= tenth && s.atS < 2 * tenth).map((s) => s.rssMB);
  const last = samples.filter((s) => s.atS >= seconds - tenth).map((s) => s.rssMB);
  // A soak too short to have a sample in a window falls back on the samples at either end.
  const firstWindowMB = mean(first.length > 0 ? first : samples.slice(0, 1).map((s) => s.rssMB));
  const lastWindowMB = mean(last.length > 0 ? last : samples.slice(-1).map((s) => s.rssMB));
  const growth = lastWindowMB / firstWindowMB;
  return {
    firstWindowMB: round(firstWindowMB, 1),
    lastWindowMB: round(lastWindowMB, 1),
    growth: round(growth, 3),
    flat: Math.abs(growth - 1) <= 0.1,
  };
}

export async function runSoak(
  server: ChildServer,
  next: (i: number) => LoadRequest,
  o: { seconds: number; concurrency: number },
): Promise<SoakRun> {
  const everyMs = sampleEveryMs(o.seconds);
  const samples: SoakSample[] = [];
  const started = performance.now();
  const sample = async () => {
    const m = await server.ask({ cmd: 'memory' }, 'memory');
    samples.push({
      atS: round((performance.now() - started) / 1000, 1),
      rssMB: m.memory.rss,
      heapUsedMB: m.memory.heapUsed,
    });
  };
  await sample();
  let sampling = Promise.resolve();
  const timer = setInterval(() => {
    sampling = sampling.then(sample);
  }, everyMs);
  let run;
  try {
    run = await runLoad(server.url, next, {
      concurrency: o.concurrency,
      requests: Number.POSITIVE_INFINITY,
      untilMs: started + o.seconds * 1000,
    });
  } finally {
    clearInterval(timer);
    await sampling;
  }
  await sample();
  const end = await server.ask({ cmd: 'memory' }, 'memory');
  return {
    seconds: o.seconds,
    concurrency: o.concurrency,
    requests: run.requests,
    errors: run.errors,
    throughput: round(run.throughput, 1),
    sampleEveryS: everyMs / 1000,
    samples,
    firstRssMB: samples[0]?.rssMB ?? 0,
    lastRssMB: samples[samples.length - 1]?.rssMB ?? 0,
    peakRssMB: round(end.maxRssKB / 1024, 0),
    ...flatness(samples, o.seconds),
  };
}
