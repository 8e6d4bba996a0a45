// Draws the Teams app icons: color.png (192x192, full-bleed indigo with a white bar chart) and
// outline.png (32x32, the same chart in white on transparent). Run: npx tsx scripts/teams-icons.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pngBytes, type Rgba } from './png-writer.js';

const INDIGO: Rgba = [79, 70, 229, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** Three rising bars and a base line, in a unit square (0..1), as rectangles [x0, y0, x1, y1]. */
const SHAPES: [number, number, number, number][] = [
  [0.2, 0.55, 0.34, 0.78],
  [0.43, 0.4, 0.57, 0.78],
  [0.66, 0.22, 0.8, 0.78],
  [0.16, 0.8, 0.84, 0.86],
];

function inShape(u: number, v: number): boolean {
  return SHAPES.some(([x0, y0, x1, y1]) => u >= x0 && u < x1 && v >= y0 && v < y1);
}

export function colorIcon(): Buffer {
  const n = 192;
  return pngBytes(n, n, (x, y) => (inShape((x + 0.5) / n, (y + 0.5) / n) ? WHITE : INDIGO));
}

export function outlineIcon(): Buffer {
  const n = 32;
  return pngBytes(n, n, (x, y) => (inShape((x + 0.5) / n, (y + 0.5) / n) ? WHITE : CLEAR));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = fileURLToPath(new URL('../manifests/teams/', import.meta.url));
  writeFileSync(`${dir}color.png`, colorIcon());
  writeFileSync(`${dir}outline.png`, outlineIcon());
  console.log(`wrote ${dir}color.png and ${dir}outline.png`);
}
