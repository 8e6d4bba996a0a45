// "summary": this week's summary for whoever asks; "summary 2015/16 Q4": a quarter's summary;
// coordinators' "post summary": the same, posted to the partnership channel now (through the outbox).
import { addDays } from '../../domain/iso-date.js';
import { currentQuarterOf } from '../../domain/partnership-calendar.js';
import { localTime, zonedInstant } from '../../domain/reminders/reminder-time.js';
import type { Summary } from '../../domain/summary-payload.js';
import { isoWeekOf } from '../../domain/iso-week.js';
import { quarterSummary } from '../../reports/quarter-summary.js';
import { readSummaryData, type SummaryData } from '../../reports/summary-view.js';
import { partnershipNow } from '../../reports/weekly-summary.js';
import { readWeeklySummary } from '../../reports/weekly-summary-read.js';
import { summaryMessage } from '../../store/outbox-messages.js';
import { insertMissing } from '../../store/outbox-store.js';
import { may } from '../actor-of.js';
import type { Reply } from '../reply.js';
import type { Ctx } from '../handler-context.js';
import { summaryReply } from '../summary-reply.js';

type Built = { ok: true; summary: Summary } | { ok: false; error: string };

async function weekly(ctx: Ctx): Promise<Summary> {
  const { turn } = ctx;
  const p = turn.partnership;
  const tz = p.settings.timezone;
  const now = partnershipNow(turn.now, turn.today, tz);
  const local = localTime(now, tz);
  const since = zonedInstant(`${addDays(local.date, -7)}T${local.time}`, tz) ?? now;
  const read = await readWeeklySummary(ctx.deps.db, {
    cal: turn.cal,
    partnership: p,
    now,
    since,
    today: turn.today,
    week: isoWeekOf(turn.today).label,
    chart: ctx.deps.summaryChart ?? null,
  });
  return read.summary;
}

function quarterly(ctx: Ctx, data: SummaryData, asked: string): Built {
  const { turn } = ctx;
  // "quarterly summary", "quarter summary": the quarter last ended.
  const last = currentQuarterOf(turn.cal, turn.partnership.settings, turn.today);
  const periodText = /^quarter(ly)?$/i.test(asked) ? turn.cal.format(last) : asked;
  const parsed = turn.cal.parse(periodText, {
    defaultYear: turn.cal.yearOf(last),
  });
  if (!parsed.ok) return parsed;
  if (parsed.value.kind !== 'quarter')
    return {
      ok: false,
      error: `${turn.cal.format(parsed.value)} is not a quarter: ask for a quarter's summary, e.g. "summary 2015/16 Q4", or say "summary" for this week's.`,
    };
  if (turn.cal.end(parsed.value) >= turn.today)
    return {
      ok: false,
      error: `${turn.cal.format(parsed.value)} has not ended yet: say "summary" for this week's summary.`,
    };
  return {
    ok: true,
    summary: quarterSummary({
      cal: turn.cal,
      partnership: turn.partnership,
      data,
      quarter: parsed.value,
      today: turn.today,
      chart: ctx.deps.summaryChart ?? null,
    }),
  };
}

export async function summary(ctx: Ctx, periodText: string | null, post: boolean): Promise<Reply[]> {
  const { turn, deps } = ctx;
  const p = turn.partnership;
  const built: Built = periodText
    ? quarterly(ctx, await readSummaryData(deps.db, turn.cal, p), periodText)
    : { ok: true, summary: await weekly(ctx) };
  if (!built.ok) return [{ kind: 'text', text: built.error }];
  const reply = summaryReply(built.summary);
  if (!post) return [reply];
  if (!may(turn, 'summary.post'))
    return [
      {
        kind: 'text',
        text: 'Only a coordinator can post the summary to the partnership channel. Here it is for you:',
      },
      reply,
    ];
  // The request id makes the same "post summary" (a platform's retry) post once.
  const key = `summary:${p.settings.id}:post:${turn.requestId}`;
  await insertMissing(deps.db, [summaryMessage(p, key, built.summary)], turn.now);
  return [
    {
      kind: 'text',
      text: `The ${built.summary.scope === 'week' ? 'weekly' : `${built.summary.label}`} summary is on its way to the partnership channel.`,
      buttons: [{ label: 'Show it here', say: periodText ? `summary ${periodText}` : 'summary' }],
    },
  ];
}
