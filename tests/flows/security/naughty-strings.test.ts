// The Big List of Naughty Strings against the bot. The whole corpus goes through the conversation and
// the card's checks directly, which is cheap: every string said in chat, and typed as commentary and as
// a figure. A sample covering every category of the list goes through the real endpoints, Teams
// (/api/messages) and Slack (/slack/events), as a chat message and as commentary on the return card,
// with every table compared before and after each input. Bad input gets a clear answer and loses
// nothing: a refused string stores nothing, an accepted one is stored exactly as typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/bot/reply.js';
import { NARRATIVE_MAX, readForm } from '../../../src/bot/return-form/form-values.js';
import { checkText } from '../../../src/domain/check-text.js';
import type { Measure } from '../../../src/domain/measure.js';
import { renderAdaptiveCard } from '../../../src/render/adaptive-card/index.js';
import { renderMessages } from '../../../src/render/block-kit/index.js';
import { startFakeConnector, type FakeConnector } from '../../fakes/bot-connector.js';
import { startFakeSlackApi, type FakeSlackApi, type Json } from '../../fakes/slack-api.js';
import * as payloads from '../../fixtures/slack/payloads.js';
import { botSession, type BotSession } from '../../helpers/bot-session.js';
import { snapshot } from '../../helpers/temp-db.js';
import { liveMarkup, markdownTexts, shownText } from '../../render/card-markdown.js';
import { statusView } from '../../render/reply-fixtures.js';
import {
  DAN,
  sendEvent,
  sendInteraction,
  slackEnv,
  startSlackTestServer,
} from '../../channels/slack/slack-client.js';
import {
  actionData,
  cardOf,
  DAN_AAD,
  fromUser,
  invoke,
  postActivity,
  teamsActivity,
} from '../../channels/teams/teams-client.js';
import type { TestServer } from '../../channels/test-server.js';
import { naughtySample, naughtyStrings, type Naughty } from './naughty-corpus.js';

const ALL = naughtyStrings();
const SAMPLE = naughtySample(ALL, 40);
const named = (list: Naughty[]) =>
  list.map((s) => [`${s.category}: ${JSON.stringify(s.text).slice(0, 48)}`, s.text] as const);

/** A 2.2 return that stores as it is but for its commentary (2.2 is red: it needs an action). */
const GOOD = { 'figure.value': '489', correctiveAction: 'Extra patrols on Friday and Saturday nights.' };

/** Whether the card must refuse this commentary: nothing to read, hidden characters, too long. */
const refused = (text: string) =>
  text.trim() === '' || checkText('The commentary', text.trim(), NARRATIVE_MAX) !== null;

/** Slack mrkdwn that would ping, link or mention: `<!channel>`, `<@U1>`, `<#C1>`, `<https://…|…>`. */
const SLACK_LIVE = /<[!@#]|<https?:/;

const collapsed = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The mrkdwn texts of a Slack message's blocks (plain_text is never parsed, so it is left out). */
function mrkdwnOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnOf);
  if (typeof value !== 'object' || value === null) return [];
  const node = value as Json;
  const own = node.type === 'mrkdwn' && typeof node.text === 'string' ? [node.text] : [];
  return [...own, ...Object.values(node).flatMap(mrkdwnOf)];
}

