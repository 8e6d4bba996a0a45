// Draws charts in a worker thread, one at a time, with a time limit: a drawing that runs longer is
// stopped by terminating the worker (a fresh one takes the next job), and the server stays responsive.
// The worker starts on the first chart and does not keep the process alive while idle; idle for a minute,
// it is stopped, which gives its memory (about 40 MB) back, and the next chart starts a fresh one. Two queues feed
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
  /** Whether a worker thread is running now. */
  hasWorker(): boolean;
}

export interface RendererOptions {
  log: Logger;
  timeoutMs?: number;
  /** How long a worker with nothing to draw is kept before it is stopped (default a minute). */
  idleMs?: number;
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

/** The worker, its two queues and the job it is drawing; one per renderer. */
class RenderQueue {
  private readonly queues: Record<Lane, Pending[]> = { own: [], anonymous: [] };
  private readonly limits: Record<Lane, number>;
  private readonly timeoutMs: number;
  private readonly idleMs: number;
  private idle: NodeJS.Timeout | undefined;
  private worker: Worker | null = null;
  private ready = false;
  private current: { job: Pending; timer: NodeJS.Timeout } | null = null;
  private nextId = 1;
  private closed = false;
  private fontWarned = false;

  constructor(private readonly o: RendererOptions) {
    this.timeoutMs = o.timeoutMs ?? CHART_LIMITS.renderTimeoutMs;
    this.idleMs = o.idleMs ?? 60_000;
    this.limits = { own: o.maxQueue ?? 16, anonymous: o.maxAnonymousQueue ?? 4 };
  }

  private waiting(): Pending[] {
    return [...this.queues.own.splice(0), ...this.queues.anonymous.splice(0)];
  }

  private next(): Pending | undefined {
    return this.queues.own.shift() ?? this.queues.anonymous.shift();
  }

  private finish(r: Rendered): void {
    if (!this.current) return;
    clearTimeout(this.current.timer);
    const { done } = this.current.job;
    this.current = null;
    done(r);
    this.pump();
  }

  private stopWorker(): void {
    clearTimeout(this.idle);
    const w = this.worker;
    this.worker = null;
    this.ready = false;
    if (w) void w.terminate();
  }

  private start(): void {
    const w = spawn();
    this.worker = w;
    w.on('message', (a: WorkerAnswer) => this.onAnswer(a));
    w.on('error', (e) => {
      this.o.log.error({ err: e }, 'chart worker failed');
      if (this.worker !== w) return;
      this.stopWorker();
      const failed: Rendered = { ok: false, code: 'failed', error: 'The chart could not be drawn' };
      if (this.current) this.finish(failed);
      else for (const p of this.waiting()) p.done(failed);
    });
    w.on('exit', (code) => {
      if (this.worker !== w) return;
      this.o.log.error({ code }, 'chart worker stopped');
      this.stopWorker();
      if (this.current) this.finish({ ok: false, code: 'failed', error: 'The chart could not be drawn' });
    });
  }

  private onAnswer(a: WorkerAnswer): void {
    if (a.kind === 'ready') {
      this.ready = true;
      if (!a.font && !this.fontWarned) {
        this.fontWarned = true;
        this.o.log.warn('DejaVu Sans not found: charts use a fallback font (install fonts-dejavu-core)');
      }
      this.pump();
    } else if (this.current?.job.id === a.id) {
      if (a.warnings > 0) this.o.log.debug({ warnings: a.warnings }, 'chart.js warned while drawing');
      this.finish(
        a.kind === 'done'
          ? { ok: true, png: Buffer.from(a.png) }
          : { ok: false, code: 'invalid', error: `The chart could not be drawn: ${a.error}` },
      );
    }
  }

  private pump(): void {
    if (this.closed || this.current) return;
    const job = this.next();
    if (!job) {
      this.worker?.unref();
      this.stopWhenIdle();
      return;
    }
    clearTimeout(this.idle);
    if (!this.worker) this.start();
    const w = this.worker as Worker;
    w.ref();
    if (!this.ready) {
      this.queues[job.lane].unshift(job);
      return;
    }
    const timeoutMs = this.timeoutMs;
    const timer = setTimeout(() => {
      this.o.log.warn({ timeoutMs, kind: job.work.kind }, 'chart drawing took too long and was stopped');
      this.stopWorker();
      this.finish({
        ok: false,
        code: 'timeout',
        error: `The chart took over ${timeoutMs >= 1000 ? `${timeoutMs / 1000} s` : `${timeoutMs} ms`} to draw: send a simpler chart`,
      });
    }, timeoutMs);
    this.current = { job, timer };
    w.postMessage({ ...job.work, id: job.id } as WorkerJob);
  }

  /** A worker left with nothing to draw is stopped after idleMs; a job before then keeps it. */
  private stopWhenIdle(): void {
    clearTimeout(this.idle);
    if (!this.worker) return;
    this.idle = setTimeout(() => {
      if (!this.current) this.stopWorker();
    }, this.idleMs);
    this.idle.unref();
  }

  hasWorker(): boolean {
    return this.worker !== null;
  }

  submit(work: Job, lane: Lane): Promise<Rendered> {
    if (this.closed)
      return Promise.resolve({ ok: false, code: 'failed', error: 'The chart service is stopping' });
    if (this.queues[lane].length >= this.limits[lane]) {
      return Promise.resolve({
        ok: false,
        code: 'busy',
        error: 'Too many charts are being drawn: try again shortly',
      });
    }
    return new Promise((done) => {
      this.queues[lane].push({ id: this.nextId++, lane, work, done });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.idle);
    const stopped: Rendered = { ok: false, code: 'failed', error: 'The chart service stopped' };
    if (this.current) this.finish(stopped);
    for (const p of this.waiting()) p.done(stopped);
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}

export function createChartRenderer(o: RendererOptions): ChartRenderer {
  const queue = new RenderQueue(o);
  return {
    chart: (job, lane = 'own') => queue.submit({ kind: 'chart', job }, lane),
    grid: (job, lane = 'own') => queue.submit({ kind: 'grid', job }, lane),
    close: () => queue.close(),
    hasWorker: () => queue.hasWorker(),
  };
}
