// Draws charts in a worker thread, one at a time, with a time limit: a drawing that runs longer is
// stopped by terminating the worker (a fresh one takes the next job), and the server stays responsive.
// The worker starts on the first chart and does not keep the process alive while idle. Two queues feed
// it: the bot's own charts (signed links, uploads) are always drawn before anonymous /chart requests,
// which have a short queue of their own, so a flood of outside drawings cannot keep a status card's
// chart from drawing.
import { Worker } from 'node:worker_threads';
import type { Logger } from '../log.js';
import type { DrawJob } from './chart-request.js';
import { CHART_LIMITS } from './chart-limits.js';
import type { GridJob } from './draw-chart.js';
import type { WorkerAnswer, WorkerJob } from './render-worker.js';

export type Rendered =
  | { ok: true; png: Buffer }
  /** invalid: chart.js refused the configuration; failed: the worker broke down. */
  | { ok: false; code: 'timeout' | 'busy' | 'invalid' | 'failed'; error: string };

/** own: a chart the bot made (a signed link); anonymous: a /chart request from anyone. */
export type Lane = 'own' | 'anonymous';

export interface ChartRenderer {
  chart(job: DrawJob, lane?: Lane): Promise<Rendered>;
  grid(job: GridJob, lane?: Lane): Promise<Rendered>;
  close(): Promise<void>;
}

export interface RendererOptions {
  log: Logger;
  timeoutMs?: number;
  /** The bot's own jobs waiting beyond this are refused as busy. */
  maxQueue?: number;
  /** Anonymous jobs waiting beyond this are refused as busy. */
  maxAnonymousQueue?: number;
}

type Job = WorkerJob extends infer W ? (W extends { id: number } ? Omit<W, 'id'> : never) : never;

interface Pending {
  id: number;
  lane: Lane;
  work: Job;
  done: (r: Rendered) => void;
}

/** The worker entry: the compiled .js, or under tsx (npm start, tests) the .ts through tsx's loader. */
function spawn(): Worker {
  const here = import.meta.url;
  return new Worker(new URL(here.endsWith('.ts') ? './render-worker-boot.mjs' : './render-worker.js', here));
}

export function createChartRenderer(o: RendererOptions): ChartRenderer {
  const timeoutMs = o.timeoutMs ?? CHART_LIMITS.renderTimeoutMs;
  const limits: Record<Lane, number> = { own: o.maxQueue ?? 16, anonymous: o.maxAnonymousQueue ?? 4 };
  const queues: Record<Lane, Pending[]> = { own: [], anonymous: [] };
  const waiting = () => [...queues.own.splice(0), ...queues.anonymous.splice(0)];
  const next = () => queues.own.shift() ?? queues.anonymous.shift();
  let worker: Worker | null = null;
  let ready = false;
  let current: { job: Pending; timer: NodeJS.Timeout } | null = null;
  let nextId = 1;
  let closed = false;
  let fontWarned = false;

  const finish = (r: Rendered) => {
    if (!current) return;
    clearTimeout(current.timer);
    const { done } = current.job;
    current = null;
    done(r);
    pump();
  };

  const stopWorker = () => {
    const w = worker;
    worker = null;
    ready = false;
    if (w) void w.terminate();
  };

  const start = () => {
    const w = spawn();
    worker = w;
    w.on('message', (a: WorkerAnswer) => {
      if (a.kind === 'ready') {
        ready = true;
        if (!a.font && !fontWarned) {
          fontWarned = true;
          o.log.warn('DejaVu Sans not found: charts use a fallback font (install fonts-dejavu-core)');
        }
        pump();
      } else if (current?.job.id === a.id) {
        if (a.warnings > 0) o.log.debug({ warnings: a.warnings }, 'chart.js warned while drawing');
        finish(
          a.kind === 'done'
            ? { ok: true, png: Buffer.from(a.png) }
            : { ok: false, code: 'invalid', error: `The chart could not be drawn: ${a.error}` },
        );
      }
    });
    w.on('error', (e) => {
      o.log.error({ err: e }, 'chart worker failed');
      if (worker !== w) return;
      stopWorker();
      const failed: Rendered = { ok: false, code: 'failed', error: 'The chart could not be drawn' };
      if (current) finish(failed);
      else for (const p of waiting()) p.done(failed);
    });
    w.on('exit', (code) => {
      if (worker !== w) return;
      o.log.error({ code }, 'chart worker stopped');
      stopWorker();
      if (current) finish({ ok: false, code: 'failed', error: 'The chart could not be drawn' });
    });
  };

  const pump = () => {
    if (closed || current) return;
    const job = next();
    if (!job) {
      worker?.unref();
      return;
    }
    if (!worker) start();
    const w = worker as Worker;
    w.ref();
    if (!ready) {
      queues[job.lane].unshift(job);
      return;
    }
    const timer = setTimeout(() => {
      o.log.warn({ timeoutMs, kind: job.work.kind }, 'chart drawing took too long and was stopped');
      stopWorker();
      finish({
        ok: false,
        code: 'timeout',
        error: `The chart took over ${timeoutMs >= 1000 ? `${timeoutMs / 1000} s` : `${timeoutMs} ms`} to draw: send a simpler chart`,
      });
    }, timeoutMs);
    current = { job, timer };
    w.postMessage({ ...job.work, id: job.id } as WorkerJob);
  };

  const submit = (work: Job, lane: Lane): Promise<Rendered> => {
    if (closed) return Promise.resolve({ ok: false, code: 'failed', error: 'The chart service is stopping' });
    if (queues[lane].length >= limits[lane]) {
      return Promise.resolve({
        ok: false,
        code: 'busy',
        error: 'Too many charts are being drawn: try again shortly',
      });
    }
    return new Promise((done) => {
      queues[lane].push({ id: nextId++, lane, work, done });
      pump();
    });
  };

  return {
    chart: (job, lane = 'own') => submit({ kind: 'chart', job }, lane),
    grid: (job, lane = 'own') => submit({ kind: 'grid', job }, lane),
    close: async () => {
      closed = true;
      const stopped: Rendered = { ok: false, code: 'failed', error: 'The chart service stopped' };
      if (current) finish(stopped);
      for (const p of waiting()) p.done(stopped);
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
