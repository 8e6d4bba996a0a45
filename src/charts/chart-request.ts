// A QuickChart request as our /chart endpoint reads it: the same parameters as QuickChart's (c, w, h,
// f, bkg and devicePixelRatio on a GET; chart, width, height, format, backgroundColor in a POST body).
// Only PNG is drawn. Each refusal says what to send instead.
import type { ChartConfiguration } from 'chart.js';
import { checkChartConfig, parseChartJson } from './check-chart-config.js';
import { CHART_LIMITS } from './chart-limits.js';

export interface DrawJob {
  config: ChartConfiguration;
  width: number;
  height: number;
  background: string;
  pixelRatio: number;
}

export type ChartRequest = { ok: true; job: DrawJob } | { ok: false; error: string };

const COLOUR = /^(#[0-9a-f]{3,8}|[a-z]{3,24}|(rgb|hsl)a?\(\s*[\d.%\s,/-]+\))$/i;
const DEFAULTS = { width: 500, height: 300, background: '#ffffff', pixelRatio: 1 };

type Raw = string | number | undefined | null;

function size(raw: Raw, name: string, fallback: number): number | string {
  if (raw === undefined || raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > CHART_LIMITS.maxSide) {
    return `${name} must be a whole number of pixels from 1 to ${CHART_LIMITS.maxSide}`;
  }
  return n;
}

interface Fields {
  chart: unknown;
  width: Raw;
  height: Raw;
  format: Raw;
  background: Raw;
  pixelRatio: Raw;
}

function read(
  f: Fields,
  names: { chart: string; w: string; h: string; f: string; bkg: string },
): ChartRequest {
  const format = f.format === undefined || f.format === null || f.format === '' ? 'png' : String(f.format);
  if (format.toLowerCase() !== 'png') {
    return {
      ok: false,
      error: `${names.f}=${format} is not drawn here: only png (leave ${names.f} out or send png)`,
    };
  }
  const width = size(f.width, names.w, DEFAULTS.width);
  const height = size(f.height, names.h, DEFAULTS.height);
  if (typeof width === 'string') return { ok: false, error: width };
  if (typeof height === 'string') return { ok: false, error: height };
  const ratio =
    f.pixelRatio === undefined || f.pixelRatio === null || f.pixelRatio === '' ? 1 : Number(f.pixelRatio);
  if (!(ratio >= 1 && ratio <= 2)) return { ok: false, error: 'devicePixelRatio must be from 1 to 2' };
  if (Math.max(width, height) * ratio > CHART_LIMITS.maxSide) {
    return {
      ok: false,
      error: `The image would be over ${CHART_LIMITS.maxSide} pixels: lower the size or devicePixelRatio`,
    };
  }
  const background = f.background ? String(f.background) : DEFAULTS.background;
  if (!COLOUR.test(background)) {
    return { ok: false, error: `${names.bkg} must be a colour such as white, transparent or #ffffff` };
  }
  if (f.chart === undefined || f.chart === null || f.chart === '') {
    return { ok: false, error: `${names.chart} is missing: send the Chart.js configuration as JSON` };
  }
  const checked = typeof f.chart === 'string' ? parseChartJson(f.chart) : checkChartConfig(f.chart);
  if (!checked.ok) return checked;
  return { ok: true, job: { config: checked.config, width, height, background, pixelRatio: ratio } };
}

/** GET /chart?c=…&w=…&h=…&f=png&bkg=…: QuickChart's names, and its long names as aliases. */
export function chartRequestFromQuery(q: URLSearchParams): ChartRequest {
  const get = (a: string, b: string) => q.get(a) ?? q.get(b);
  return read(
    {
      chart: get('c', 'chart'),
      width: get('w', 'width'),
      height: get('h', 'height'),
      format: get('f', 'format'),
      background: get('bkg', 'backgroundColor'),
      pixelRatio: q.get('devicePixelRatio'),
    },
    { chart: 'c', w: 'w', h: 'h', f: 'f', bkg: 'bkg' },
  );
}

/** POST /chart with QuickChart's JSON body: { chart, width, height, format, backgroundColor }. */
export function chartRequestFromBody(body: Record<string, unknown>): ChartRequest {
  const raw = (v: unknown): Raw => (typeof v === 'string' || typeof v === 'number' ? v : undefined);
  return read(
    {
      chart: body.chart,
      width: raw(body.width),
      height: raw(body.height),
      format: raw(body.format),
      background: raw(body.backgroundColor),
      pixelRatio: raw(body.devicePixelRatio),
    },
    { chart: 'chart', w: 'width', h: 'height', f: 'format', bkg: 'backgroundColor' },
  );
}
