// Access at the channel layer, through the real server over HTTP: strangers and people of another
// tenant or workspace get a polite refusal and no partnership data, and change nothing; with several
// partnerships, each is reached only from the Teams tenant and Slack workspace it is bound to; signed
// report links cannot be edited to another partnership's.
import { describe, expect, it } from 'vitest';
import { createReportLinks, reportSigningKey } from '../../../src/reports/report-links.js';
import * as payloads from '../../fixtures/slack/payloads.js';
import { FIXED_NOW } from '../../channels/test-server.js';
import { DAN, JOANNE, sendEvent, STRANGER, useSlackHarness } from '../../channels/slack/slack-client.js';
import {
  cardOf,
  DAN_AAD,
  fromUser,
  invoke,
  postActivity,
  STRANGER_AAD,
  teamsActivity,
  useTeamsHarness,
  type Json,
} from '../../channels/teams/teams-client.js';
import { snapshot } from '../../helpers/temp-db.js';
import {
  ANA_AAD,
  ANA_SLACK,
  boundStocktonPlan,
  importText,
  STOCKTON_TEAM,
  STOCKTON_TENANT,
  TESTSHIRE_TEAM,
  TESTSHIRE_TENANT,
  testshirePlan,
} from './tenancy-plans.js';

const tenant = (id: string): Json => ({
  conversation: {
    conversationType: 'personal',
    tenantId: id,
    id: `a:tenancy-${id.slice(0, 8)}`,
  },
  channelData: { tenant: { id } },
});

