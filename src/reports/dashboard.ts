// The board's dashboard: every measure, theme by theme, with the quarters of the year and their RAG.
import { formatFigure, suppressSmall } from '../domain/format-figure.js';
import type { IsoDate } from '../domain/iso-date.js';
import { suppressionThreshold, type Measure } from '../domain/measure.js';
import type { FinancialCalendar, Parsed, Period } from '../domain/period.js';
import type { Rag } from '../domain/plan-schema.js';
import type { ReturnRecord } from '../domain/return-record.js';
import { computeStatus, type MeasureStatus } from '../domain/status.js';
import { rulesFor } from '../app/status-query.js';
import type { Db } from '../store/open-database.js';
import type { Partnership } from '../store/plan-store.js';
import { currentReturns, overridesFor } from '../store/return-store.js';

export interface DashboardCell {
  period: string;
  text: string;
  rag: Rag;
}

export interface DashboardRow {
  ref: string;
  title: string;
  cells: DashboardCell[];
  /** Status at the dashboard's period, with any override applied. */
  rag: Rag;
  label: string;
  override: { rag: Rag; reason: string } | null;
  comments: string;
}

export interface Dashboard {
  partnership: string;
  year: string;
  upTo: string;
  columns: string[];
  themes: { name: string; rows: DashboardRow[] }[];
}

export interface DashboardOptions {
  period?: string;
  today: IsoDate;
  /** Show small counts of sensitive measures as "<5" (anything posted to a channel). */
  suppress: boolean;
}

export async function buildDashboard(
  db: Db,
  cal: FinancialCalendar,
  p: Partnership,
  o: DashboardOptions,
): Promise<Parsed<Dashboard>> {
  const ids = p.measures.map((m) => p.measureIds.get(m.ref) as number);
  const [returns, overrides] = await Promise.all([currentReturns(db, cal, ids), overridesFor(db, ids)]);
  let upTo: Period;
  if (o.period) {
    const parsed = cal.parse(o.period);
    if (!parsed.ok) return parsed;
    upTo =
      parsed.value.kind === 'year'
        ? (cal.periodsInYear(parsed.value.year, 'quarterly')[3] as Period)
        : cal.containing(cal.end(parsed.value), 'quarterly');
  } else upTo = latestReportedQuarter(cal, [...returns.values()].flat(), o.today);
  const quarters = cal
    .periodsInYear(cal.yearOf(upTo), 'quarterly')
    .filter((q) => cal.end(q) <= cal.end(upTo));
  const statusAt = (m: Measure, q: Period): MeasureStatus => {
    const id = p.measureIds.get(m.ref) as number;
    const at = m.frequency === 'annual' ? { kind: 'year' as const, year: cal.yearOf(q) } : q;
    return computeStatus({
      cal,
      measure: m,
      period: at,
      returns: returns.get(id) ?? [],
      override: overrides.get(`${id}|${cal.format(at)}`) ?? null,
      rules: rulesFor(p, m),
    });
  };
  const row = (m: Measure): DashboardRow => {
    const statuses = quarters.map((q) => statusAt(m, q));
    const last = statuses[statuses.length - 1] as MeasureStatus;
    const threshold = suppressionThreshold(m, p.settings.smallNumberThreshold);
    return {
      ref: m.ref,
      title: m.title,
      cells: statuses.map((s, i) => ({
        period: cal.format(quarters[i] as Period),
        text: cellText(m, s, o.suppress ? threshold : null),
        rag: s.finalRag,
      })),
      rag: last.finalRag,
      label: last.label,
      override: last.override && { rag: last.override.rag, reason: last.override.reason },
      comments: last.latest?.notAvailable ?? last.latest?.narrative ?? '',
    };
  };
  return {
    ok: true,
    value: {
      partnership: p.settings.name,
      year: cal.format({ kind: 'year', year: cal.yearOf(upTo) }),
      upTo: cal.format(upTo),
      columns: quarters.map((q) => `Q${cal.indexInYear(q)}`),
      themes: p.themes
        .map((t) => ({ name: t.name, rows: p.measures.filter((m) => m.theme === t.id).map(row) }))
        .filter((t) => t.rows.length > 0),
    },
  };
}

function latestReportedQuarter(cal: FinancialCalendar, returns: ReturnRecord[], today: IsoDate): Period {
  const latest = returns
    .map((r) => r.period)
    .sort((a, b) => cal.compare(a, b))
    .pop();
  return cal.containing(
    latest ? cal.end(latest) : cal.end(cal.lastCompleted(today, 'quarterly')),
    'quarterly',
  );
}

function cellText(m: Measure, s: MeasureStatus, threshold: number | null): string {
  const r = s.latest;
  if (r?.notAvailable) return 'Not available';
  if (m.unit === 'text') return r?.narrative ? 'Narrative' : '–';
  const show = (v: number | null) =>
    (threshold !== null ? suppressSmall(v, threshold) : null) ?? formatFigure(v, m.unit);
  const parts = s.components.map((c) => {
    const inPeriod = show(c.actual);
    const body =
      m.aggregation === 'sum' && c.ytd !== null && c.ytd !== c.actual
        ? `${inPeriod} (YTD ${show(c.ytd)})`
        : inPeriod;
    return s.components.length > 1 ? `${c.name} ${body}` : body;
  });
  return parts.every((x) => x.startsWith('–')) ? '–' : parts.join('; ');
}
