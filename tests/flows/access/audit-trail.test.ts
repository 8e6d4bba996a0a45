// Every change to an override, the plan, a role or a delegation leaves an append-only audit event,
// written in the same transaction as the change; a change that changes nothing writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { readAudit } from '../../../src/store/audit-store.js';
import { botSession, stocktonPlanText, type BotSession } from '../../helpers/bot-session.js';
import { importText } from './tenancy-plans.js';

let s: BotSession;
beforeEach(async () => {
  s = await botSession();
});
afterEach(() => s.close());

const actions = async () =>
  (await readAudit(s.db.prisma, { partnershipId: s.partnership.id, limit: 1000 })).map((e) => e.action);
const textOf = (r: { kind: string; text?: string }[]) => r.map((x) => x.text ?? x.kind).join('\n');

describe('plan imports', () => {
  it('records the first import, and nothing for the same plan imported again', async () => {
    const first = await actions();
    expect(first).toContain('plan.import');
    expect(first).toContain('plan.settings');
    expect(first.filter((a) => a === 'person.add')).toHaveLength(s.partnership.people.length);
    expect(first.filter((a) => a === 'measure.add')).toHaveLength(s.partnership.measures.length);
    await importText(s.db.prisma, s.db.dir, 'again', await stocktonPlanText());
    expect(await actions()).toEqual(first);
  });

  it("records a person's role changing, with the role before and after", async () => {
    const text = (await stocktonPlanText()).replace(
      'name: Cllr Alan Whitfield\n    email: alan.whitfield@example.org\n    role: chair',
      'name: Cllr Alan Whitfield\n    email: alan.whitfield@example.org\n    role: coordinator',
    );
    expect(text).toContain('role: coordinator\n  - id: dan-mercer');
    await importText(s.db.prisma, s.db.dir, 'promoted', text);
    const [change] = await readAudit(s.db.prisma, { partnershipId: s.partnership.id, limit: 3 }).then((es) =>
      es.filter((e) => e.action === 'role.change'),
    );
    expect(change).toMatchObject({
      actor: 'import',
      channel: 'import',
      before: { key: 'alan-whitfield', role: 'chair' },
      after: { key: 'alan-whitfield', role: 'coordinator' },
    });
  });

  it("records a change to the settings and to a measure's definition", async () => {
    const text = (await stocktonPlanText())
      .replace('tolerancePct: 15', 'tolerancePct: 10')
      .replace('title: Reduce violence without injury', 'title: Reduce all violence without injury');
    await importText(s.db.prisma, s.db.dir, 'tolerance', text);
    const events = await readAudit(s.db.prisma, { partnershipId: s.partnership.id, limit: 3 });
    expect(events.map((e) => e.action)).toEqual(['plan.import', 'measure.change', 'plan.settings']);
    expect(events[1]).toMatchObject({
      ref: '2.2',
      before: { title: 'Reduce violence without injury' },
      after: { title: 'Reduce all violence without injury' },
    });
    expect(events[2]?.after).toMatchObject({ tolerancePct: 10 });
  });
});

describe('overrides in chat', () => {
  it('parses "override 2.2 to amber because …" keeping the reason as written', () => {
    expect(parseIntent('override 2.2 2015/16 Q3 to Amber because The Police data is late')).toEqual({
      kind: 'override',
      ref: '2.2',
      period: '2015/16 Q3',
      rag: 'amber',
      reason: 'The Police data is late',
    });
    expect(parseIntent('clear override 2.2')).toEqual({
      kind: 'clearOverride',
      ref: '2.2',
      period: null,
      reason: null,
    });
  });

  it('sets an override with its reason, shows it on the status card, and audits set and clear', async () => {
    const set = await s.say(
      'alan-whitfield',
      'override 2.2 2015/16 Q3 to amber because the board accepted the plan',
    );
    expect(textOf(set)).toMatch(/^2\.2 2015\/16 Q3 now shows AMBER .* instead of the computed RED/);
    const [card] = await s.say('dan-mercer', 'status of 2.2 2015/16 Q3');
    expect(card?.kind === 'status' && card.view.override).toMatchObject({
      rag: 'amber',
      reason: 'the board accepted the plan',
      by: 'Cllr Alan Whitfield',
    });
    await s.say('priya-sandhu', 'clear override 2.2 2015/16 Q3 because the figures were revised');
    const events = await readAudit(s.db.prisma, { partnershipId: s.partnership.id, ref: '2.2', limit: 2 });
    expect(events).toMatchObject([
      {
        action: 'override.clear',
        actor: 'priya-sandhu',
        period: '2015/16 Q3',
        before: { rag: 'amber', reason: 'the board accepted the plan', by: 'alan-whitfield' },
        after: null,
        reason: 'the figures were revised',
      },
      { action: 'override.set', actor: 'alan-whitfield', after: { rag: 'amber' }, channel: 'local' },
    ]);
  });

  it('asks for a reason, a real status and an ended period, storing nothing', async () => {
    const before = await actions();
    expect(textOf(await s.say('priya-sandhu', 'override 2.2 to amber'))).toMatch(/^Say why/);
    expect(textOf(await s.say('priya-sandhu', 'override 2.2 to purple because x'))).toMatch(
      /"purple" is not a status/,
    );
    expect(textOf(await s.say('priya-sandhu', 'override 2.2 2016/17 Q1 to red because x'))).toMatch(
      /has not ended yet/,
    );
    expect(textOf(await s.say('priya-sandhu', 'clear override 2.2 2015/16 Q3'))).toMatch(
      /has no override to clear/,
    );
    expect(await actions()).toEqual(before);
  });
});

describe('delegations', () => {
  it('records delegating and taking back, and nothing for a delegation already so', async () => {
    await s.say('dan-mercer', 'delegate 2.2 to Joanne Lister');
    await s.say('dan-mercer', 'delegate 2.2 to Joanne Lister');
    await s.say('priya-sandhu', 'undelegate 2.2');
    const all = await readAudit(s.db.prisma, { partnershipId: s.partnership.id, ref: '2.2', limit: 50 });
    const events = all.filter((e) => e.action.startsWith('delegation.'));
    expect(events).toMatchObject([
      {
        action: 'delegation.clear',
        actor: 'priya-sandhu',
        before: { delegate: 'joanne-lister' },
        after: null,
      },
      { action: 'delegation.set', actor: 'dan-mercer', before: null, after: { delegate: 'joanne-lister' } },
    ]);
  });
});
