// The weekly summary's jobs over the reminder jobs' harness: the Stockton plan before the 2015/16 Q4
// returns (with edits), a Teams channel the bot was added to at a fake connector, and the summary
// tick with a stand-in chart.
import { parse, stringify } from 'yaml';
import { summaryTick, type SummaryTickResult } from '../../src/jobs/summary-tick.js';
import { saveConversationRef } from '../../src/store/conversation-store.js';
import { jobsHarness, planBeforeQ4, silent, type Harness, type HarnessOptions } from './jobs-harness.js';

export const CHANNEL = '19:stockton-general@thread.tacv2';

export interface SummaryHarness extends Harness {
  /** One summary tick at the harness's time; the keys it wrote. */
  summaries(): Promise<string[]>;
  /** The bot is added to the partnership's Teams channel (its conversation reference is stored). */
  addToChannel(serviceUrl: string): Promise<void>;
}

/** The plan before Q4 with `partnership.summary` set (and any other edit). */
export async function planWithSummary(summary: Record<string, unknown> = {}, base?: string): Promise<string> {
  const plan = parse(base ?? (await planBeforeQ4())) as { partnership: Record<string, unknown> };
  plan.partnership.summary = summary;
  return stringify(plan);
}

export async function summaryHarness(o: HarnessOptions = {}): Promise<SummaryHarness> {
  const h = await jobsHarness(o);
  return Object.assign(h, {
    summaries: async () => {
      const results: SummaryTickResult[] = await summaryTick(
        {
          db: h.s.db.prisma,
          log: silent,
          chart: (counts: { red: number }, title: string) => ({
            url: `https://charts.example/chart?red=${counts.red}`,
            alt: title,
          }),
        },
        h.now(),
      );
      return results.flatMap((r) => r.written);
    },
    addToChannel: (serviceUrl: string) =>
      saveConversationRef(
        h.s.db.prisma,
        { platform: 'teams', partnershipId: h.s.partnership.id, kind: 'channel', target: CHANNEL },
        CHANNEL,
        {
          channelId: 'msteams',
          serviceUrl,
          conversation: { id: CHANNEL, conversationType: 'channel', isGroup: true },
          bot: { id: 'perfbot', name: 'perfbot' },
        },
        h.now(),
      ),
  });
}
