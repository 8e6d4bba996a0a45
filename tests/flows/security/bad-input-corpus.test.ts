// Bad input through the real HTTP endpoints: malformed bodies, huge and exotic numbers, negative counts,
// unicode tricks, injection strings and wrong types in card data, on Teams (and the local chat), Slack,
// /chart, /reports and /dashboard. Each is answered with a clear error, and nothing stored changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeConnector, type FakeConnector } from '../../fakes/bot-connector.js';
import { startFakeSlackApi, type FakeSlackApi, type Json } from '../../fakes/slack-api.js';
import * as payloads from '../../fixtures/slack/payloads.js';
import { snapshot } from '../../helpers/temp-db.js';
import { liveMarkup, markdownTexts, shownText } from '../../render/card-markdown.js';
import {
  DAN,
  postSigned,
  sendCommand,
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
  STRANGER_AAD,
  teamsActivity,
} from '../../channels/teams/teams-client.js';
import type { TestServer } from '../../channels/test-server.js';

let t: TestServer;
let connector: FakeConnector;
let api: FakeSlackApi;
let url: string;
/** The data of Dan's 2.2 return card (ref, period, token), as the card sends it back. */
let card: Json;
/** The modal Slack would send back for Dan's 2.2 return. */
let modal: Json;

const DAN_TEAMS = fromUser(DAN_AAD);
const ALAN_TEAMS = fromUser('a1a2a3a4-0000-4000-8000-000000000000');

beforeAll(async () => {
  connector = await startFakeConnector();
  api = await startFakeSlackApi();
  // No rate limit here: the corpus is many requests from one person in a few seconds.
  t = await startSlackTestServer({ ...slackEnv(api), RATE_LIMIT_PER_MINUTE: '0', REMINDERS: 'off' });
  url = t.server.url;
  await postActivity(url, teamsActivity('personal-message', connector, { text: 'submit 2.2', ...DAN_TEAMS }));
  const form = cardOf((await connector.waitFor(1))[0]?.activity ?? {});
  if (!form) throw new Error('no return card');
  card = actionData(form, 'submitReturn');
  const click = payloads.buttonClick(DAN, { action_id: 'open_return', value: 'submit 2.2 2015/16 Q4' }, '');
  await sendInteraction(url, click);
  await api.waitFor(() => api.ok('views.open').length === 1, 'the modal');
  modal = api.ok('views.open')[0]?.args.view as Json;
}, 60_000);

afterAll(async () => {
  await t?.close();
  await connector?.close();
  await api?.close();
});

/** What the person was told: the text of every activity and card sent since `from`. */
const teamsSaid = (from: number) => JSON.stringify(connector.received.slice(from).map((r) => r.activity));

/** Runs `send`, checks the answer, and that nothing stored changed. */
async function unchanged(send: () => Promise<void>): Promise<void> {
  const before = await snapshot(t.db.prisma);
  await send();
  await api.quiet(100);
  expect(await snapshot(t.db.prisma)).toEqual(before);
}

const raw = (path: string, body: string, contentType = 'application/json') =>
  fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });

describe('the Bot Framework endpoint refuses malformed requests', () => {
  const cases: [string, () => Promise<Response>, number, RegExp][] = [
    ['malformed JSON', () => raw('/api/messages', '{"type":"message",'), 400, /not valid JSON/],
    ['a JSON array', () => raw('/api/messages', '[1,2,3]'), 400, /must be a JSON object/],
    ['JSON null', () => raw('/api/messages', 'null'), 400, /must be a JSON object/],
    ['a JSON string', () => raw('/api/messages', '"message"'), 400, /must be a JSON object/],
    ['an empty body', () => raw('/api/messages', ''), 400, /not valid JSON/],
    [
      'a form body',
      () => raw('/api/messages', 'type=message', 'application/x-www-form-urlencoded'),
      415,
      /application\/json/,
    ],
    [
      'a 300 KB body',
      () => raw('/api/messages', JSON.stringify({ text: 'x'.repeat(300 * 1024) })),
      413,
      /larger than 256 KB/,
    ],
    [
      'a serviceUrl off this machine',
      () =>
        raw(
          '/api/messages',
          JSON.stringify(
            teamsActivity('personal-message', connector, { serviceUrl: 'http://169.254.169.254/' }),
          ),
        ),
      403,
      /loopback/,
    ],
    [
      'an activity with no sender',
      () =>
        raw(
          '/api/messages',
          JSON.stringify({ ...teamsActivity('personal-message', connector), from: undefined }),
        ),
      400,
      /activity/i,
    ],
    [
      'an activity whose type is a number',
      () => raw('/api/messages', JSON.stringify(teamsActivity('personal-message', connector, { type: 42 }))),
      400,
      /activity/i,
    ],
  ];
  it.each(cases)('%s', async (_what, send, status, message) => {
    await unchanged(async () => {
      const res = await send();
      expect(res.status).toBe(status);
      expect(await res.text()).toMatch(message);
    });
  });
});

