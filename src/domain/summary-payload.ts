// What a weekly or quarterly summary says, as data: built once when it is due (reports/weekly-summary.ts),
// stored in its outbox row as JSON and parsed again before it is posted, then drawn as a list
// (bot/summary-reply.ts). Figures are already formatted, small sensitive counts already suppressed.
import { z } from 'zod';
import { RagSchema } from './plan-schema.js';

const RagCountsSchema = z.object({
  red: z.number().int(),
  amber: z.number().int(),
  green: z.number().int(),
  none: z.number().int(),
});

/** One measure's returns that came in during the week (several periods when an owner catches up). */
export const SummaryReturnSchema = z.object({
  ref: z.string(),
  title: z.string(),
  /** Oldest first: "2015/16 Q3", "2015/16 Q4". */
  periods: z.array(z.string()),
  /** Who submitted the latest of them (a name), when the return says. */
  by: z.string().nullable(),
  /** The local date the latest came in. */
  on: z.string(),
  /** Some of them replace figures given before. */
  revised: z.boolean(),
  /** The latest is "not available" rather than figures. */
  notAvailable: z.boolean(),
  /** The RAG of the latest period. */
  rag: RagSchema,
});

export const SummaryExceptionSchema = z.object({
  ref: z.string(),
  title: z.string(),
  theme: z.string(),
  period: z.string(),
  rag: RagSchema,
  label: z.string(),
  /** The RAG a week ago (weekly), null when the measure was not an exception then or is all new. */
  was: z.object({ rag: RagSchema, period: z.string() }).nullable(),
  figures: z.string(),
  trend: z.string().nullable(),
  narrative: z.string().nullable(),
  correctiveAction: z.string().nullable(),
  override: z.object({ rag: RagSchema, reason: z.string() }).nullable(),
});

export const SummaryOwedSchema = z.object({
  owner: z.string(),
  items: z.array(
    z.object({
      ref: z.string(),
      title: z.string(),
      period: z.string(),
      due: z.string(),
      overdue: z.boolean(),
    }),
  ),
});

const TallySchema = z.object({
  expected: z.number().int(),
  received: z.number().int(),
  approved: z.number().int(),
  awaiting: z.number().int(),
  overdue: z.number().int(),
});

/** Completeness by agency of one quarter (see domain/agency-completeness.ts), its words ready. */
export const AgencyReportSchema = z.object({
  /** The quarter counted: "2015/16 Q4". */
  period: z.string(),
  agencies: z.array(
    TallySchema.extend({
      agency: z.string(),
      owners: z.array(
        TallySchema.extend({
          name: z.string(),
          /** "5.2 2015/16 Q4: overdue since 2016-04-14", earliest due first. */
          missing: z.array(z.string()),
        }),
      ),
    }),
  ),
});

export const SummarySchema = z.object({
  scope: z.enum(['week', 'quarter']),
  partnership: z.string(),
  /** The ISO week ("2016-W15") or the quarter ("2015/16 Q4"). */
  label: z.string(),
  /** Weekly: what came in after `from` (a local date), up to `to`. */
  from: z.string(),
  to: z.string(),
  received: z.array(SummaryReturnSchema),
  /** Quarterly: how many of the quarter's returns are in. */
  returnsIn: z.object({ received: z.number().int(), expected: z.number().int() }).nullable(),
  outstanding: z.array(SummaryOwedSchema),
  /** Weekly: new or changed exceptions; quarterly: every red and amber measure of the quarter. */
  exceptions: z.array(SummaryExceptionSchema),
  /** Weekly: measures that were red or amber a week ago and are not now. */
  cleared: z.array(
    z.object({
      ref: z.string(),
      title: z.string(),
      rag: RagSchema,
      label: z.string(),
      was: RagSchema,
    }),
  ),
  distribution: RagCountsSchema,
  chart: z.object({ url: z.string(), alt: z.string() }).nullable(),
  /** Returns whose figures are not yet approved (awaiting approval, sent back or reopened). */
  unapproved: z
    .array(z.object({ ref: z.string(), title: z.string(), period: z.string(), state: z.string() }))
    .optional(),
  /** The current quarter's (weekly) or the quarter's returns by agency; absent in summaries stored before. */
  agencies: AgencyReportSchema.optional(),
});

export type Summary = z.infer<typeof SummarySchema>;
export type AgencyReport = z.infer<typeof AgencyReportSchema>;
export type SummaryReturn = z.infer<typeof SummaryReturnSchema>;
export type SummaryException = z.infer<typeof SummaryExceptionSchema>;
export type SummaryOwed = z.infer<typeof SummaryOwedSchema>;
export type RagCounts = z.infer<typeof RagCountsSchema>;

/** The idempotency key of a weekly summary: one per partnership and ISO week, ever. */
export const weeklySummaryKey = (partnership: string, isoWeek: string) => `summary:${partnership}:${isoWeek}`;

/** The idempotency key of a quarter's summary: one per partnership and quarter, ever. */
export const quarterSummaryKey = (partnership: string, quarter: string) =>
  `quarter:${partnership}:${quarter}`;

/** The outbox recipient of a partnership channel post (people's keys never start with "#"). */
export const PARTNERSHIP_CHANNEL = '#channel';
