// A partnership's reminder policy (the plan file's `partnership.reminders`): when owners are reminded,
// nudged and chased, when the coordinator hears about late returns, and the hours messages may go out.
import { z } from 'zod';

// Kept as text ("09:00"): the settings are stored as JSON and parsed again when loaded.
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day like 09:00');

/** "09:30" → 570 minutes after midnight. */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export const ReminderPolicySchema = z
  .object({
    /** Automatic reminders at all; coordinators' "remind all" works either way. */
    enabled: z.boolean().default(true),
    /** The first reminder, this many working days before the due date. */
    firstWorkingDaysBefore: z.number().int().min(1).max(30).default(5),
    /** A nudge on the working day before the due date. */
    dayBefore: z.boolean().default(true),
    /** A reminder on the due date itself. */
    onDueDay: z.boolean().default(true),
    /** Once overdue, a chaser every this many working days... */
    chaseEveryWorkingDays: z.number().int().min(1).max(20).default(2),
    /** ...at most this many times (the coordinator has the escalation by then). */
    maxChasers: z.number().int().min(0).max(20).default(4),
    /** The coordinator is told after this many working days overdue. */
    escalateAfterWorkingDays: z.number().int().min(1).max(60).default(5),
    /** The chair is told too. */
    escalateToChair: z.boolean().default(false),
    /** Messages go out between these local times, on working days only. */
    workingHours: z
      .object({ start: clockTime.default('09:00'), end: clockTime.default('17:00') })
      .prefault({})
      .refine(
        (h) => minutesOf(h.start) < minutesOf(h.end),
        'start must be before end, e.g. { start: "09:00", end: "17:00" }',
      ),
  })
  .strict();

export type ReminderPolicy = z.infer<typeof ReminderPolicySchema>;

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = ReminderPolicySchema.parse({});