describe('Teams messages with bad content get a clear answer', () => {
  const cases: [string, string, RegExp][] = [
    [
      'a 5,000-character message',
      'status of 2.2 '.repeat(400),
      /That message is \d+ characters long: I read messages of up to 2000/,
    ],
    ['SQL injection', 'status of 2.2\'; DROP TABLE "Return";--', /./],
    ['a script tag', '<script>alert(1)</script>', /did not understand/],
    ['a right-to-left override', 'status of \u202e2.2', /./],
    ['zero-width characters', 'st\u200batus of 2\u200b.2', /./],
    ['a quarter that does not exist', 'status of 2.2 2015/16 Q9', /Q9|quarter/],
    ['a measure that does not exist', 'submit 99.99', /99\.99/],
    ['a template injection', 'status of ${2.2}{{7*7}}', /./],
  ];
  it.each(cases)('%s', async (_what, text, reply) => {
    await unchanged(async () => {
      const from = connector.received.length;
      const res = await postActivity(
        url,
        teamsActivity('personal-message', connector, { text, ...DAN_TEAMS }),
      );
      expect(res.status).toBeLessThan(300);
      await connector.waitFor(from + 1);
      const said = teamsSaid(from);
      expect(said).toMatch(reply);
      expect(said).not.toMatch(/Stored as revision/);
    });
  });
});

