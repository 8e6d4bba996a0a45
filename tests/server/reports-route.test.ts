// Board dashboard downloads over real HTTP: the coordinator asks the bot in Teams for the dashboard, gets
// signed links and downloads each format; the chair gets no link; an expired, changed or unsigned link
// is refused with a reason, and another partnership's address is not found.
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createReportLinks,
  REPORTS_KEY_NAME,
  reportSigningKey,
  type ReportLinks,
} from '../../src/reports/report-links.js';
import { loadConfig } from '../../src/config.js';
import { startFakeConnector, type FakeConnector } from '../fakes/bot-connector.js';
import { cardOf, fromUser, postActivity, teamsActivity } from '../channels/teams/teams-client.js';
import { FIXED_NOW, startTestServer, type TestServer } from '../channels/test-server.js';
import { botSession } from '../helpers/bot-session.js';
import { tamperedSignature } from '../helpers/tamper.js';
import { readZip } from '../reports/read-zip.js';

const PRIYA_AAD = '3f2b8c1e-7d4a-4e9b-9a61-2c5d8e0f4b7a';

let t: TestServer;
let connector: FakeConnector;
let links: ReportLinks;
beforeAll(async () => {
  connector = await startFakeConnector();
  t = await startTestServer();
  // The key the server made on first start and kept in the database: the tests sign with it too.
  links = createReportLinks({
    baseUrl: () => t.server.url,
    key: await reportSigningKey(t.db.prisma, undefined, FIXED_NOW),
    minutes: 60,
  });
});
afterAll(async () => {
  await t?.close();
  await connector?.close();
});
afterEach(() => {
  connector.received.length = 0;
});

/** What the bot answers Priya Sandhu (the coordinator) in Teams: the text of its card. */
async function askAsCoordinator(text: string): Promise<string> {
  const res = await postActivity(
    t.server.url,
    teamsActivity('personal-message', connector, { text, ...fromUser(PRIYA_AAD) }),
  );
  expect(res.status).toBe(200);
  const [sent] = await connector.waitFor(1);
  return JSON.stringify(cardOf(sent?.activity ?? {}));
}

/** The download links on a card's buttons. */
const urlsIn = (text: string) =>
  [...text.matchAll(/https?:\/\/[^\s"\\]+/g)].map((m) => m[0]).filter((u) => u.includes('/reports/'));

const signed = (ext: string, o: { person?: string; period?: string; now?: Date } = {}) =>
  links.url(
    { partnership: 'stockton', period: o.period ?? '2015/16 Q4', ext, person: o.person ?? 'priya-sandhu' },
    o.now ?? FIXED_NOW,
  );

describe('the coordinator’s download links', () => {
  let urls: string[] = [];
  beforeAll(async () => {
    const card = await askAsCoordinator('dashboard 2015/16 Q4');
    expect(card).toContain(
      'Board dashboard of Safer Stockton Partnership, 2015/16 Q4 (January to March 2016)',
    );
    expect(card).toContain('they stop working in 60 minutes');
    urls = urlsIn(card);
    // Buttons that open the links, not bare URLs in the text.
    const actions = (JSON.parse(card) as { actions: { type: string; url?: string }[] }).actions;
    expect(actions.filter((a) => a.type === 'Action.OpenUrl').map((a) => a.url)).toEqual(urls);
  });

  it('are one per format, signed for the coordinator', () => {
    expect(urls.map((u) => new URL(u).pathname)).toEqual([
      '/reports/stockton/2015-16-Q4.docx',
      '/reports/stockton/2015-16-Q4.xlsx',
      '/reports/stockton/2015-16-Q4.html',
      '/reports/stockton/2015-16-Q4.csv',
    ]);
    for (const u of urls) expect(new URL(u).searchParams.get('by')).toBe('priya-sandhu');
  });

  it('download the Word board paper, exceptions first', async () => {
    const res = await fetch(urls[0] ?? '');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="dashboard-stockton-2015-16-Q4.docx"',
    );
    const xml = readZip(Buffer.from(await res.arrayBuffer())).text('word/document.xml');
    expect(xml.indexOf('1. Exceptions')).toBeLessThan(xml.indexOf('2. Dashboard'));
  });

  it('download the workbook', async () => {
    const res = await fetch(urls[1] ?? '');
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ExcelJS.Buffer);
    expect(wb.getWorksheet('Dashboard')?.getCell('A1').value).toContain('2015/16 Q4');
  });

  it('open the page in the browser, with nothing it may fetch or run', async () => {
    const res = await fetch(urls[2] ?? '');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(await res.text()).toContain('<div class="value">364 (YTD 700)</div>');
  });

  it('download the CSV', async () => {
    const res = await fetch(urls[3] ?? '');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await res.text()).toContain(
      '2.2,Reduce violence without injury,,count,2015/16 Q4,336,364,439,489,',
    );
  });

  it('without a period are for the latest quarter reported', async () => {
    const card = await askAsCoordinator('dashboard');
    expect(urlsIn(card)[0]).toContain('/reports/stockton/2015-16-Q4.docx?');
  });
});

