// CSV import: measures (one per row) or returns (one figure per row), merged into a partnership's plan.
// Header names are documented in the README ("CSV import").
import { parse } from 'csv-parse/sync';
import type { MeasureInput } from '../domain/measure.js';
import { PlanSchema, type Plan } from '../domain/plan-schema.js';
import { formatIssue } from './plan-errors.js';
import { checkPlan, type PlanRead } from './read-plan-yaml.js';

export const MEASURE_COLUMNS = [
  'ref',
  'title',
  'theme',
  'source',
  'owner',
  'frequency',
  'unit',
  'polarity',
  'aggregation',
  'baseline',
  'baseline_label',
  'target',
  'target_change_pct',
  'tolerance_pct',
] as const;
/** Columns a measures CSV may add: a rank's comparison group size. */
export const OPTIONAL_MEASURE_COLUMNS = ['group_size'] as const;
export const RETURN_COLUMNS = [
  'ref',
  'period',
  'component',
  'value',
  'numerator',
  'denominator',
  'narrative',
  'not_available',
  'expected',
  'submitted_by',
] as const;

type Row = Record<string, string>;
interface Numbered {
  line: number;
  row: Row;
}

export function readPlanCsv(file: string, text: string, base: Plan): PlanRead {
  let records: { record: Row; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
  } catch (e) {
    return { ok: false, errors: [`${file}: not valid CSV: ${(e as Error).message}`] };
  }
  const rows: Numbered[] = records.map((r) => ({ line: r.info.lines, row: r.record }));
  const header = Object.keys(rows[0]?.row ?? {});
  const kind = header.includes('title') ? 'measures' : header.includes('period') ? 'returns' : null;
  if (!kind) {
    return {
      ok: false,
      errors: [
        `${file}:1: unknown CSV: measures need the columns ${MEASURE_COLUMNS.join(',')}; returns need ${RETURN_COLUMNS.join(',')}`,
      ],
    };
  }
  const known: readonly string[] =
    kind === 'measures' ? [...MEASURE_COLUMNS, ...OPTIONAL_MEASURE_COLUMNS] : RETURN_COLUMNS;
  const unknown = header.filter((h) => !known.includes(h));
  if (unknown.length > 0)
    return {
      ok: false,
      errors: [`${file}:1: unknown column(s) ${unknown.join(', ')}: use ${known.join(',')}`],
    };
  const { plan, lines } = kind === 'measures' ? mergeMeasures(base, rows) : mergeReturns(base, rows);
  const describe = (i: { path: PropertyKey[]; message: string }) => {
    const line = i.path[0] === kind && typeof i.path[1] === 'number' ? (lines[i.path[1]] ?? null) : null;
    return formatIssue(file, line, { path: line === null ? i.path : i.path.slice(2), message: i.message });
  };
  const parsed = PlanSchema.safeParse(plan);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map(describe) };
  return checkPlan(parsed.data, describe);
}

const num = (v: string | undefined) =>
  v === undefined || v === '' ? undefined : Number(v.replace(/,/g, ''));
const text = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);

function mergeMeasures(base: Plan, rows: Numbered[]): { plan: unknown; lines: (number | null)[] } {
  const measures: unknown[] = [...base.measures];
  const lines: (number | null)[] = base.measures.map(() => null);
  const themes = [...base.themes];
  for (const { line, row } of rows) {
    const themeId = themeFor(themes, row.theme ?? '');
    const m: Partial<Record<keyof MeasureInput, unknown>> = {
      ref: row.ref,
      title: row.title,
      theme: themeId,
      source: row.source ?? '',
      owner: row.owner,
      frequency: text(row.frequency),
      unit: text(row.unit),
      polarity: text(row.polarity),
      aggregation: text(row.aggregation),
      groupSize: num(row.group_size),
      baseline:
        num(row.baseline) !== undefined
          ? { value: num(row.baseline), label: row.baseline_label ?? '' }
          : undefined,
      target:
        num(row.target) !== undefined
          ? { annual: num(row.target) }
          : num(row.target_change_pct) !== undefined
            ? { changePct: num(row.target_change_pct) }
            : undefined,
      rag: num(row.tolerance_pct) !== undefined ? { tolerancePct: num(row.tolerance_pct) } : {},
    };
    const at = base.measures.findIndex((x) => x.ref === row.ref);
    if (at >= 0) {
      measures[at] = m;
      lines[at] = line;
    } else {
      measures.push(m);
      lines.push(line);
    }
  }
  return { plan: { ...base, themes, measures, returns: [], overrides: [] }, lines };
}

/** A theme column may hold a theme's id or its name; an unknown name becomes a new theme. */
function themeFor(themes: Plan['themes'], value: string): string {
  const found = themes.find((t) => t.id === value || t.name.toLowerCase() === value.toLowerCase());
  if (found) return found.id;
  const id = value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (id) themes.push({ id, name: value });
  return id;
}

function mergeReturns(base: Plan, rows: Numbered[]): { plan: unknown; lines: (number | null)[] } {
  const byKey = new Map<string, { line: number; value: Record<string, unknown> }>();
  for (const { line, row } of rows) {
    const key = `${row.ref}|${row.period}`;
    const entry = byKey.get(key) ?? { line, value: { ref: row.ref, period: row.period } };
    const figure =
      num(row.numerator) !== undefined
        ? { numerator: num(row.numerator), denominator: num(row.denominator) }
        : num(row.value);
    const v = entry.value;
    if (figure !== undefined) {
      if (row.component) v.values = { ...(v.values as object), [row.component]: figure };
      else v.value = figure;
    }
    if (text(row.narrative)) v.narrative = [v.narrative, row.narrative].filter(Boolean).join('\n');
    if (text(row.not_available)) v.notAvailable = row.not_available;
    if (text(row.expected)) v.expected = row.expected;
    if (text(row.submitted_by)) v.submittedBy = row.submitted_by;
    byKey.set(key, entry);
  }
  const entries = [...byKey.values()];
  return {
    plan: { ...base, returns: entries.map((e) => e.value), overrides: [] },
    lines: entries.map((e) => e.line),
  };
}
