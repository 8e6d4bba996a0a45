// The minimal status chart: a line chart drawn as an SVG string on the server (no canvas, no figures
// leaving the server). Year to date against the target to date and last year, period by period.
import { formatFigure } from '../domain/format-figure.js';
import type { ChartSeries, StatusChart } from './status-chart-data.js';

const W = 640;
const H = 320;
const PAD = { left: 64, right: 24, top: 60, bottom: 64 };
const STYLE: Record<ChartSeries['style'], { colour: string; width: number; dash: string | null }> = {
  actual: { colour: '#1d4ed8', width: 3, dash: null },
  target: { colour: '#6b7280', width: 2, dash: '6 4' },
  lastYear: { colour: '#d97706', width: 2, dash: null },
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A round upper bound for the axis and its step: 1,628 → 2,000 in steps of 500. */
export function niceScale(max: number): { top: number; step: number } {
  if (!(max > 0)) return { top: 1, step: 0.25 };
  const raw = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((f) => f * magnitude >= raw) ?? 10) * magnitude;
  return { top: Math.ceil(max / step) * step, step };
}

const text = (x: number, y: number, body: string, attrs = '') =>
  `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${escapeXml(body)}</text>`;

export function statusChartSvg(chart: StatusChart): string {
  const header = [
    text(PAD.left, 24, chart.title.length > 70 ? `${chart.title.slice(0, 69)}…` : chart.title, 'class="t"'),
    text(PAD.left, 44, chart.subtitle, 'class="s"'),
  ];
  const body = chart.withheld
    ? [text(W / 2, H / 2, chart.withheld, 'class="s" text-anchor="middle"')]
    : plot(chart);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeXml(`${chart.title}: ${chart.subtitle}`)}">`,
    '<style>text{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;fill:#1f2937}.t{font-size:15px;font-weight:600}.s{font-size:12px;fill:#4b5563}.a{font-size:11px;fill:#6b7280}</style>',
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    ...header,
    ...body,
    '</svg>',
  ].join('\n');
}

function plot(chart: StatusChart): string[] {
  const values = chart.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  if (values.length === 0) return [text(W / 2, H / 2, 'No figures yet', 'class="s" text-anchor="middle"')];
  const { top, step } = niceScale(Math.max(...values, 0));
  const lowest = Math.min(0, ...values);
  const bottom = lowest < 0 ? -niceScale(-lowest).top : 0;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const n = chart.labels.length;
  const x = (i: number) => PAD.left + (n === 1 ? plotW / 2 : (plotW * (i + 0.5)) / n);
  const y = (v: number) => PAD.top + plotH - ((v - bottom) / (top - bottom)) * plotH;
  const out: string[] = [];
  for (let i = 0; bottom + i * step <= top + step / 2; i++) {
    const v = bottom + i * step;
    out.push(
      `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#e5e7eb"/>`,
    );
    out.push(text(PAD.left - 8, y(v) + 4, formatFigure(v, chart.unit), 'class="a" text-anchor="end"'));
  }
  chart.labels.forEach((label, i) =>
    out.push(text(x(i), PAD.top + plotH + 18, label, 'class="a" text-anchor="middle"')),
  );
  for (const s of chart.series) out.push(...line(s, x, y));
  const legendY = H - 16;
  chart.series.forEach((s, i) => {
    const lx = PAD.left + i * 170;
    const st = STYLE[s.style];
    out.push(
      `<line x1="${lx}" x2="${lx + 24}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${st.colour}" stroke-width="${st.width}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}/>`,
      text(lx + 30, legendY, s.label, 'class="s"'),
    );
  });
  return out;
}

/** The series as line runs (a missing value breaks the line) with a dot on each value. */
function line(s: ChartSeries, x: (i: number) => number, y: (v: number) => number): string[] {
  const st = STYLE[s.style];
  const runs: string[][] = [[]];
  s.values.forEach((v, i) => {
    if (v === null) runs.push([]);
    else runs[runs.length - 1]?.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  const dash = st.dash ? ` stroke-dasharray="${st.dash}"` : '';
  return [
    ...runs
      .filter((r) => r.length > 1)
      .map(
        (r) =>
          `<polyline points="${r.join(' ')}" fill="none" stroke="${st.colour}" stroke-width="${st.width}"${dash}/>`,
      ),
    ...s.values.flatMap((v, i) =>
      v === null
        ? []
        : [
            `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="${st.width + 1}" fill="${st.colour}"/>`,
          ],
    ),
  ];
}
