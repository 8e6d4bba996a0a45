// The plan of one synthetic partnership: six themes, `measures` measures (monthly and quarterly, counts
// and percentages, higher and lower polarity, a few sensitive), a coordinator, a chair and one owner per
// six measures, every person with a Teams id so the load can act as them.
import type { MeasureInput } from '../src/domain/measure.js';
import { PlanSchema, type Plan } from '../src/domain/plan-schema.js';

export const THEMES = [
  { id: 'asb', name: 'Anti-social behaviour' },
  { id: 'violence', name: 'Violent crime and robbery' },
  { id: 'drugs', name: 'Drug related offending' },
  { id: 'damage', name: 'Criminal damage' },
  { id: 'alcohol', name: 'Alcohol related offending' },
  { id: 'domestic', name: 'Domestic abuse' },
];

export const BENCH_TENANT = 'b3c4d5e6-0000-4000-8000-00000000be9c';

/** The shape of one synthetic measure, which the returns generator needs to make its figures. */
export interface MeasureShape {
  ref: string;
  frequency: 'monthly' | 'quarterly';
  unit: 'count' | 'percent';
  polarity: 'higher' | 'lower';
  /** The typical figure of one period. */
  typical: number;
  owner: string;
}

export interface BenchPerson {
  key: string;
  name: string;
  teamsId: string;
  role: 'coordinator' | 'chair' | 'owner';
}

export interface SyntheticPartnership {
  slug: string;
  plan: Plan;
  shapes: MeasureShape[];
  people: BenchPerson[];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const slugOf = (index: number) => `bench-${pad(index + 1, 3)}`;
const teamsIdOf = (partnership: number, person: number) =>
  `b0000000-0000-4000-8000-${pad(partnership, 4)}${pad(person, 8)}`;

export function shapeOf(index: number, owner: string): MeasureShape {
  const frequency = index % 2 === 0 ? 'monthly' : 'quarterly';
  const unit = index % 3 === 2 ? 'percent' : 'count';
  const polarity = unit === 'percent' || index % 4 >= 2 ? 'higher' : 'lower';
  const monthly = 20 + ((index * 37) % 180);
  const typical = unit === 'percent' ? 60 + (index % 25) : frequency === 'monthly' ? monthly : monthly * 3;
  const theme = index % THEMES.length;
  const ref = `${theme + 1}.${Math.floor(index / THEMES.length) + 1}`;
  return { ref, frequency, unit, polarity, typical, owner };
}

function measureOf(s: MeasureShape, index: number): MeasureInput {
  const perYear = s.frequency === 'monthly' ? 12 : 4;
  // Targets a little better than typical, so that the noise in the figures gives red, amber and green.
  const better = s.polarity === 'lower' ? 0.95 : 1.05;
  const annual =
    s.unit === 'percent' ? Math.round(s.typical * better) : Math.round(s.typical * perYear * better);
  return {
    ref: s.ref,
    title: `Synthetic measure ${s.ref} (${s.frequency} ${s.unit}, ${s.polarity} is better)`,
    theme: THEMES[index % THEMES.length]?.id ?? 'asb',
    source: `Source ${index % 7}`,
    owner: s.owner,
    frequency: s.frequency,
    unit: s.unit,
    polarity: s.polarity,
    baseline: { value: s.unit === 'percent' ? s.typical : s.typical * perYear, label: 'Baseline year' },
    target: { annual },
    sensitive: index % 10 === 9 && s.unit === 'count',
  };
}

/** The partnership at `index` (0-based) with `measures` measures, its financial year `currentYear`. */
export function syntheticPartnership(
  index: number,
  measures: number,
  currentYear: string,
): SyntheticPartnership {
  const slug = slugOf(index);
  const owners = Math.max(1, Math.ceil(measures / 6));
  const people: BenchPerson[] = [
    {
      key: 'coordinator',
      name: `Coordinator ${index + 1}`,
      teamsId: teamsIdOf(index, 0),
      role: 'coordinator',
    },
    { key: 'chair', name: `Chair ${index + 1}`, teamsId: teamsIdOf(index, 1), role: 'chair' },
    ...Array.from({ length: owners }, (_, i) => ({
      key: `owner-${i + 1}`,
      name: `Owner ${i + 1} of ${index + 1}`,
      teamsId: teamsIdOf(index, i + 2),
      role: 'owner' as const,
    })),
  ];
  const shapes = Array.from({ length: measures }, (_, i) => shapeOf(i, `owner-${(i % owners) + 1}`));
  const plan = PlanSchema.parse({
    // Bound to the load's Teams tenant: with several partnerships an unbound one matches nobody.
    partnership: {
      id: slug,
      name: `Bench partnership ${index + 1}`,
      currentYear,
      teamsTenants: [BENCH_TENANT],
    },
    people: people.map((p) => ({
      id: p.key,
      name: p.name,
      role: p.role,
      teamsId: p.teamsId,
      email: `${p.key}@${slug}.example.org`,
    })),
    themes: THEMES,
    measures: shapes.map(measureOf),
  });
  return { slug, plan, shapes, people };
}
