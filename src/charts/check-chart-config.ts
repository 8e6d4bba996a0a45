// The guard in front of the renderer: a chart configuration from a URL or a POST body is plain JSON
// that chart.js draws and nothing else. No functions (QuickChart would run them), nothing that names a
// URL (images, fonts, plugins that fetch), only bar, line, doughnut and pie, and bounded sizes. A
// refusal says what was wrong and what to send instead.
import type { ChartConfiguration } from 'chart.js';
import { CHART_LIMITS, CHART_TYPES, type ChartType } from './chart-limits.js';

export type ConfigCheck = { ok: true; config: ChartConfiguration } | { ok: false; error: string };

const FUNCTION = /^\s*(async\s+)?function\b|=>|__BEGINFUNCTION__|\bnew\s+Function\b/;
const URL_LIKE =
  /\b[a-z][a-z0-9+.-]*:\/\/|^\s*(data|blob|javascript|file|about):|url\s*\(|\/\/[a-z0-9.-]+\.[a-z]/i;
const BAD_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Options of plugins chart.js has built in; options of any other plugin are dropped (none is loaded). */
const PLUGIN_OPTIONS = new Set(['title', 'subtitle', 'legend', 'tooltip', 'filler', 'colors', 'decimation']);

const fail = (error: string): ConfigCheck => ({ ok: false, error });
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isType = (t: unknown): t is ChartType => CHART_TYPES.includes(t as ChartType);

/** Parses the text as JSON only: JavaScript (functions, unquoted keys, comments) is refused. */
export function parseChartJson(text: string): ConfigCheck {
  if (Buffer.byteLength(text) > CHART_LIMITS.maxBytes) {
    return fail(
      `The chart configuration is larger than ${CHART_LIMITS.maxBytes / 1024} KB: send fewer points`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail(
      'The chart configuration is not valid JSON: send a Chart.js configuration as JSON (quoted keys, no functions)',
    );
  }
  return checkChartConfig(value);
}

/** Walks every value once: depth, strings (no functions, no URLs) and keys. */
function walk(value: unknown, path: string, depth: number): string | null {
  if (depth > CHART_LIMITS.maxDepth) return `The chart configuration is nested too deeply at ${path}`;
  if (typeof value === 'string') {
    if (value.length > CHART_LIMITS.maxString)
      return `${path} is longer than ${CHART_LIMITS.maxString} characters`;
    if (FUNCTION.test(value)) return `${path} looks like a JavaScript function: functions are not allowed`;
    if (URL_LIKE.test(value))
      return `${path} contains a URL: images, fonts and plugins that fetch are not allowed`;
    return null;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const bad = walk(v, `${path}[${i}]`, depth + 1);
      if (bad) return bad;
    }
    return null;
  }
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (BAD_KEYS.has(k)) return `${path}.${k} is not allowed`;
      if (URL_LIKE.test(k) || FUNCTION.test(k)) return `${path} has a key that is not allowed`;
      if (k === 'size' && typeof v === 'number' && v > CHART_LIMITS.maxFontSize) {
        return `${path}.size is over ${CHART_LIMITS.maxFontSize}: use a smaller font`;
      }
      const bad = walk(v, `${path}.${k}`, depth + 1);
      if (bad) return bad;
    }
  }
  return null;
}

function checkPoint(p: unknown): boolean {
  if (p === null || typeof p === 'number') return true;
  if (!isObject(p)) return false;
  return Object.entries(p).every(
    ([k, v]) => ['x', 'y', 'r'].includes(k) && (v === null || typeof v === 'number' || typeof v === 'string'),
  );
}

function checkData(data: unknown, type: ChartType): string | null {
  if (!isObject(data)) return 'data must be an object with labels and datasets';
  const labels = data.labels ?? [];
  if (!Array.isArray(labels)) return 'data.labels must be a list';
  if (labels.length > CHART_LIMITS.maxLabels) return `data.labels has over ${CHART_LIMITS.maxLabels} labels`;
  const datasets = data.datasets;
  if (!Array.isArray(datasets)) return 'data.datasets must be a list';
  if (datasets.length > CHART_LIMITS.maxDatasets) {
    return `data.datasets has ${datasets.length} datasets: at most ${CHART_LIMITS.maxDatasets}`;
  }
  let points = 0;
  for (const [i, d] of datasets.entries()) {
    if (!isObject(d)) return `data.datasets[${i}] must be an object`;
    if (d.type !== undefined && !isType(d.type)) {
      return `data.datasets[${i}].type "${String(d.type)}" is not drawn here: use ${CHART_TYPES.join(', ')}`;
    }
    if (!Array.isArray(d.data)) return `data.datasets[${i}].data must be a list`;
    points += d.data.length;
    if (points > CHART_LIMITS.maxPoints) {
      return `The chart has over ${CHART_LIMITS.maxPoints} data points: send fewer or aggregate them`;
    }
    const round = type === 'pie' || type === 'doughnut';
    const bad = d.data.findIndex((p) => (round ? p !== null && typeof p !== 'number' : !checkPoint(p)));
    if (bad >= 0) return `data.datasets[${i}].data[${bad}] must be a number or null`;
  }
  return null;
}

/** Checks a parsed configuration; returns a copy with only built-in plugins' options kept. */
export function checkChartConfig(value: unknown): ConfigCheck {
  if (!isObject(value))
    return fail('The chart configuration must be a JSON object with type, data and options');
  const walked = walk(value, 'chart', 0);
  if (walked) return fail(walked);
  const extra = Object.keys(value).filter((k) => !['type', 'data', 'options'].includes(k));
  if (extra.includes('plugins')) return fail('chart.plugins is not allowed: plugins cannot be loaded here');
  if (extra.length > 0) return fail(`chart.${extra[0]} is not a chart setting: use type, data and options`);
  if (!isType(value.type)) {
    return fail(`chart.type "${String(value.type)}" is not drawn here: use ${CHART_TYPES.join(', ')}`);
  }
  const data = checkData(value.data, value.type);
  if (data) return fail(data);
  const options = value.options ?? {};
  if (!isObject(options)) return fail('chart.options must be an object');
  const plugins = isObject(options.plugins) ? options.plugins : {};
  const keptPlugins = Object.fromEntries(Object.entries(plugins).filter(([k]) => PLUGIN_OPTIONS.has(k)));
  return {
    ok: true,
    config: {
      type: value.type,
      data: value.data,
      options: { ...options, plugins: keptPlugins },
    } as ChartConfiguration,
  };
}
