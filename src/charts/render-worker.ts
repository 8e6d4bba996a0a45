// The render worker: draws chart jobs sent by chart-renderer.ts and answers with PNG bytes. Drawing is
// synchronous; in a worker thread a drawing that runs too long is stopped by terminating the worker.
// chart.js writes its warnings ("stepSize … would result generating up to 1000001 ticks") with
// console.warn, and a worker's console goes straight to the process's stdout, past the logger: the
// warnings quote whatever an anonymous /chart request sent. This thread's console is its own, so here
// it only counts them; the count travels with the answer and is logged at debug level.
import { parentPort } from 'node:worker_threads';
import type { DrawJob } from './chart-request.js';
import { drawChart, drawGrid, setUpDrawing, type GridJob } from './draw-chart.js';

export type WorkerJob =
  { id: number; kind: 'chart'; job: DrawJob } | { id: number; kind: 'grid'; job: GridJob };

export type WorkerAnswer =
  | { kind: 'ready'; font: boolean }
  | { kind: 'done'; id: number; png: Uint8Array; warnings: number }
  | { kind: 'failed'; id: number; error: string; warnings: number };

let warnings = 0;
const count = () => {
  warnings += 1;
};
// eslint-disable-next-line no-console -- this replaces the worker's console, it does not write to it
for (const name of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) console[name] = count;

const port = parentPort;
if (port) {
  const { font } = setUpDrawing();
  port.postMessage({ kind: 'ready', font } satisfies WorkerAnswer);
  port.on('message', (w: WorkerJob) => {
    warnings = 0;
    try {
      const png = w.kind === 'chart' ? drawChart(w.job) : drawGrid(w.job);
      const bytes = new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
      port.postMessage({ kind: 'done', id: w.id, png: bytes, warnings } satisfies WorkerAnswer);
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      port.postMessage({ kind: 'failed', id: w.id, error, warnings } satisfies WorkerAnswer);
    }
  });
}