describe('Teams return cards with bad data are sent back with the reason', () => {
  const good = () => ({
    ...card,
    'figure.value': '489',
    narrative: 'Night-time economy.',
    correctiveAction: 'Patrols.',
  });
  const cases: [string, () => Json, RegExp][] = [
    ['letters for a figure', () => ({ ...good(), 'figure.value': 'abc' }), /not a number/],
    ['a negative count', () => ({ ...good(), 'figure.value': '-5' }), /not a count/],
    ['NaN', () => ({ ...good(), 'figure.value': 'NaN' }), /not a number/],
    ['Infinity', () => ({ ...good(), 'figure.value': 'Infinity' }), /not a number/],
    ['an exponent', () => ({ ...good(), 'figure.value': '1e9' }), /not a number/],
    ['a hexadecimal numeral', () => ({ ...good(), 'figure.value': '0x1F' }), /not a number/],
    ['full-width digits', () => ({ ...good(), 'figure.value': '\uff11\uff12\uff13' }), /not a number/],
    ['Arabic-Indic digits', () => ({ ...good(), 'figure.value': '\u0664\u0668\u0669' }), /not a number/],
    [
      'a huge number',
      () => ({ ...good(), 'figure.value': '99999999999' }),
      /too large: figures go up to 1,000,000,000/,
    ],
    ['a 30-digit number', () => ({ ...good(), 'figure.value': '9'.repeat(30) }), /too long for a figure/],
    ['a fraction for a count', () => ({ ...good(), 'figure.value': '12.5' }), /not a count/],
    ['a figure as an object', () => ({ ...good(), 'figure.value': { $gt: 0 } }), /Enter /],
    ['a figure as an array', () => ({ ...good(), 'figure.value': [489] }), /Enter /],
    ['a figure as true', () => ({ ...good(), 'figure.value': true }), /not a number/],
    [
      'a figure as a JSON number too large',
      () => ({ ...good(), 'figure.value': 1e300 }),
      /not a number|too long/,
    ],
    [
      'commentary over 2,000 characters',
      () => ({ ...good(), narrative: 'x'.repeat(2001) }),
      /2001 characters: shorten it to 2000/,
    ],
    [
      'commentary with a NUL character',
      () => ({ ...good(), narrative: 'Fine\u0000 really' }),
      /hidden control/,
    ],
    [
      'commentary with a right-to-left override',
      () => ({ ...good(), narrative: 'Up \u202e54' }),
      /hidden control or direction/,
    ],
    [
      'commentary with a lone surrogate',
      () => ({ ...good(), narrative: 'Half \ud800 a character' }),
      /hidden control/,
    ],
    [
      'commentary of zero-width spaces only',
      () => ({ ...good(), narrative: '\u200b\u200b\u200b' }),
      /The commentary has no visible text/,
    ],
    [
      'commentary of a Mongolian vowel separator only',
      () => ({ ...good(), narrative: '\u180e' }),
      /The commentary has no visible text/,
    ],
    [
      'commentary of byte-order marks and a zero-width space',
      () => ({ ...good(), narrative: '\ufeff\u200b\ufeff' }),
      /The commentary has no visible text/,
    ],
    [
      'an action of zero-width characters only',
      () => ({ ...good(), correctiveAction: '\u200b\u2060\u180e' }),
      /What is being done has no visible text/,
    ],
    [
      'not available with a reason of hidden characters only',
      () => ({ ...good(), notAvailable: 'true', notAvailableReason: '\u200b\u180e\ufe0f' }),
      /The reason has no visible text/,
    ],
    ['a decimal comma: 25,5', () => ({ ...good(), 'figure.value': '25,5' }), /could be 25\.5 or 255/],
    ['a European figure: 1.000,00', () => ({ ...good(), 'figure.value': '1.000,00' }), /could be 1000 or 1:/],
    [
      'a space between thousands and a decimal comma: 1 000,00',
      () => ({ ...good(), 'figure.value': '1 000,00' }),
      /could be 1000 or 100000/,
    ],
    [
      'an action over 2,000 characters',
      () => ({ ...good(), correctiveAction: 'y'.repeat(3000) }),
      /3000 characters/,
    ],
    [
      'not available with no reason',
      () => ({ ...good(), notAvailable: 'true', notAvailableReason: '' }),
      /Say why/,
    ],
    [
      'not available with a 600-character reason',
      () => ({ ...good(), notAvailable: 'true', notAvailableReason: 'z'.repeat(600) }),
      /600 characters: shorten it to 500/,
    ],
    [
      'an impossible expected date',
      () => ({ ...good(), notAvailable: 'true', notAvailableReason: 'Late data', expected: '2016-02-30' }),
      /not a date/,
    ],
    ['a measure that does not exist', () => ({ ...good(), ref: '9.9' }), /does not name a measure/],
    ['a measure as an object', () => ({ ...good(), ref: { toString: 'x' } }), /does not name a measure/],
    [
      'a period that does not exist',
      () => ({ ...good(), period: '2015/16 Q5' }),
      /period is not one of 2\.2/,
    ],
    ['a period not ended', () => ({ ...good(), period: '2016/17 Q4' }), /has not ended yet/],
    ['no token', () => ({ ...good(), token: undefined }), /out of date/],
    ['a token that is not one', () => ({ ...good(), token: "x' OR '1'='1" }), /out of date/],
  ];
  it.each(cases)('%s', async (_what, data, reason) => {
    await unchanged(async () => {
      const res = await postActivity(url, invoke(connector, 'submitReturn', data(), DAN_TEAMS));
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).toMatch(reason);
    });
  });

  it('an action verb that is not ours', async () => {
    await unchanged(async () => {
      const res = await postActivity(url, invoke(connector, 'dropTables', good(), DAN_TEAMS));
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).toMatch(/not one I know/);
    });
  });

  it('a stranger submitting a card', async () => {
    await unchanged(async () => {
      const res = await postActivity(url, invoke(connector, 'submitReturn', good(), fromUser(STRANGER_AAD)));
      expect(JSON.stringify(res.body)).toMatch(/don't recognise your account/);
    });
  });

  it('someone who does not own the measure submitting its card', async () => {
    await unchanged(async () => {
      const res = await postActivity(url, invoke(connector, 'submitReturn', good(), ALAN_TEAMS));
      expect(JSON.stringify(res.body)).toMatch(/recognise|Only .* can submit/);
    });
  });
});

