// How long the server's heavier work takes, timed inside the bot's process after the load (so its
// memory counts in the bot's peak RSS): the weekly summary and the board dashboard for one partnership
// and for all of them, the summaries' job as the scheduler runs it, and drawing a status chart.
import { pino } from 'pino';
import { createChartRenderer } from '../src/charts/chart-renderer.js';
import { jobOf } from '../src/charts/chart-service.js';
import { loadMeasureSeries } from '../src/charts/chart-source.js';
import { cumulativeChart } from '../src/charts/cumulative-chart.js';
import { addDays, isoDateOf } from '../src/domain/iso-date.js';
import { currentYearOf } from '../src/domain/partnership-calendar.js';
import { financialCalendar } from '../src/domain/period.js';
import { localTime, zonedInstant } from '../src/domain/reminders/reminder-time.js';
import { isoWeekOf } from '../src/domain/iso-week.js';
import { summaryTick } from '../src/jobs/summary-tick.js';
import { buildDashboard } from '../src/reports/dashboard.js';
import { dashboardHtml } from '../src/reports/dashboard-html.js';
import { dashboardXlsx } from '../src/reports/dashboard-xlsx.js';
import { readSummaryData } from '../src/reports/summary-view.js';
import { partnershipNow, weeklySummary } from '../src/reports/weekly-summary.js';
import type { Db } from '../src/store/open-database.js';
import type { Partnership } from '../src/domain/partnership.js';
import { listPartnerships, loadPartnership } from '../src/store/partnership-store.js';
import { median, round } from './stats.js';

export interface ReportTimings {
  /** Medians over `runs` runs, in milliseconds; "all" is one pass over every partnership. */
  weeklySummaryOneMs: number;
  weeklySummaryAllMs: number;
  /** The summaries' job (src/jobs/summary-tick.ts) once, writing this week's summaries to the outbox. */
  summaryTickAllMs: number;
  dashboardHtmlOneMs: number;
  dashboardHtmlAllMs: number;
  dashboardXlsxOneMs: number;
  dashboardXlsxAllMs: number;
  /** The first chart starts the drawing worker; then the median of `chartRuns` status charts. */
  chartFirstMs: number;
  chartMs: number;
  chartPngBytes: number;
}

async function timed(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return round(median(samples), 1);
}

async function load(db: Db, slug: string): Promise<Partnership> {
  const p = await loadPartnership(db, slug);
  if (!p) throw new Error(`partnership ${slug} is missing`);
  return p;
}

/** This week's summary as "summary" in chat builds it (src/bot/handlers/summary.ts), from the database. */
async function weekly(db: Db, slug: string, clock: Date): Promise<void> {
  const p = await load(db, slug);
  const cal = financialCalendar(p.settings.yearStartMonth);
  const tz = p.settings.timezone;
  const today = isoDateOf(clock, tz);
  const now = partnershipNow(clock, today, tz);
  const local = localTime(now, tz);
  const since = zonedInstant(`${addDays(local.date, -7)}T${local.time}`, tz) ?? now;
  const year = currentYearOf(cal, p.settings, today);
  weeklySummary({
    cal,
    partnership: p,
    data: await readSummaryData(db, cal, p, { year, since }),
    now,
    since,
    today,
    week: isoWeekOf(today).label,
    chart: null,
  });
}

async function dashboard(db: Db, slug: string, clock: Date, format: 'html' | 'xlsx'): Promise<void> {
  const p = await load(db, slug);
  const cal = financialCalendar(p.settings.yearStartMonth);
  const d = await buildDashboard(db, cal, p, {
    today: isoDateOf(clock, p.settings.timezone),
    suppress: true,
  });
  if (!d.ok) throw new Error(d.error);
  if (format === 'html') dashboardHtml(d.value);
  else await dashboardXlsx(d.value);
}

export async function reportTimings(
  db: Db,
  clock: Date,
  runs: number,
  chartRuns: number,
): Promise<ReportTimings> {
  const slugs = (await listPartnerships(db)).map((p) => p.slug);
  const first = slugs[0];
  if (!first) throw new Error('no partnerships');
  const all = (fn: (slug: string) => Promise<void>) => async () => {
    for (const slug of slugs) await fn(slug);
  };
  const log = pino({ level: 'silent' });
  const tickStarted = performance.now();
  await summaryTick({ db, log, chart: null }, clock);
  const summaryTickAllMs = round(performance.now() - tickStarted, 1);

  const renderer = createChartRenderer({ log });
  const p = await load(db, first);
  const cal = financialCalendar(p.settings.yearStartMonth);
  const measure = p.measures.find((m) => m.frequency === 'quarterly') ?? p.measures[0];
  if (!measure) throw new Error('no measures');
  const period = cal.format(cal.lastCompleted(isoDateOf(clock, p.settings.timezone), measure.frequency));
  let pngBytes = 0;
  const chart = async () => {
    const series = await loadMeasureSeries(db, p, measure.ref, period);
    if (!series.ok) throw new Error(series.error);
    const drawn = await renderer.chart(jobOf(cumulativeChart(series.value)));
    if (!drawn.ok) throw new Error(drawn.error);
    pngBytes = drawn.png.length;
  };
  try {
    return {
      weeklySummaryOneMs: await timed(runs, () => weekly(db, first, clock)),
      weeklySummaryAllMs: await timed(
        runs,
        all((s) => weekly(db, s, clock)),
      ),
      summaryTickAllMs,
      dashboardHtmlOneMs: await timed(runs, () => dashboard(db, first, clock, 'html')),
      dashboardHtmlAllMs: await timed(
        runs,
        all((s) => dashboard(db, s, clock, 'html')),
      ),
      dashboardXlsxOneMs: await timed(runs, () => dashboard(db, first, clock, 'xlsx')),
      dashboardXlsxAllMs: await timed(
        runs,
        all((s) => dashboard(db, s, clock, 'xlsx')),
      ),
      chartFirstMs: await timed(1, chart),
      chartMs: await timed(chartRuns, chart),
      chartPngBytes: pngBytes,
    };
  } finally {
    await renderer.close();
  }
}
