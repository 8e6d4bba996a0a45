// What a measure is: its kind of figure, how the year to date is built, and what it is judged against.
import { z } from 'zod';

export const FrequencySchema = z.enum(['monthly', 'quarterly', 'annual']);
export const UnitSchema = z.enum(['count', 'percent', 'rate', 'rank', 'text']);
export const PolaritySchema = z.enum(['higher', 'lower', 'monitor']);
/** `rolling12`: a monthly count read as the sum of the 12 months ending with each period. */
export const AggregationSchema = z.enum(['sum', 'latest', 'ratio', 'rolling12']);

/** A target for one financial year: an annual value, one value per period, or a change from a reference. */
export const TargetSchema = z
  .object({
    annual: z.number().optional(),
    perPeriod: z.array(z.number()).min(1).optional(),
    changePct: z.number().optional(),
    from: z.enum(['baseline', 'lastYear']).default('baseline'),
  })
  .refine((t) => [t.annual, t.perPeriod, t.changePct].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of annual, perPeriod or changePct',
  });

export const BaselineSchema = z.object({
  value: z.number().nullable().default(null),
  label: z.string().default(''),
});

export const ComponentSchema = z.object({
  key: z.string().regex(/^[a-z0-9][a-z0-9-_]*$/i, 'use letters, digits, "-" or "_"'),
  label: z.string().min(1),
  baseline: BaselineSchema.optional(),
  target: TargetSchema.optional(),
});

export const RagRulesSchema = z.object({
  tolerancePct: z.number().min(0).max(100).optional(),
  redOnlyIfWorseThanLastYear: z.boolean().optional(),
  judgeAgainst: z.enum(['targetToDate', 'projection']).optional(),
});

export const MeasureSchema = z
  .object({
    ref: z.coerce.string().regex(/^\d+(\.\d+)*[a-z]?$/i, 'a reference like 2.2'),
    title: z.string().min(1),
    theme: z.string().min(1),
    source: z.string().default(''),
    owner: z.string().min(1),
    frequency: FrequencySchema.default('quarterly'),
    /** Months after a period ends before its data exists ("one month behind": 1); returns are due that much later. */
    lagMonths: z.number().int().min(0).max(12).default(0),
    unit: UnitSchema.default('count'),
    polarity: PolaritySchema.default('lower'),
    aggregation: AggregationSchema.optional(),
    /** Rank measures: the comparison group's usual size (15 in an iQuanta family); each return keeps its own. */
    groupSize: z
      .number()
      .int('a group size is a whole number, e.g. 15')
      .min(2, 'a comparison group has 2 members or more, e.g. 15')
      .optional(),
    components: z.array(ComponentSchema).min(1).optional(),
    headline: z.string().optional(),
    baseline: BaselineSchema.optional(),
    target: TargetSchema.optional(),
    targetsByYear: z.record(z.string(), TargetSchema).optional(),
    rag: RagRulesSchema.default({}),
    sensitive: z.boolean().default(false),
    smallNumberThreshold: z.number().int().min(1).optional(),
  })
  .transform((m) => ({ ...m, aggregation: m.aggregation ?? defaultAggregation(m.unit) }))
  .superRefine((m, ctx) => {
    const keys = (m.components ?? []).map((c) => c.key);
    if (m.headline !== undefined && !keys.includes(m.headline)) {
      ctx.addIssue({
        code: 'custom',
        path: ['headline'],
        message: `must be one of the components: ${keys.join(', ')}`,
      });
    }
    if (new Set(keys).size !== keys.length) {
      ctx.addIssue({ code: 'custom', path: ['components'], message: 'component keys must be different' });
    }
  });

export type Frequency = z.infer<typeof FrequencySchema>;
export type Unit = z.infer<typeof UnitSchema>;
export type Polarity = z.infer<typeof PolaritySchema>;
export type Aggregation = z.infer<typeof AggregationSchema>;
export type Target = z.infer<typeof TargetSchema>;
export type Baseline = z.infer<typeof BaselineSchema>;
export type MeasureInput = z.input<typeof MeasureSchema>;
export type Measure = z.infer<typeof MeasureSchema>;

/** The key under which a single-series measure stores its figure. */
export const SINGLE = 'value';

export interface Component {
  key: string;
  label: string;
  baseline?: Baseline;
  target?: Target;
}

function defaultAggregation(unit: Unit): Aggregation {
  return unit === 'count' ? 'sum' : 'latest';
}

/**
 * Whether a figure stands at a point in time (a latest value, a rolling 12 months) rather than adding up
 * over the year: it is judged as it is, with no year to date of its own.
 */
export function isSnapshot(aggregation: Aggregation): boolean {
  return aggregation === 'latest' || aggregation === 'rolling12';
}

/** The series a measure reports: its components, or one series named after the measure. */
export function componentsOf(m: Measure): Component[] {
  return m.components ?? [{ key: SINGLE, label: m.title }];
}

export function headlineOf(m: Measure): Component {
  const all = componentsOf(m);
  return all.find((c) => c.key === m.headline) ?? (all[0] as Component);
}

/**
 * The small-number threshold that applies when a measure's figures are posted to a channel: only
 * counts of sensitive measures are suppressed (a percentage of 3 identifies nobody by itself).
 */
export function suppressionThreshold(m: Measure, partnershipDefault: number): number | null {
  return m.sensitive && m.unit === 'count' ? (m.smallNumberThreshold ?? partnershipDefault) : null;
}