describe('Slack requests with bad content', () => {
  const signedRaw = (body: string, contentType = 'application/json') => postSigned(url, body, contentType);

  it('malformed JSON with a valid signature: 400', async () => {
    await unchanged(async () => {
      expect((await signedRaw('{"type":"event_callback",')).status).toBe(400);
    });
  });

  it('an interaction payload that is not JSON: refused', async () => {
    await unchanged(async () => {
      const res = await signedRaw('payload=%7Bnot-json', 'application/x-www-form-urlencoded');
      expect(res.status).toBeGreaterThanOrEqual(400);
    });
  });

  it('a wrong signature: 401', async () => {
    await unchanged(async () => {
      const res = await sendEvent(url, payloads.directMessage(DAN, 'status of 2.2'), { secret: 'wrong' });
      expect(res.status).toBe(401);
    });
  });

  it('a body over 512 KB: 413 with the limit', async () => {
    await unchanged(async () => {
      const res = await sendEvent(url, payloads.directMessage(DAN, 'x'.repeat(600 * 1024)));
      expect(res.status).toBe(413);
      expect(res.text).toMatch(/larger than 512 KB/);
    });
  });

  it('a 5,000-character DM: answered with the limit', async () => {
    await unchanged(async () => {
      await sendEvent(url, payloads.directMessage(DAN, 'status of 2.2 '.repeat(400)));
      await api.waitFor(() => api.ok('chat.postMessage').length > 0, 'the answer');
      expect(JSON.stringify(api.ok('chat.postMessage').at(-1)?.args)).toMatch(/up to 2000/);
      api.reset();
    });
  });

  it('a slash command full of injection strings: answered, nothing done', async () => {
    await unchanged(async () => {
      await sendCommand(
        url,
        payloads.slashCommand(DAN, "status <!channel> '; DELETE FROM Return; --", api.responseUrl('c')),
      );
      await api.waitFor(() => api.responded.length > 0, 'the ephemeral answer');
      expect(JSON.stringify(api.responded.at(-1)?.body)).not.toMatch(/<!channel>/);
      api.reset();
    });
  });

  const modalCases: [string, Record<string, string>, RegExp][] = [
    ['letters', { 'figure.value': 'lots', narrative: 'N' }, /not a number/],
    ['a negative count', { 'figure.value': '-1', narrative: 'N' }, /not a count/],
    ['a huge number', { 'figure.value': '5000000000', narrative: 'N' }, /too large/],
    ['NaN', { 'figure.value': 'NaN', narrative: 'N' }, /not a number/],
    [
      'a right-to-left override in the commentary',
      { 'figure.value': '489', narrative: 'a\u202eb' },
      /hidden control/,
    ],
    [
      'a commentary of zero-width spaces',
      { 'figure.value': '489', narrative: '\u200b\u200b' },
      /no visible text/,
    ],
    ['a decimal comma', { 'figure.value': '25,5', narrative: 'N' }, /could be 25\.5 or 255/],
  ];
  it.each(modalCases)('a return modal with %s: errors beside the field', async (_what, answers, reason) => {
    await unchanged(async () => {
      const res = await sendInteraction(url, payloads.viewSubmission(DAN, modal, answers));
      expect(res.json).toMatchObject({ response_action: 'errors' });
      expect(JSON.stringify(res.json)).toMatch(reason);
    });
  });

  it('a return modal with forged private_metadata: told it is out of date', async () => {
    await unchanged(async () => {
      const forged = { ...modal, private_metadata: '{"ref":"2.2","period":{"$ne":1}}' };
      const res = await sendInteraction(
        url,
        payloads.viewSubmission(DAN, forged, { 'figure.value': '489', narrative: 'N' }),
      );
      expect(JSON.stringify(res.json)).toMatch(/out of date/);
    });
  });
});