describe('links refused', () => {
  const refused = async (url: string) => {
    const res = await fetch(url);
    return { status: res.status, text: (await res.text()).trim() };
  };

  it('once expired: 403 saying so', async () => {
    const old = signed('xlsx', { now: new Date(FIXED_NOW.getTime() - 2 * 3600_000) });
    expect(await refused(old)).toEqual({
      status: 403,
      text: 'This link expired at 2016-05-02 08:30 UTC: say "dashboard" to the bot for a new one.',
    });
  });

  it('when the signature, expiry, person, period or format was changed: 403', async () => {
    const good = new URL(signed('docx'));
    const changed = (edit: (u: URL) => void) => {
      const u = new URL(good);
      edit(u);
      return u.toString();
    };
    const tampered = [
      changed((u) => u.searchParams.set('sig', tamperedSignature(good.searchParams.get('sig')))),
      changed((u) => u.searchParams.set('expires', String(Number(good.searchParams.get('expires')) + 3600))),
      changed((u) => u.searchParams.set('by', 'alan-whitfield')),
      changed((u) => (u.pathname = '/reports/stockton/2015-16-Q3.docx')),
      changed((u) => (u.pathname = '/reports/stockton/2015-16-Q4.xlsx')),
    ];
    for (const url of tampered)
      expect(await refused(url)).toEqual({
        status: 403,
        text: 'This link has been changed since the bot signed it: say "dashboard" to the bot for a new one.',
      });
  });

  it('with no signature: 403', async () => {
    expect(await refused(`${t.server.url}/reports/stockton/2015-16-Q4.docx`)).toMatchObject({
      status: 403,
      text: expect.stringMatching(/^This link is not signed/),
    });
  });

  it('signed for someone who is not a coordinator: 403', async () => {
    expect(await refused(signed('docx', { person: 'alan-whitfield' }))).toEqual({
      status: 403,
      text: 'Only coordinators can download the board dashboard.',
    });
  });

  it('for another partnership, or a format or period that does not exist: 404', async () => {
    const good = new URL(signed('docx'));
    const elsewhere = new URL(good);
    elsewhere.pathname = '/reports/hartlepool/2015-16-Q4.docx';
    expect(await refused(elsewhere.toString())).toEqual({ status: 404, text: 'No such partnership' });
    expect((await refused(`${t.server.url}/reports/stockton/2015-16-Q4.pdf`)).status).toBe(404);
    expect((await refused(`${t.server.url}/reports/stockton/2015-16-Q9.docx`)).status).toBe(404);
  });
});

describe('in chat, people who are not coordinators', () => {
  it('are told only coordinators can download the board dashboard, and get no link', async () => {
    const s = await botSession();
    try {
      for (const who of ['alan-whitfield', 'dan-mercer']) {
        const [reply] = await s.say(who, 'dashboard 2015/16 Q4');
        expect(reply).toEqual({
          kind: 'text',
          text: 'Only coordinators can download the board dashboard: ask Priya Sandhu',
        });
      }
    } finally {
      await s.close();
    }
  });
});

describe('the signing key', () => {
  it('is kept in the database, so links survive a restart', async () => {
    const row = await t.db.prisma.serverSecret.findUnique({ where: { name: REPORTS_KEY_NAME } });
    expect(row?.value).toMatch(/^[\w-]{43}$/);
  });

  it('comes from REPORTS_SIGNING_KEY when set, and nothing is stored', async () => {
    const secret = 'a-long-operator-secret-of-more-than-32-characters';
    const other = await startTestServer({ REPORTS_SIGNING_KEY: secret });
    try {
      const theirs = createReportLinks({
        baseUrl: () => other.server.url,
        key: await reportSigningKey(other.db.prisma, secret, FIXED_NOW),
        minutes: 60,
      });
      const link = { partnership: 'stockton', period: '2015/16 Q4', ext: 'csv', person: 'priya-sandhu' };
      expect((await fetch(theirs.url(link, FIXED_NOW))).status).toBe(200);
      expect((await fetch(links.url(link, FIXED_NOW).replace(t.server.url, other.server.url))).status).toBe(
        403,
      );
      expect(await other.db.prisma.serverSecret.findUnique({ where: { name: REPORTS_KEY_NAME } })).toBeNull();
    } finally {
      await other.close();
    }
  });

  it('must be long enough to be a secret', () => {
    expect(() => loadConfig({ REPORTS_SIGNING_KEY: 'short' })).toThrow(
      'REPORTS_SIGNING_KEY is not valid: use at least 32 random characters, e.g. from "openssl rand -hex 32" (see .env.example)',
    );
  });
});
