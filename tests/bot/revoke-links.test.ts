// "revoke links 6.3" and "revoke links Joanne": a coordinator withdraws web form links sent by email;
// the links then open a page saying so, and the withdrawal is in the audit trail. Others are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReturnLinks } from '../../src/channels/email/return-links.js';
import { readAudit } from '../../src/store/audit-store.js';
import { botSession, type BotSession } from '../helpers/bot-session.js';

let s: BotSession;
const NOW = new Date('2016-04-08T09:00:00Z');
const when = { now: NOW, today: '2016-04-08' };

beforeAll(async () => {
  s = await botSession();
});
afterAll(async () => s?.close());

const links = () =>
  createReturnLinks({ db: s.db.prisma, key: Buffer.alloc(32, 1), baseUrl: () => 'http://x', days: 14 });
const mint = (ref: string, person = 'joanne-lister') =>
  links().mint({ partnershipId: s.partnership.id, person, ref, period: '2015/16 Q4' }, NOW);
const tokenOf = (url: string) => url.split('/return/')[1] ?? '';
const text = (replies: { kind: string }[]) => JSON.stringify(replies);

describe('withdrawing form links', () => {
  it('withdraws the links of a measure, which then open as withdrawn, and audits it', async () => {
    const a = await mint('6.3');
    const b = await mint('1.4');
    const replies = await s.say('priya-sandhu', 'revoke links 6.3', when);
    expect(text(replies)).toContain('Withdrawn: 1 link to the web form for 6.3');
    expect(await links().open(tokenOf(a.url), NOW)).toMatchObject({ ok: false, why: 'revoked' });
    expect(await links().open(tokenOf(b.url), NOW)).toMatchObject({ ok: true });
    const audit = await readAudit(s.db.prisma, { partnershipId: s.partnership.id });
    expect(
      audit.some((e) => e.action === 'links.revoke' && e.ref === '6.3' && e.actor === 'priya-sandhu'),
    ).toBe(true);
  });

  it('withdraws everything sent to one person, by name', async () => {
    const c = await mint('1.1');
    const replies = await s.say('priya-sandhu', 'withdraw links for Joanne Lister', when);
    expect(text(replies)).toMatch(/Withdrawn: \d+ links? sent to Joanne Lister/);
    expect(await links().open(tokenOf(c.url), NOW)).toMatchObject({ ok: false, why: 'revoked' });
    expect(text(await s.say('priya-sandhu', 'revoke links 6.3', when))).toContain('nothing to withdraw');
  });

  it('refuses an owner, and names an unknown measure', async () => {
    expect(text(await s.say('joanne-lister', 'revoke links 6.3', when))).toContain(
      'Only a coordinator can withdraw form links',
    );
    expect(text(await s.say('priya-sandhu', 'revoke links 9.9', when))).toMatch(/9\.9/);
  });
});
