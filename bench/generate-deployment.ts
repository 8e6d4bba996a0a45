// Writes a synthetic deployment into a fresh SQLite database: the plans through the real savePlan, then
// years of monthly and quarterly returns (with some second revisions, missing latest returns and one
// override per partnership). The returns go in with one prepared statement in one transaction: Prisma's
// createMany took 35 s for the default 130,000 rows, this takes about two.
import Database from 'better-sqlite3';
import { financialCalendar, type Period } from '../src/domain/period.js';
import { prismaOf } from '../src/store/db.js';
import { openDatabase } from '../src/store/open-database.js';
import { savePlan } from '../src/store/plan-store.js';
import { between, seededRandom, type Random } from './prng.js';
import { syntheticPartnership, type MeasureShape, type SyntheticPartnership } from './synthetic-plan.js';

export interface DeploymentSize {
  partnerships: number;
  measures: number;
  years: number;
}

/** A measure's latest period and its current revision there (0: no return yet), for submissions. */
export interface Submittable {
  slug: string;
  ref: string;
  owner: string;
  period: string;
  revision: number;
  unit: 'count' | 'percent';
  typical: number;
}

export interface Deployment {
  partnerships: SyntheticPartnership[];
  submittable: Submittable[];
  returns: number;
  revisions: number;
  generateMs: number;
}

/** The financial year the benchmark's "now" is in, and the instant itself (after its Q4 returns were due). */
export const BENCH_YEAR = 2015;
export const BENCH_NOW = new Date('2016-05-02T09:30:00Z');

const cal = financialCalendar(4);

interface ReturnRow {
  measureId: number;
  period: string;
  periodEnd: string;
  revision: number;
  figures: string;
  narrative: string;
  correctiveAction: string | null;
  submittedBy: string;
  submittedAt: Date;
  source: string;
}

const INSERT = `INSERT INTO "Return" (measureId, period, periodEnd, revision, figures, narrative, correctiveAction,
  submittedBy, submittedAt, source) VALUES (@measureId, @period, @periodEnd, @revision, @figures, @narrative,
  @correctiveAction, @submittedBy, @submittedAt, @source)`;

/** Rows as Prisma's SQLite adapter stores them (DateTime as ISO text with an explicit offset). */
function insertReturns(path: string, rows: ReturnRow[]): void {
  const raw = new Database(path);
  try {
    const insert = raw.prepare(INSERT);
    raw.transaction(() => {
      for (const r of rows)
        insert.run({ ...r, submittedAt: r.submittedAt.toISOString().replace('Z', '+00:00') });
    })();
  } finally {
    raw.close();
  }
}

function figureOf(random: Random, s: MeasureShape, yearsAgo: number): number {
  if (s.unit === 'percent')
    return Math.min(100, Math.round((s.typical + between(random, -12, 12)) * 10) / 10);
  // Counts drift a little from year to year, with ±30% noise from period to period.
  const drift = 1 + 0.03 * yearsAgo * (s.polarity === 'lower' ? 1 : -1);
  return Math.max(0, Math.round(s.typical * drift * (0.7 + 0.6 * random())));
}

function submittedAt(random: Random, periodEnd: string, latest: boolean): Date {
  const at = new Date(`${periodEnd}T10:00:00Z`).getTime() + between(random, 3, 20) * 86_400_000;
  // The latest period's returns came in over the last month, some of them this week.
  return new Date(latest ? Math.min(at, BENCH_NOW.getTime() - between(random, 1, 26) * 86_400_000) : at);
}