describe('Teams', () => {
  const h = useTeamsHarness();
  const db = () => h.t.db.prisma;

  /** What the bot sent back for one message, as text. */
  const reply = async (text: string, changes: Json): Promise<string> => {
    h.connector.received.length = 0;
    const res = await postActivity(
      h.t.server.url,
      teamsActivity('personal-message', h.connector, { text, ...changes }),
    );
    expect(res.status).toBe(200);
    const [sent] = await h.connector.waitFor(1);
    return JSON.stringify(cardOf(sent?.activity ?? {}) ?? sent?.activity);
  };

  /** A crafted card confirming a return of Stockton's 2.2, with what else it claims, pressed as `as`. */
  const craftedConfirm = (claims: Json, as: Json) =>
    postActivity(
      h.t.server.url,
      invoke(
        h.connector,
        'confirmReturn',
        { ref: '2.2', period: '2015/16 Q4', token: '2.x', 'figure.value': '1', narrative: 'x', ...claims },
        as,
      ),
    );

  it('refuses a stranger, shows no figures and stores nothing, even for a crafted card', async () => {
    const before = await snapshot(db());
    expect(await reply('status of 2.2', fromUser(STRANGER_AAD))).toMatch(/don't recognise your account/);
    const res = await craftedConfirm({ person: 'dan-mercer' }, fromUser(STRANGER_AAD));
    expect(JSON.stringify(res.body)).not.toMatch(/1,628|Mercer|Stockton/);
    expect(await snapshot(db())).toEqual(before);
  });

  it('with a second partnership, reaches an unbound partnership from no tenant', async () => {
    await importText(db(), h.t.db.dir, 'testshire', testshirePlan());
    const text = await reply('status of 2.2', fromUser(DAN_AAD));
    expect(text).toMatch(/don't recognise your account/);
    expect(text).not.toMatch(/1,628/);
  });

  it('reaches each bound partnership from its own tenant only', async () => {
    await importText(db(), h.t.db.dir, 'stockton', await boundStocktonPlan());
    expect(await reply('status of 2.2', { ...fromUser(DAN_AAD), ...tenant(STOCKTON_TENANT) })).toContain(
      '1,628',
    );
    // Dan's Entra id from Testshire's tenant, and Ana's from Stockton's: strangers.
    expect(await reply('status of 2.2', { ...fromUser(DAN_AAD), ...tenant(TESTSHIRE_TENANT) })).toMatch(
      /don't recognise your account/,
    );
    expect(await reply('status of 9.1', { ...fromUser(ANA_AAD), ...tenant(STOCKTON_TENANT) })).toMatch(
      /don't recognise your account/,
    );
  });

  it("shows Testshire's people Testshire only, whatever they ask or their cards say", async () => {
    const ana = { ...fromUser(ANA_AAD), ...tenant(TESTSHIRE_TENANT) };
    expect(await reply('status of 9.1', ana)).toContain('9.1');
    const stockton = await reply('status of 2.2', ana);
    expect(stockton).toMatch(/There is no measure \\"2\.2\\" in Testshire/);
    expect(stockton).not.toMatch(/1,628|Stockton/);
    expect(await reply('how is violence without injury doing', ana)).not.toMatch(/Stockton|2\.2/);

    const before = await snapshot(db());
    const res = await craftedConfirm({ partnership: 'stockton' }, ana);
    expect(JSON.stringify(res.body) + JSON.stringify(h.connector.received)).toMatch(
      /does not name a measure I know/,
    );
    expect(await snapshot(db())).toEqual(before);
  });

  it('draws a status chart only for the partnership its link was signed for', async () => {
    await importText(db(), h.t.db.dir, 'stockton', await boundStocktonPlan());
    const card = await reply('status of 2.2', { ...fromUser(DAN_AAD), ...tenant(STOCKTON_TENANT) });
    const url = new URL(String(/"url":"([^"]*\/chart\/status\.png[^"]*)"/.exec(card)?.[1]));
    expect(url.searchParams.get('p')).toBe('stockton');
    expect((await fetch(url)).status).toBe(200);
    for (const edit of [
      (u: URL) => u.searchParams.set('p', 'testshire'),
      (u: URL) => u.searchParams.delete('p'),
    ]) {
      const edited = new URL(url);
      edit(edited);
      expect((await fetch(edited)).status).toBe(403);
    }
  });

  it("refuses a Stockton report link edited to Testshire's address", async () => {
    const links = createReportLinks({
      baseUrl: () => h.t.server.url,
      key: await reportSigningKey(db(), undefined, FIXED_NOW),
      minutes: 60,
    });
    const good = new URL(
      links.url(
        { partnership: 'stockton', period: '2015/16 Q4', ext: 'csv', person: 'priya-sandhu' },
        FIXED_NOW,
      ),
    );
    expect((await fetch(good)).status).toBe(200);
    const edited = new URL(good);
    edited.pathname = '/reports/testshire/2015-16-Q4.csv';
    const res = await fetch(edited);
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/^This link has been changed since the bot signed it/);
  });
});

describe('Slack', () => {
  const h = useSlackHarness({ CHART_DELIVERY: 'url' });
  const posted = () => h.api.ok('chat.postMessage');
  const reply = async (user: string, text: string): Promise<string> => {
    await sendEvent(h.url, payloads.directMessage(user, text));
    await h.api.waitFor(() => posted().length >= 1, 'a reply');
    const post = JSON.stringify(posted());
    await h.api.quiet();
    h.api.reset();
    return post;
  };

  it('refuses a stranger, showing nothing and storing nothing', async () => {
    const before = await snapshot(h.t.db.prisma);
    const post = await reply(STRANGER, 'status of 2.2');
    expect(post).toMatch(/don't recognise your Slack account/);
    expect(post).not.toMatch(/1,628|Stockton|Mercer/);
    expect(await snapshot(h.t.db.prisma)).toEqual(before);
  });

  it("does not take a user of another workspace for the plan's person with the same email", async () => {
    await importText(h.t.db.prisma, h.t.db.dir, 'stockton', await boundStocktonPlan());
    h.api.users.set(JOANNE, { email: 'joanne.lister@example.org', team: 'T0ELSEWHERE' });
    expect(await reply(JOANNE, 'my returns')).toMatch(/don't recognise your Slack account/);
    h.api.users.set(JOANNE, { email: 'joanne.lister@example.org', team: STOCKTON_TEAM });
    expect(await reply(JOANNE, 'my returns')).toContain('6.3');
  });

  it('matches Slack ids only in the partnership bound to the workspace', async () => {
    await importText(h.t.db.prisma, h.t.db.dir, 'stockton', await boundStocktonPlan());
    await importText(h.t.db.prisma, h.t.db.dir, 'testshire', testshirePlan());
    const as = (user: string, email: string, team: string, text: string) => {
      h.api.users.set(user, { email, team });
      return reply(user, text);
    };
    expect(await as(DAN, 'dan.mercer@example.org', STOCKTON_TEAM, 'status of 2.2')).toContain('1,628');
    const ana = await as(ANA_SLACK, 'ana.owner@testshire.example', TESTSHIRE_TEAM, 'status of 2.2');
    expect(ana).toMatch(/There is no measure \\"2\.2\\" in Testshire/);
    expect(ana).not.toMatch(/1,628/);
    expect(await as(ANA_SLACK, 'ana.owner@testshire.example', STOCKTON_TEAM, 'status of 9.1')).toMatch(
      /don't recognise your Slack account/,
    );
    expect(await as(DAN, 'dan.mercer@example.org', TESTSHIRE_TEAM, 'status of 2.2')).toMatch(
      /don't recognise your Slack account/,
    );
  });
});
