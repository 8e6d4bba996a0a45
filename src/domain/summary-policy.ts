// A partnership's summaries (the plan file's `partnership.summary`): when the weekly summary is posted
// to the partnership channel, which channel, and whether the quarter's close is posted too.
import { z } from 'zod';

// Five fields (or six, with seconds first): minute hour day-of-month month day-of-week. The scheduler
// checks the expression fully when it starts; this catches the typing slips where the plan is read.
const CRON_FIELD = /^[\d*?LW#/,A-Za-z-]+$/;
const cron = z
  .string()
  .trim()
  .refine((text) => {
    const fields = text.split(/\s+/);
    return (fields.length === 5 || fields.length === 6) && fields.every((f) => CRON_FIELD.test(f));
  }, 'a cron expression of five fields, e.g. "0 9 * * 1" for Mondays at 09:00');

// Plan files are YAML 1.2 (dates stay text), and settings are stored as JSON: a date is text here.
const isoDate = z.string().refine((t) => /^\d{4}-\d{2}-\d{2}$/.test(t) && !Number.isNaN(Date.parse(t)), {
  message: 'a date written YYYY-MM-DD, e.g. 2016-05-24',
});

const quarter = z
  .string()
  .regex(/^\d{4}(\/\d{2})? Q[1-4]$/, 'a quarter written like 2015/16 Q4 (or 2015 Q4 for calendar years)');

export const SummaryPolicySchema = z
  .object({
    /** The weekly summary and the quarter's close, posted to the partnership channel. */
    enabled: z.boolean().default(true),
    /** When the weekly summary is posted, in the partnership's time zone: Mondays at 09:00. */
    cron: cron.default('0 9 * * 1'),
    /** The Slack channel to post in (an id like C0123456789, or a name like #community-safety). */
    slackChannel: z.string().min(1).optional(),
    /** The Teams channel's conversation id; by default the channel the bot was last used in. */
    teamsChannel: z.string().min(1).optional(),
    /** Post the quarter's summary once all its returns are in (or on its board date). */
    quarterClose: z.boolean().default(true),
    /** The board meeting of a quarter: its summary is posted that day even if returns are missing. */
    boardDates: z.record(quarter, isoDate).default({}),
  })
  .strict();

export type SummaryPolicy = z.infer<typeof SummaryPolicySchema>;

export const DEFAULT_SUMMARY_POLICY: SummaryPolicy = SummaryPolicySchema.parse({});
