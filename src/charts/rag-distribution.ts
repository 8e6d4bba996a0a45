// A partnership's RAG distribution as a bar chart: one bar per RAG, each labelled with its word and
// count ("Red 4") so the chart reads without telling the colours apart.
import type { Rag } from '../domain/plan-schema.js';
import type { ChartSpec } from './chart-spec.js';
import { GRID, INK, MUTED, RAG_COLOURS, RAG_WORDS, titleFont, truncate } from './chart-style.js';

export type RagCounts = Record<Rag, number>;

const ORDER: Rag[] = ['red', 'amber', 'green', 'none'];

export function ragDistributionChart(counts: RagCounts, title: string): ChartSpec {
  const labels = ORDER.map((r) => `${RAG_WORDS[r]} ${counts[r]}`);
  const total = ORDER.reduce((n, r) => n + counts[r], 0);
  return {
    width: 600,
    height: 320,
    alt: `${title}: ${labels.join(', ')} (${total} measures)`,
    config: {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            label: 'Measures',
            data: ORDER.map((r) => counts[r]),
            backgroundColor: ORDER.map((r) => RAG_COLOURS[r]),
            borderColor: INK,
            borderWidth: 1,
            maxBarThickness: 90,
          },
        ],
      },
      options: {
        layout: { padding: { top: 4, right: 16, bottom: 4, left: 8 } },
        plugins: {
          title: { display: true, text: truncate(title, 80), color: INK, font: titleFont() },
          subtitle: {
            display: true,
            text: `${total} measures by RAG status`,
            color: MUTED,
            padding: { bottom: 10 },
          },
          legend: { display: false },
        },
        scales: {
          x: {
            grid: { display: false },
            ticks: { color: INK, font: { size: 14, weight: 'bold' } },
            title: { display: true, text: 'RAG status', color: MUTED },
          },
          y: {
            beginAtZero: true,
            grace: '8%',
            ticks: { precision: 0, color: MUTED },
            grid: { color: GRID },
            title: { display: true, text: 'Number of measures', color: MUTED },
          },
        },
      },
    },
  };
}
