// Reads what a status or theme chart draws from the database: the partnership's returns and overrides
// for the measures asked, turned into chart series (with sensitive measures' small counts hidden).
import { findMeasure, rulesFor } from '../app/status-query.js';
import { suppressionThreshold, type Measure } from '../domain/measure.js';
import { financialCalendar, type Parsed, type Period } from '../domain/period.js';
import { checkPeriodFor } from '../domain/status.js';
import type { Db } from '../store/open-database.js';
import type { Partnership } from '../domain/partnership.js';
import { currentReturns, overridesFor } from '../store/return-store.js';
import { measureSeries, type MeasureSeries } from './measure-series.js';

async function seriesOf(
  db: Db,
  p: Partnership,
  measures: Measure[],
  period: Period,
): Promise<MeasureSeries[]> {
  const cal = financialCalendar(p.settings.yearStartMonth);
  const ids = measures.map((m) => p.measureIds.get(m.ref) as number);
  const [returns, overrides] = await Promise.all([currentReturns(db, cal, ids), overridesFor(db, ids)]);
  return measures.map((m, i) => {
    const id = ids[i] as number;
    // A quarterly measure asked for a month is drawn up to the end of the quarter's data it has.
    const fits = checkPeriodFor(cal, m, period);
    const asked = fits.ok ? period : cal.containing(cal.end(period), m.frequency);
    return measureSeries({
      cal,
      measure: m,
      period: asked,
      returns: returns.get(id) ?? [],
      override: overrides.get(`${id}|${cal.format(asked)}`) ?? null,
      rules: rulesFor(p, m),
      suppressBelow: suppressionThreshold(m, p.settings.smallNumberThreshold),
    });
  });
}

export async function loadMeasureSeries(
  db: Db,
  p: Partnership,
  ref: string,
  periodText: string,
): Promise<Parsed<MeasureSeries>> {
  const cal = financialCalendar(p.settings.yearStartMonth);
  const found = findMeasure(p, ref);
  if (!found.ok) return found;
  const parsed = cal.parse(periodText);
  if (!parsed.ok) return parsed;
  const fits = checkPeriodFor(cal, found.value, parsed.value);
  if (!fits.ok) return fits;
  const [series] = await seriesOf(db, p, [found.value], parsed.value);
  return { ok: true, value: series as MeasureSeries };
}

export interface ThemeSeries {
  name: string;
  period: string;
  series: MeasureSeries[];
}

export async function loadThemeSeries(
  db: Db,
  p: Partnership,
  themeId: string,
  periodText: string,
): Promise<Parsed<ThemeSeries>> {
  const cal = financialCalendar(p.settings.yearStartMonth);
  const theme = p.themes.find((t) => t.id === themeId);
  if (!theme) {
    return {
      ok: false,
      error: `There is no theme "${themeId}": themes are ${p.themes.map((t) => t.id).join(', ')}`,
    };
  }
  const parsed = cal.parse(periodText);
  if (!parsed.ok) return parsed;
  const measures = p.measures.filter((m) => m.theme === theme.id && m.unit !== 'text');
  const series = await seriesOf(db, p, measures, parsed.value);
  return { ok: true, value: { name: theme.name, period: cal.format(parsed.value), series } };
}
