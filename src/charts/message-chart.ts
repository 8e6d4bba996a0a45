// A chart with nothing to plot but a title and a sentence: a narrative-only measure, or no figures
// yet. The image still says what it is, rather than a broken picture in the card.
import type { ChartSpec } from './chart-spec.js';
import { INK, MUTED, titleFont, truncate } from './chart-style.js';

export function messageChart(title: string, message: string): ChartSpec {
  return {
    width: 720,
    height: 200,
    alt: `${title}: ${message}`,
    config: {
      type: 'bar',
      data: { labels: [], datasets: [] },
      options: {
        layout: { padding: 16 },
        plugins: {
          title: { display: true, text: truncate(title, 72), color: INK, font: titleFont() },
          subtitle: { display: true, text: message, color: MUTED, font: { size: 14 } },
          legend: { display: false },
        },
        scales: { x: { display: false }, y: { display: false } },
      },
    },
  };
}