function rowsOf(
  random: Random,
  s: MeasureShape,
  measureId: number,
  years: number,
): { rows: ReturnRow[]; latest: { period: Period; revision: number } } {
  const rows: ReturnRow[] = [];
  const periods = Array.from({ length: years }, (_, i) => BENCH_YEAR - years + 1 + i).flatMap((y) =>
    cal.periodsInYear(y, s.frequency).map((p) => ({ p, yearsAgo: BENCH_YEAR - y })),
  );
  const last = periods[periods.length - 1];
  if (!last) throw new Error('no periods');
  let latestRevision = 0;
  for (const { p, yearsAgo } of periods) {
    const isLast = p === last.p;
    // A quarter of the measures have not sent their latest return: outstanding, overdue.
    if (isLast && random() < 0.25) continue;
    const periodEnd = cal.end(p);
    const base = {
      measureId,
      period: cal.format(p),
      periodEnd,
      narrative: `Commentary on ${s.ref} for ${cal.format(p)}: figures as reported by the lead agency.`,
      correctiveAction:
        random() < 0.3 ? 'Partnership problem-solving group to review at its next meeting.' : null,
      submittedBy: s.owner,
      source: 'import',
    };
    const first = submittedAt(random, periodEnd, isLast);
    rows.push({
      ...base,
      revision: 1,
      figures: JSON.stringify({ value: figureOf(random, s, yearsAgo) }),
      submittedAt: first,
    });
    let revision = 1;
    // One return in ten is corrected later.
    if (random() < 0.1) {
      revision = 2;
      const later = new Date(Math.min(first.getTime() + 5 * 86_400_000, BENCH_NOW.getTime() - 3_600_000));
      rows.push({
        ...base,
        revision,
        figures: JSON.stringify({ value: figureOf(random, s, yearsAgo) }),
        submittedAt: later,
      });
    }
    if (isLast) latestRevision = revision;
  }
  return { rows, latest: { period: last.p, revision: latestRevision } };
}

/** Creates the database at `path` (a new file) holding the synthetic deployment. */
export async function generateDeployment(path: string, size: DeploymentSize, seed = 1): Promise<Deployment> {
  const started = performance.now();
  const db = await openDatabase(`file:${path}`);
  const random = seededRandom(seed);
  const partnerships: SyntheticPartnership[] = [];
  const submittable: Submittable[] = [];
  let returns = 0;
  let revisions = 0;
  const pending: ReturnRow[] = [];
  try {
    for (let i = 0; i < size.partnerships; i++) {
      const sp = syntheticPartnership(i, size.measures, cal.format({ kind: 'year', year: BENCH_YEAR }));
      await savePlan(db.prisma, cal, sp.plan, { returns: [], overrides: [] }, BENCH_NOW);
      const stored = await prismaOf(db.prisma).measure.findMany({
        where: { partnership: { slug: sp.slug } },
        select: { id: true, ref: true },
      });
      const idOf = new Map(stored.map((m) => [m.ref, m.id]));
      const rows: ReturnRow[] = [];
      for (const s of sp.shapes) {
        const id = idOf.get(s.ref) as number;
        const made = rowsOf(random, s, id, size.years);
        rows.push(...made.rows);
        submittable.push({
          slug: sp.slug,
          ref: s.ref,
          owner: s.owner,
          period: cal.format(made.latest.period),
          revision: made.latest.revision,
          unit: s.unit,
          typical: s.typical,
        });
      }
      pending.push(...rows);
      revisions += rows.length;
      returns += rows.filter((r) => r.revision === 1).length;
      // One override per partnership, on its first quarterly measure's latest quarter.
      const quarterly = sp.shapes.find((s) => s.frequency === 'quarterly');
      if (quarterly)
        await prismaOf(db.prisma).override.create({
          data: {
            measureId: idOf.get(quarterly.ref) as number,
            period: cal.format({ kind: 'quarter', year: BENCH_YEAR, quarter: 4 }),
            rag: 'amber',
            reason: 'The figure includes a one-off data cleanse: the board agreed to show it amber.',
            setBy: 'chair',
            setAt: BENCH_NOW,
          },
        });
      partnerships.push(sp);
    }
  } finally {
    await db.close();
  }
  insertReturns(path, pending);
  return { partnerships, submittable, returns, revisions, generateMs: performance.now() - started };
}
