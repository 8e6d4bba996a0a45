// The web return form over real HTTP on 127.0.0.1: the real server with the email channel on, the
// example plan on Friday 8 April 2016 (2015/16 Q4 returns are open), and links minted as the email
// sender mints them. What is typed comes back beside its error, kept as typed; nothing is stored from a
// bad form, a forged POST or a dead link; a good form is stored once, confirmed, and the link then
// opens it for revision until it is approved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPlanFile } from '../../../src/app/import-plan-file.js';
import { createReturnLinks, returnLinksKey } from '../../../src/channels/email/return-links.js';
import { loadConfig } from '../../../src/config.js';
import { startServer, type RunningServer } from '../../../src/server/start-server.js';
import { listOutbox } from '../../../src/store/outbox-store.js';
import { revokeReturnLinks } from '../../../src/store/return-link-store.js';
import { silent } from '../../jobs/jobs-harness.js';
import { tempDb, type TempDb } from '../../helpers/temp-db.js';

const NOW = new Date('2016-04-08T09:00:00Z');
let db: TempDb;
let server: RunningServer;
let pid: number;

async function serve(env: Record<string, string> = {}) {
  const config = {
    ...loadConfig({ HOST: '127.0.0.1', SMTP_URL: 'smtp://127.0.0.1:9', REMINDERS: 'off', ...env }),
    PORT: 0,
  };
  return startServer({ config, db: db.prisma, clock: () => NOW, log: silent });
}

beforeAll(async () => {
  db = await tempDb();
  const imported = await importPlanFile(db.prisma, 'examples/stockton-2015-16.yaml', {
    dryRun: false,
    now: NOW,
  });
  if (!imported.ok) throw new Error(imported.errors.join('\n'));
  server = await serve();
  pid = (await db.prisma.partnership.findFirstOrThrow()).id;
}, 60_000);

afterAll(async () => {
  await server?.close();
  await db?.close();
});

async function linkTo(ref: string, at = NOW, person = 'joanne-lister') {
  const links = createReturnLinks({
    db: db.prisma,
    key: await returnLinksKey(db.prisma, NOW),
    baseUrl: () => server.url,
    days: 14,
  });
  return (await links.mint({ partnershipId: pid, person, ref, period: '2015/16 Q4' }, at)).url;
}

interface Page {
  status: number;
  html: string;
  cookie: string | null;
}

async function get(url: string, sent?: string | null): Promise<Page> {
  const res = await fetch(url, sent ? { headers: { cookie: sent } } : {});
  const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? null;
  return { status: res.status, html: await res.text(), cookie };
}

const hidden = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
const inputNames = (html: string) =>
  [...html.matchAll(/<input[^>]* name="(figure\.[^"]+)"/g)].map((m) => m[1] ?? '');

async function post(
  url: string,
  opened: Page,
  fields: Record<string, string>,
  cookie = opened.cookie,
): Promise<Page> {
  const body = new URLSearchParams({
    csrf: hidden(opened.html, 'csrf'),
    token: hidden(opened.html, 'token'),
    ...fields,
  });
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    body,
  });
  return { status: res.status, html: await res.text(), cookie };
}

const storedRevisions = async (ref: string) =>
  db.prisma.return.count({ where: { measure: { ref, partnershipId: pid }, period: '2015/16 Q4' } });