describe('the whole corpus, through the conversation', () => {
  let s: BotSession;
  let m: Measure;
  beforeAll(async () => {
    s = await botSession();
    m = s.partnership.measures.find((x) => x.ref === '2.2') as Measure;
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  /** Every way a reply could go wrong on either channel: none, a card that formats, Slack markup. */
  function drawProblems(text: string, replies: Reply[]): string[] {
    const problems: string[] = [];
    if (replies.length === 0) problems.push('no answer');
    for (const reply of replies) {
      const live = liveMarkup(renderAdaptiveCard(reply));
      if (live.length > 0) problems.push(`card formats ${JSON.stringify(live)}`);
    }
    const mrkdwn = replies
      .flatMap((r) => renderMessages(r))
      .flatMap((message) => [message.text, ...mrkdwnOf(message)]);
    if (mrkdwn.some((text) => SLACK_LIVE.test(text))) problems.push('Slack markup');
    return problems.map((p) => `${JSON.stringify(text)}: ${p}`);
  }

  it('answers every string said in chat, draws it safely on both channels, and stores nothing', async () => {
    const before = await snapshot(s.db.prisma);
    const problems: string[] = [];
    for (const { text } of ALL) problems.push(...drawProblems(text, await s.say('dan-mercer', text)));
    expect(problems).toEqual([]);
    expect(await snapshot(s.db.prisma)).toEqual(before);
  });

  it('refuses every string as commentary with the reason, or keeps it exactly and shows it as typed', () => {
    const problems: string[] = [];
    for (const { text } of ALL) {
      const read = readForm(m, { ...GOOD, narrative: text });
      if (refused(text)) {
        if (!/commentary/i.test(read.errors.narrative ?? ''))
          problems.push(`${JSON.stringify(text)}: not refused`);
        continue;
      }
      if (Object.keys(read.errors).length > 0 || read.narrative !== text.trim())
        problems.push(`${JSON.stringify(text)}: ${JSON.stringify(read.errors)}`);
      const card = renderAdaptiveCard({ kind: 'status', view: statusView({ narrative: read.narrative }) });
      if (!markdownTexts(card).map(shownText).includes(collapsed(read.narrative)))
        problems.push(`${JSON.stringify(text)}: not shown as typed`);
      problems.push(
        ...drawProblems(text, [{ kind: 'status', view: statusView({ narrative: read.narrative }) }]),
      );
    }
    expect(problems).toEqual([]);
  });

  it('reads every string as a figure, or says what to write instead', () => {
    const problems: string[] = [];
    for (const { text } of ALL) {
      const read = readForm(m, { ...GOOD, narrative: 'N', 'figure.value': text });
      const error = read.errors['figure.value'];
      const value = read.figures?.value;
      const ok =
        error === undefined
          ? typeof value === 'number' && Number.isFinite(value)
          : /e\.g\.|write|enter|use /i.test(error);
      if (!ok) problems.push(`${JSON.stringify(text)}: ${JSON.stringify({ error, value })}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('a sample of every category, through the real endpoints', () => {
  let t: TestServer;
  let connector: FakeConnector;
  let api: FakeSlackApi;
  let url: string;
  const DAN_TEAMS = fromUser(DAN_AAD);

  beforeAll(async () => {
    connector = await startFakeConnector();
    api = await startFakeSlackApi();
    // No rate limit: the sample is many requests from one person in a few seconds.
    t = await startSlackTestServer({ ...slackEnv(api), RATE_LIMIT_PER_MINUTE: '0', REMINDERS: 'off' });
    url = t.server.url;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await connector?.close();
    await api?.close();
  });

  /** Runs `send` and checks that no table changed. */
  async function unchanged(send: () => Promise<void>): Promise<void> {
    const before = await snapshot(t.db.prisma);
    await send();
    expect(await snapshot(t.db.prisma)).toEqual(before);
  }

  /** Checks that storing `text` as commentary changed only what it should, given the answer. */
  async function storedOrRefused(text: string, send: () => Promise<string>): Promise<void> {
    const before = await snapshot(t.db.prisma);
    const answer = await send();
    const after = await snapshot(t.db.prisma);
    if (refused(text)) {
      expect(answer).toMatch(/commentary/i);
      expect(after).toEqual(before);
      return;
    }
    expect(answer).not.toMatch(/commentary (is|has|contains)|Add a short commentary/);
    const added = after.returns.slice(before.returns.length);
    expect(added.map((r) => r.narrative)).toEqual([text.trim()]);
    expect(after.returns.slice(0, before.returns.length)).toEqual(before.returns);
    expect(after.audit.slice(0, before.audit.length)).toEqual(before.audit);
    expect(after.audit.length).toBeGreaterThan(before.audit.length);
    const rest = (x: typeof before) => ({ ...x, returns: null, audit: null, reviews: null });
    expect(rest(after)).toEqual(rest(before));
  }

  it.each(named(SAMPLE))('Teams, said in chat: %s', async (_name, text) => {
    await unchanged(async () => {
      const from = connector.received.length;
      const res = await postActivity(
        url,
        teamsActivity('personal-message', connector, { text, ...DAN_TEAMS }),
      );
      expect(res.status).toBeLessThan(300);
      const sent = await connector.waitFor(from + 1);
      for (const card of sent.slice(from).map((r) => cardOf(r.activity))) {
        if (card) expect(liveMarkup(card)).toEqual([]);
      }
    });
  });

  it.each(named(SAMPLE))('Slack, said in a DM: %s', async (_name, text) => {
    await unchanged(async () => {
      const from = api.ok('chat.postMessage').length;
      const res = await sendEvent(url, payloads.directMessage(DAN, text));
      expect(res.status).toBe(200);
      await api.waitFor(() => api.ok('chat.postMessage').length > from, 'the answer');
      const posted = api
        .ok('chat.postMessage')
        .slice(from)
        .map((c) => c.args);
      for (const text of [...posted.map((p) => String(p.text ?? '')), ...mrkdwnOf(posted)])
        expect(text).not.toMatch(SLACK_LIVE);
    });
  });

  it.each(named(SAMPLE))('Teams, as commentary on the return card: %s', async (_name, text) => {
    const from = connector.received.length;
    await postActivity(
      url,
      teamsActivity('personal-message', connector, { text: 'submit 2.2', ...DAN_TEAMS }),
    );
    const form = cardOf((await connector.waitFor(from + 1))[from]?.activity ?? {});
    if (!form) throw new Error('no return card');
    const data = { ...actionData(form, 'submitReturn'), ...GOOD, narrative: text };
    await storedOrRefused(text, async () => {
      const res = await postActivity(url, invoke(connector, 'submitReturn', data, DAN_TEAMS));
      expect(res.status).toBe(200);
      const card = (res.body?.value ?? {}) as Json;
      expect(liveMarkup(card)).toEqual([]);
      return JSON.stringify(res.body);
    });
  });

  // Half the sample: the modal reads its inputs as the card does, and each one costs two round trips.
  it.each(named(SAMPLE.filter((_s, i) => i % 2 === 0)))(
    'Slack, as commentary in the return modal: %s',
    async (_name, text) => {
      const click = payloads.buttonClick(
        DAN,
        { action_id: 'open_return', value: 'submit 2.2 2015/16 Q4' },
        '',
      );
      const from = api.ok('views.open').length;
      await sendInteraction(url, click);
      await api.waitFor(() => api.ok('views.open').length > from, 'the modal');
      const modal = api.ok('views.open')[from]?.args.view as Json;
      await storedOrRefused(text, async () => {
        const res = await sendInteraction(
          url,
          payloads.viewSubmission(DAN, modal, { ...GOOD, narrative: text }),
        );
        expect(res.status).toBe(200);
        return JSON.stringify(res.json);
      });
    },
  );
});
