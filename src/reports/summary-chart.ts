// The summaries' chart: the RAG distribution (charts/rag-distribution.ts) as an image link, drawn by our
// /chart endpoint (or QUICKCHART_URL's service), with the chart in words for alt text.
import type { ChartLinks } from '../charts/chart-link.js';
import { ragDistributionChart } from '../charts/rag-distribution.js';
import type { SummaryChart } from './weekly-summary.js';

export function summaryChartFrom(links: Pick<ChartLinks, 'quickChartUrl'>): SummaryChart {
  return (counts, title) => {
    const spec = ragDistributionChart(counts, title);
    return { url: links.quickChartUrl(spec), alt: spec.alt };
  };
}