describe('charts, reports and the dashboard refuse bad parameters', () => {
  const cases: [string, string, number, RegExp][] = [
    ['a chart that is not JSON', '/chart?c=%7Bnot', 400, /./],
    ['a chart width of -5', '/chart?c=%7B%7D&w=-5', 400, /w must be a whole number/],
    ['a report with no signature', '/reports/stockton/2015-16-Q4.csv', 403, /./],
    [
      'a report with a forged signature',
      '/reports/stockton/2015-16-Q4.csv?by=priya-sandhu&expires=9999999999&sig=abc',
      403,
      /./,
    ],
    ['a report of another partnership', '/reports/nowhere/2015-16-Q4.csv', 404, /No such partnership/],
    ['a report of a period that does not exist', '/reports/stockton/2015-16-Q9.csv', 404, /No such period/],
    ['a report in a format we do not make', '/reports/stockton/2015-16-Q4.exe', 404, /No such report/],
    ['a path with an encoded traversal', '/reports/stockton/..%2F..%2Fetc%2Fpasswd', 404, /No such report/],
    ['a dashboard for a period that does not exist', '/dashboard?period=2015%2F16%20Q9', 400, /Q9|quarter/],
    ['a status chart link not signed', '/chart/status.png?ref=2.2&period=2015%2F16%20Q4', 403, /./],
  ];
  it.each(cases)('%s', async (_what, path, status, message) => {
    await unchanged(async () => {
      const res = await fetch(`${url}${path}`);
      expect(res.status).toBe(status);
      expect(await res.text()).toMatch(message);
    });
  });
});

// Last: these store a revision of 2.2, which the cards above were opened before.
describe('typed Markdown in Teams shows as typed', () => {
  const LINK = '[Reset your password](https://evil.example/login)';
  const PRIYA_TEAMS = fromUser('3f2b8c1e-7d4a-4e9b-9a61-2c5d8e0f4b7a');

  /** The first card sent since `from`. */
  async function cardSince(from: number): Promise<Json> {
    const sent = await connector.waitFor(from + 1);
    const found = sent
      .slice(from)
      .map((r) => cardOf(r.activity))
      .find((c) => c !== null);
    if (!found) throw new Error(`no card in ${teamsSaid(from).slice(0, 300)}`);
    return found;
  }

  it('a link in a message is echoed as text, not as a live link', async () => {
    await unchanged(async () => {
      const from = connector.received.length;
      await postActivity(url, teamsActivity('personal-message', connector, { text: LINK, ...DAN_TEAMS }));
      const echoed = await cardSince(from);
      expect(liveMarkup(echoed)).toEqual([]);
      expect(markdownTexts(echoed).map(shownText).join('\n')).toContain(`did not understand "${LINK}"`);
    });
  });

  it("a link in stored commentary is text on the confirmation and on the coordinator's status card", async () => {
    const narrative = `See ${LINK} and **act now**`;
    const action = '_Patrols_ in [the town centre](https://evil.example/map)';
    const opened = connector.received.length;
    await postActivity(
      url,
      teamsActivity('personal-message', connector, { text: 'submit 2.2', ...DAN_TEAMS }),
    );
    const fresh = actionData(await cardSince(opened), 'submitReturn');
    const res = await postActivity(
      url,
      invoke(
        connector,
        'submitReturn',
        { ...fresh, 'figure.value': '489', narrative, correctiveAction: action },
        DAN_TEAMS,
      ),
    );
    const confirmation = (res.body?.value ?? null) as Json | null;
    expect(JSON.stringify(confirmation)).toMatch(/Stored as revision/);
    expect(liveMarkup(confirmation)).toEqual([]);

    const from = connector.received.length;
    await postActivity(
      url,
      teamsActivity('personal-message', connector, { text: 'status of 2.2', ...PRIYA_TEAMS }),
    );
    const status = await cardSince(from);
    expect(liveMarkup(status)).toEqual([]);
    const shown = markdownTexts(status).map(shownText);
    expect(shown).toEqual(expect.arrayContaining([narrative, action]));
  });
});