describe('the web return form', () => {
  it('opens the return the link names, with labels, hints, and last period and last year for context', async () => {
    const url = await linkTo('1.4');
    expect(url).toMatch(/\/return\/[\w-]{24}\.[\w-]{32}$/);
    const page = await get(url);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<title>1.4 Monitor service requests to the MAASBT: 2015/16 Q4</title>');
    expect(page.html).toMatch(/<label class="label" for="f-figure-[\w-]+">/);
    expect(page.html).toContain('Last quarter (2015/16 Q3): 1,035');
    expect(page.html).toContain('Same quarter last year (2014/15 Q4): 894');
    expect(page.cookie).toMatch(/^perfbot_form=[\w-]+$/);
    expect(inputNames(page.html).length).toBeGreaterThan(0);
  });

  it('answers an empty form with an error summary and each error beside its field, storing nothing', async () => {
    const url = await linkTo('1.4');
    const opened = await get(url);
    const before = await storedRevisions('1.4');
    const page = await post(url, opened, {});
    expect(page.status).toBe(422);
    expect(page.html).toContain('<title>Error: ');
    expect(page.html).toContain('There is a problem');
    const [field] = inputNames(opened.html);
    const id = `f-${(field ?? '').replace(/[^\w-]/g, '-')}`;
    expect(page.html).toContain(`<li><a href="#${id}">`);
    expect(page.html).toContain(`id="${id}-error"`);
    expect(page.html).toMatch(/Enter .*or tick &quot;Figures not available yet&quot;/);
    expect(await storedRevisions('1.4')).toBe(before);
  });

  it('keeps what was typed beside the server\'s words: "abc", and 140 on a percentage', async () => {
    const url = await linkTo('1.2');
    const opened = await get(url);
    const before = await storedRevisions('1.2');
    const [field = ''] = inputNames(opened.html);
    const abc = await post(url, opened, { [field]: 'abc', narrative: 'Typed words kept' });
    expect(abc.status).toBe(422);
    expect(abc.html).toContain('value="abc"');
    expect(abc.html).toContain('Typed words kept');
    expect(abc.html).toMatch(/&quot;abc&quot; is not/);
    const over = await post(url, opened, { [field]: '140' });
    expect(over.status).toBe(422);
    expect(over.html).toContain('value="140"');
    expect(over.html).toMatch(/0 to 100|100%/);
    expect(await storedRevisions('1.2')).toBe(before);
  });

  it("refuses a POST without the form's own secret (cross-site request forgery), storing nothing", async () => {
    const url = await linkTo('1.4');
    const opened = await get(url);
    const [field = ''] = inputNames(opened.html);
    const before = await storedRevisions('1.4');
    const forged = await post(
      url,
      opened,
      { [field]: '900', narrative: 'Typed before the secret expired' },
      null,
    );
    expect(forged.status).toBe(403);
    // Nothing stored, and nothing typed lost: the form comes back with it, to check and send again.
    expect(forged.html).toContain('Please check and send this form again');
    expect(forged.html).toContain('value="900"');
    expect(forged.html).toContain('Typed before the secret expired');
    const wrong = await post(url, opened, { [field]: '900' }, 'perfbot_form=someone-elses-secret-xx');
    expect(wrong.status).toBe(403);
    expect(await storedRevisions('1.4')).toBe(before);
  });

  it('takes forms opened from several links of one email, in several tabs, each with the same secret', async () => {
    const first = await get(await linkTo('1.2'));
    const secondUrl = await linkTo('1.4');
    const second = await get(secondUrl, first.cookie);
    expect(second.cookie).toBe(first.cookie);
    expect(hidden(second.html, 'csrf')).toBe(hidden(first.html, 'csrf'));
    const [field = ''] = inputNames(second.html);
    const page = await post(secondUrl, second, { [field]: 'abc' }, first.cookie);
    expect(page.status).toBe(422);
  });

  it('stores a good return once, confirms it by email, and opens it again for revision', async () => {
    const url = await linkTo('1.4');
    const opened = await get(url);
    const before = await storedRevisions('1.4');
    const [field = ''] = inputNames(opened.html);
    let page = await post(url, opened, { [field]: '1000', narrative: 'Steady demand.' });
    if (page.html.includes('Please check before it is stored'))
      page = await post(
        url,
        { ...opened, html: page.html },
        { [field]: '1000', narrative: 'Steady demand.', action: 'confirm' },
      );
    expect(page.status).toBe(200);
    expect(page.html).toContain(`Stored as revision ${before + 1}`);
    expect(await storedRevisions('1.4')).toBe(before + 1);
    const again = await post(url, opened, {
      [field]: '1000',
      narrative: 'Steady demand.',
      action: 'confirm',
    });
    expect(again.html).toMatch(/already submitted|Nothing new was stored|changed since you opened it/);
    expect(await storedRevisions('1.4')).toBe(before + 1);
    const notices = (await listOutbox(db.prisma, null, 100)).filter(
      (r) => r.recipient === 'joanne-lister' && r.kind === 'notice' && r.ref === '1.4',
    );
    expect(notices).toHaveLength(1);
    expect(JSON.stringify(notices[0]?.payload)).toContain('1,000');
    const reopened = await get(url);
    expect(reopened.status).toBe(200);
    expect(reopened.html).toContain('value="1000"');
    expect(reopened.html).toContain(`revision ${before + 2}`);
  });

  it('takes "not available" with a reason and an expected date', async () => {
    const url = await linkTo('1.1');
    const opened = await get(url);
    const before = await storedRevisions('1.1');
    const page = await post(url, opened, {
      notAvailable: 'true',
      notAvailableReason: 'Police data not yet released',
      expected: '2016-05-24',
    });
    expect(page.status).toBe(200);
    expect(page.html).toContain(`Stored as revision ${before + 1}`);
    expect(await storedRevisions('1.1')).toBe(before + 1);
  });

  it('says what to do for a tampered, expired or revoked link, and stores nothing', async () => {
    const url = await linkTo('1.4');
    const tampered = await get(`${url.slice(0, -1)}${url.endsWith('A') ? 'B' : 'A'}`);
    expect(tampered.status).toBe(404);
    expect(tampered.html).toContain('This link does not work');
    const old = await linkTo('1.4', new Date('2016-03-01T09:00:00Z'));
    const expired = await get(old);
    expect(expired.status).toBe(410);
    expect(expired.html).toContain('This link has expired');
    const revokedUrl = await linkTo('6.3');
    expect(
      await revokeReturnLinks(
        db.prisma,
        { ref: '6.3' },
        { partnershipId: pid, by: 'priya-sandhu', at: NOW, channel: 'cli' },
      ),
    ).toBeGreaterThan(0);
    const revoked = await get(revokedUrl);
    expect(revoked.status).toBe(410);
    expect(revoked.html).toContain('withdrawn');
    const before = await storedRevisions('6.3');
    const res = await fetch(revokedUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'narrative=hello',
    });
    expect(res.status).toBe(410);
    expect(await storedRevisions('6.3')).toBe(before);
  });

  it('limits how often one address may ask', async () => {
    const limited = await serve({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const url = (await linkTo('1.4')).replace(server.url, limited.url);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await get(url)).status);
      expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
      expect(statuses[4]).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
