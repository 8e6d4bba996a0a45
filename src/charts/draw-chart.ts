// Draws checked chart configurations with chart.js on @napi-rs/canvas, to PNG. Runs inside the render
// worker (render-worker.ts), so a drawing that takes too long can be stopped.
import { existsSync } from 'node:fs';
import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration, type Plugin } from 'chart.js';
import type { DrawJob } from './chart-request.js';
import { INK, MUTED } from './chart-style.js';

export interface GridJob {
  title: string;
  subtitle: string;
  cells: DrawJob[];
  /** A colour band down the left of each cell (its RAG); the RAG is also in words in the cell. */
  bands?: string[];
  columns: number;
  background: string;
}

const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
const FAMILY = 'DejaVu Sans';

/** Registers chart.js and the font once; says whether DejaVu Sans was found (else a fallback draws). */
export function setUpDrawing(): { font: boolean } {
  Chart.register(...registerables);
  const regular = `${FONT_DIR}/DejaVuSans.ttf`;
  const font = existsSync(regular);
  if (font) {
    GlobalFonts.registerFromPath(regular, FAMILY);
    const bold = `${FONT_DIR}/DejaVuSans-Bold.ttf`;
    if (existsSync(bold)) GlobalFonts.registerFromPath(bold, FAMILY);
  }
  Chart.defaults.font.family = font ? FAMILY : 'sans-serif';
  Chart.defaults.color = INK;
  return { font };
}

function backgroundPlugin(colour: string): Plugin {
  return {
    id: 'perfbotBackground',
    beforeDraw: (chart) => {
      const { ctx, width, height } = chart;
      ctx.save();
      ctx.globalCompositeOperation = 'destination-over';
      ctx.fillStyle = colour;
      ctx.fillRect(0, 0, width, height);
      ctx.restore();
    },
  };
}

/** Draws the job and hands the canvas to `use` before the chart is destroyed (which clears it). */
function drawOn<T>(job: DrawJob, use: (canvas: Canvas) => T): T {
  const canvas = createCanvas(
    Math.round(job.width * job.pixelRatio),
    Math.round(job.height * job.pixelRatio),
  );
  const config: ChartConfiguration = {
    ...job.config,
    options: {
      ...job.config.options,
      animation: false,
      responsive: false,
      maintainAspectRatio: false,
      events: [],
      devicePixelRatio: job.pixelRatio,
    },
    plugins: [backgroundPlugin(job.background)],
  };
  // chart.js reads the canvas's size from the element; the napi canvas has no style, so size it here.
  const element = Object.assign(canvas, { style: {} }) as unknown as HTMLCanvasElement;
  element.width = job.width;
  element.height = job.height;
  const chart = new Chart(element.getContext('2d') as CanvasRenderingContext2D, config);
  try {
    return use(canvas);
  } finally {
    chart.destroy();
  }
}

export function drawChart(job: DrawJob): Buffer {
  return drawOn(job, (canvas) => canvas.toBuffer('image/png'));
}

/** Small multiples: each cell drawn on its own, then placed in a grid under one title. */
export function drawGrid(job: GridJob): Buffer {
  const cellW = Math.max(...job.cells.map((c) => c.width), 1);
  const cellH = Math.max(...job.cells.map((c) => c.height), 1);
  const rows = Math.max(1, Math.ceil(job.cells.length / job.columns));
  const gap = 12;
  const header = 64;
  const width = job.columns * cellW + (job.columns + 1) * gap;
  const height = header + rows * cellH + (rows + 1) * gap;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = job.background;
  ctx.fillRect(0, 0, width, height);
  const family = Chart.defaults.font.family ?? 'sans-serif';
  ctx.fillStyle = INK;
  ctx.font = `bold 20px "${family}"`;
  ctx.fillText(job.title, gap + 4, 30);
  ctx.fillStyle = MUTED;
  ctx.font = `13px "${family}"`;
  ctx.fillText(job.subtitle, gap + 4, 52);
  job.cells.forEach((cell, i) => {
    const x = gap + (i % job.columns) * (cellW + gap);
    const y = header + gap + Math.floor(i / job.columns) * (cellH + gap);
    ctx.strokeStyle = '#d1d5db';
    ctx.strokeRect(x - 0.5, y - 0.5, cellW + 1, cellH + 1);
    drawOn({ ...cell, pixelRatio: 1 }, (drawn) => ctx.drawImage(drawn, x, y));
    const band = job.bands?.[i];
    if (band) {
      ctx.fillStyle = band;
      ctx.fillRect(x, y, 6, cellH);
    }
  });
  return canvas.toBuffer('image/png');
}
