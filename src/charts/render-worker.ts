// The render worker: draws chart jobs sent by chart-renderer.ts and answers with PNG bytes. Drawing is
// synchronous; in a worker thread a drawing that runs too long is stopped by terminating the worker.
import { parentPort } from 'node:worker_threads';
import type { DrawJob } from './chart-request.js';
import { drawChart, drawGrid, setUpDrawing, type GridJob } from './draw-chart.js';

export type WorkerJob =
  { id: number; kind: 'chart'; job: DrawJob } | { id: number; kind: 'grid'; job: GridJob };

export type WorkerAnswer =
  | { kind: 'ready'; font: boolean }
  | { kind: 'done'; id: number; png: Uint8Array }
  | { kind: 'failed'; id: number; error: string };

const port = parentPort;
if (port) {
  const { font } = setUpDrawing();
  port.postMessage({ kind: 'ready', font } satisfies WorkerAnswer);
  port.on('message', (w: WorkerJob) => {
    try {
      const png = w.kind === 'chart' ? drawChart(w.job) : drawGrid(w.job);
      const bytes = new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
      port.postMessage({ kind: 'done', id: w.id, png: bytes } satisfies WorkerAnswer);
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      port.postMessage({ kind: 'failed', id: w.id, error } satisfies WorkerAnswer);
    }
  });
}
