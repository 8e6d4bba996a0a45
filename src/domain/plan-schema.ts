// The plan file: a partnership's settings, people, themes, measures and (optionally) returns.
import { z } from 'zod';
import { MeasureSchema } from './measure.js';
import { FigureSchema, FiguresSchema } from './figures.js';
import { ReminderPolicySchema } from './reminders/reminder-policy.js';
import { SummaryPolicySchema } from './summary-policy.js';

const isoDate = z.union([z.date(), z.string()]).transform((v, ctx) => {
  const text = v instanceof Date ? v.toISOString().slice(0, 10) : v.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a date: use YYYY-MM-DD, e.g. 2016-05-24` });
    return z.NEVER;
  }
  return text;
});

export const RoleSchema = z.enum(['coordinator', 'chair', 'owner', 'member']);
export const RagSchema = z.enum(['green', 'amber', 'red', 'none']);

export const PartnershipSettingsSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a short id in lower case, e.g. stockton'),
  name: z.string().min(1),
  timezone: z.string().default('Europe/London'),
  yearStartMonth: z.number().int().min(1).max(12).default(4),
  dueWorkingDays: z.number().int().min(0).max(60).default(10),
  tolerancePct: z.number().min(0).max(100).default(15),
  redOnlyIfWorseThanLastYear: z.boolean().default(false),
  judgeAgainst: z.enum(['targetToDate', 'projection']).default('targetToDate'),
  smallNumberThreshold: z.number().int().min(1).default(5),
  /**
   * The financial years the plan covers ("2014/15" to "2016/17"): each year's returns are expected as it
   * comes, and periods outside these years are refused. Without it, every year counts.
   */
  planYears: z.object({ from: z.string().min(1), to: z.string().min(1) }).optional(),
  /**
   * The year the plan's plain `target` values were set for ("2015/16"): they judge that year and earlier
   * ones. A later year takes its targets from `targetsByYear`, or from "start 2016/17" in chat or the CLI;
   * until then its measures show "No target set for 2016/17". Without it, plain targets judge every year.
   */
  targetYear: z.string().optional(),
  /** Older plans pinned the year with this. It is read but pins nothing: see planYears and targetYear. */
  currentYear: z.string().optional(),
  /**
   * For demonstrations (the example plan): in local mode, with no TODAY set, the bot behaves as on this
   * date, so the tour reads the same whatever the real date is. The chat page shows it.
   */
  demoDate: isoDate.optional(),
  /** When owners are reminded and chased (defaults: see reminder-policy.ts). */
  reminders: ReminderPolicySchema.prefault({}),
  /** The weekly summary and the quarter's close in the partnership channel (see summary-policy.ts). */
  summary: SummaryPolicySchema.prefault({}),
  /** Slack workspaces (team ids, T…) whose users are this partnership's; see find-person.ts for the rule. */
  slackTeams: z.array(z.string().regex(/^[TE][A-Z0-9]+$/, 'a Slack team id, e.g. T0123ABCD')).optional(),
  /** Entra (Teams) tenant ids whose users are this partnership's. */
  teamsTenants: z.array(z.string().min(1)).optional(),
  /**
   * The partnership's own words for green, amber and red ("generally satisfied", "some concerns", "area of
   * significant concern"); keys are checked in validate-plan.ts so a typo is named, not dropped.
   */
  ragWords: z
    .record(z.string(), z.string().trim().min(1, 'give the words, or leave the colour out').max(60))
    .optional(),
});

/** The channels a person can be reached by (the local chat page is Teams' stand-in). */
export const CHANNEL_NAMES = ['teams', 'slack', 'email'] as const;

export const PersonSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  email: z.string().email('not an email address: write it as name@organisation.org').optional(),
  slackId: z.string().optional(),
  teamsId: z.string().optional(),
  role: RoleSchema.default('owner'),
  /** The channels to reach this person by, best first (e.g. [email, teams]); the rest follow in the usual order. */
  prefer: z
    .array(z.enum(CHANNEL_NAMES, { message: `a channel to reach them by: ${CHANNEL_NAMES.join(', ')}` }))
    .optional(),
  /** The organisation the person works for ("Cleveland Police"): completeness is counted by agency. */
  agency: z.string().trim().min(1, 'name the organisation, or leave agency out').max(80).optional(),
});

export const ThemeSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** The person (key) who signs off this theme's returns; without one, any coordinator does. */
  approver: z.string().min(1).optional(),
});

export const ReturnInputSchema = z
  .object({
    ref: z.coerce.string(),
    period: z.coerce.string(),
    value: FigureSchema.optional(),
    values: FiguresSchema.optional(),
    narrative: z.string().default(''),
    correctiveAction: z.string().optional(),
    notAvailable: z.string().min(1).optional(),
    expected: isoDate.optional(),
    submittedBy: z.string().optional(),
    submittedAt: isoDate.optional(),
  })
  .refine((r) => [r.value, r.values, r.notAvailable].filter((v) => v !== undefined).length <= 1, {
    message: 'give one of value, values or notAvailable',
  });

export const OverrideInputSchema = z.object({
  ref: z.coerce.string(),
  period: z.coerce.string(),
  rag: RagSchema,
  reason: z.string().min(1, 'say why the status differs from the computed one'),
  by: z.string().min(1),
});

export const PlanSchema = z.object({
  partnership: PartnershipSettingsSchema,
  people: z.array(PersonSchema).min(1),
  themes: z.array(ThemeSchema).min(1),
  measures: z.array(MeasureSchema).min(1),
  returns: z.array(ReturnInputSchema).default([]),
  overrides: z.array(OverrideInputSchema).default([]),
});

export type Role = z.infer<typeof RoleSchema>;
export type Rag = z.infer<typeof RagSchema>;
export type PartnershipSettings = z.infer<typeof PartnershipSettingsSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Theme = z.infer<typeof ThemeSchema>;
export type ReturnInput = z.infer<typeof ReturnInputSchema>;
export type OverrideInput = z.infer<typeof OverrideInputSchema>;
export type Plan = z.infer<typeof PlanSchema>;
