// Room for a chart's legend: Chart.js lays legend items out in rows and draws what does not fit past
// the canvas edge, so the chart's height is set from the rows its labels need, estimated on the safe
// side (a character as wide as 0.55 of the font size; the bundled sans-serif averages under 0.5).
import { truncate } from './chart-style.js';

export interface LegendLook {
  /** The canvas width and the chart's padding on each side, in pixels. */
  width: number;
  padding: number;
  fontSize: number;
  /** The legend's own padding between items and rows. */
  itemPadding: number;
  /** The point or box drawn before each label. */
  boxWidth: number;
}

const CHAR = 0.55;

const textWidth = (label: string, look: LegendLook) => label.length * look.fontSize * CHAR;
const itemWidth = (label: string, look: LegendLook) =>
  look.boxWidth + look.fontSize / 2 + textWidth(label, look) + look.itemPadding;
const roomOf = (look: LegendLook) => look.width - 2 * look.padding - look.itemPadding;

/** A label cut only when it alone is wider than the legend (a name of 100 characters on a small chart). */
export function fitLabel(label: string, look: LegendLook): string {
  const room = roomOf(look) - look.boxWidth - look.fontSize / 2 - look.itemPadding;
  const max = Math.floor(room / (look.fontSize * CHAR));
  return truncate(label, max);
}

/** How many rows the legend takes. */
function legendRows(labels: string[], look: LegendLook): number {
  const room = roomOf(look);
  let rows = labels.length > 0 ? 1 : 0;
  let used = 0;
  for (const label of labels) {
    const w = itemWidth(label, look);
    if (used > 0 && used + w > room) {
      rows += 1;
      used = 0;
    }
    used += w;
  }
  return rows;
}

/** A chart's height for a plot of `base` with a legend of one row, and a row's height for each row more. */
export function heightWithLegend(base: number, labels: string[], look: LegendLook): number {
  const rowHeight = look.fontSize + look.itemPadding + 2;
  return base + Math.max(0, legendRows(labels, look) - 1) * rowHeight;
}
