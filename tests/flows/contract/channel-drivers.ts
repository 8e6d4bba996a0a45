// The same conversation script, spoken through each channel's real protocol: a driver per channel that
// says something as the owner of 2.2 (or a stranger), opens the 2.2 return and submits it, and reads
// back what the bot answered as text (card or blocks, serialised).
import { financialCalendar } from '../../../src/domain/period.js';
import { revisionsOf } from '../../../src/store/return-store.js';
import type { TestServer } from '../../channels/test-server.js';
import * as teams from '../../channels/teams/teams-client.js';
import * as slack from '../../channels/slack/slack-client.js';
import * as slackPayloads from '../../fixtures/slack/payloads.js';

type Json = Record<string, unknown>;
export type Who = 'owner' | 'stranger';

export interface Submitted {
  /** Whether the form came back with field errors (nothing stored). */
  refused: boolean;
  text: string;
}

export interface ChannelDriver {
  name: string;
  server(): TestServer;
  ask(text: string, who: Who): Promise<string>;
  /** Opens the return form for 2.2 as its owner, and gives a function that submits it. */
  openReturn(): Promise<(figure: string, narrative: string, correctiveAction: string) => Promise<Submitted>>;
}

const cal = financialCalendar(4);

export async function revisionCount(t: TestServer, ref: string, period: string): Promise<number> {
  const m = await t.db.prisma.measure.findFirstOrThrow({ where: { ref } });
  const parsed = cal.parse(period);
  if (!parsed.ok) throw new Error(parsed.error);
  return (await revisionsOf(t.db.prisma, cal, m.id, parsed.value)).length;
}

export function teamsDriver(h: teams.TeamsHarness): ChannelDriver {
  const send = async (activity: Json) => {
    const before = h.connector.received.length;
    await teams.postActivity(h.t.server.url, activity);
    const sent = await h.connector.waitFor(before + 1);
    return sent.slice(before).map((r) => r.activity);
  };
  return {
    name: 'Teams',
    server: () => h.t,
    ask: async (text, who) => {
      const from = who === 'stranger' ? teams.fromUser(teams.STRANGER_AAD) : {};
      return JSON.stringify(
        await send(teams.teamsActivity('personal-message', h.connector, { text, ...from })),
      );
    },
    openReturn: async () => {
      const [activity] = await send(
        teams.teamsActivity('personal-message', h.connector, { text: 'submit 2.2' }),
      );
      const card = teams.cardOf(activity ?? {}) ?? {};
      const data = teams.actionData(card, 'submitReturn');
      const figure = teams.inputIds(card).find((id) => id.startsWith('figure.')) ?? 'figure.value';
      return async (value, narrative, correctiveAction) => {
        const values = { ...data, [figure]: value, narrative, correctiveAction };
        const res = await teams.postActivity(
          h.t.server.url,
          teams.invoke(h.connector, 'submitReturn', values),
        );
        const text = JSON.stringify(res.body);
        return { refused: !/Stored as revision/.test(text), text };
      };
    },
  };
}

export function slackDriver(h: slack.SlackHarness): ChannelDriver {
  const posted = () => h.api.ok('chat.postMessage');
  const nextPost = async (before: number) => {
    await h.api.waitFor(() => posted().length > before, 'a chat.postMessage');
    return JSON.stringify(
      posted()
        .slice(before)
        .map((c) => c.args),
    );
  };
  return {
    name: 'Slack',
    server: () => h.t,
    ask: async (text, who) => {
      const before = posted().length;
      const user = who === 'stranger' ? slack.STRANGER : slack.DAN;
      await slack.sendEvent(h.url, slackPayloads.directMessage(user, text));
      return nextPost(before);
    },
    openReturn: async () => {
      const opened = h.api.ok('views.open').length;
      const action = { action_id: 'open_return', value: 'submit 2.2' };
      await slack.sendInteraction(
        h.url,
        slackPayloads.buttonClick(slack.DAN, action, h.api.responseUrl('o')),
      );
      await h.api.waitFor(() => h.api.ok('views.open').length > opened, 'views.open');
      const view = h.api.ok('views.open')[opened]?.args.view as Json;
      return async (value, narrative, correctiveAction) => {
        const before = posted().length;
        const answers = { 'figure.value': value, narrative, correctiveAction };
        const res = await slack.sendInteraction(
          h.url,
          slackPayloads.viewSubmission(slack.DAN, view, answers),
        );
        if (res.json?.response_action === 'errors') return { refused: true, text: JSON.stringify(res.json) };
        return { refused: false, text: await nextPost(before) };
      };
    },
  };
}
