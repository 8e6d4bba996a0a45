// Every intent and every card action, as every kind of person: the coordinator, the chair, the owner of
// the measure (2.2), the owner of another measure, the person 2.2 is delegated to, the violence theme's
// approver and a member. Allowed ones succeed; refused ones get the specific refusal and change nothing
// in the database. Strangers never reach the conversation: see channel-access.test.ts.
//
// The cases are keyed by intent kind and card verb, so a new intent (in the Intent union, or any
// `| { kind: '…' }` of src/bot/parse-*.ts) or a new verb in CARD_VERBS without a case here fails.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIntent, type Intent } from '../../../src/bot/parse-intent.js';
import { CARD_VERBS, type CardAction, type Reply } from '../../../src/bot/reply.js';
import {
  ACTOR_NAMES,
  ACTORS,
  matrixSession,
  matrixTemplate,
  textOf,
  type ActorName,
  type MatrixSession,
  type MatrixTemplate,
} from './matrix-session.js';

type Verb = (typeof CARD_VERBS)[number];

interface Case {
  /** A message to say (checked to parse as the case's intent), or a card action to press. */
  say?: string;
  act?: CardAction;
  /** Who may: every other actor is refused. */
  allowed: readonly ActorName[] | 'everyone';
  /** What a refused actor is told. */
  refusal?: RegExp;
  /** read: nobody changes anything; write: an allowed actor changes the database; any: it depends. */
  effect: 'read' | 'write' | 'any';
  /** Run (as the coordinator) before the actor speaks: the state the case needs. */
  setup?: (s: MatrixSession) => Promise<unknown>;
  /** More checks on an allowed actor's replies. */
  check?: (replies: Reply[], s: MatrixSession, actor: ActorName) => Promise<void> | void;
}

const RESPONSIBLE = ['coordinator', 'owner', 'delegate'] as const;
const OVERRIDERS = ['coordinator', 'chair'] as const;
const COORDINATOR = ['coordinator'] as const;
const APPROVERS = ['coordinator', 'approver'] as const;
const FULL_READERS = ['coordinator', 'chair', 'owner', 'delegate', 'approver'] as const;

const SUBMIT_REFUSAL =
  /^Only Insp\. Dan Mercer \(the owner of 2\.2\) or a coordinator can submit its return\./;

/** A return card for 2.2 2015/16 Q4, as filled in (red figures, so with a corrective action). */
const card = (verb: Verb, extra: Record<string, unknown> = {}): CardAction => ({
  verb,
  data: {
    ref: '2.2',
    period: '2015/16 Q4',
    token: '0.matrix',
    'figure.value': '470',
    narrative: 'Up on last year.',
    correctiveAction: 'Extra patrols.',
    ...extra,
  },
});

const approveQ3 = (s: MatrixSession) => s.say('coordinator', 'approve 2.2 2015/16 Q3');

const INTENTS = {
  status: { say: 'status of 2.2 2015/16 Q3', allowed: 'everyone', effect: 'read' },
  search: { say: 'how is violence without injury doing', allowed: 'everyone', effect: 'read' },
  exceptions: { say: 'exceptions', allowed: 'everyone', effect: 'read' },
  summary: { say: 'summary', allowed: 'everyone', effect: 'read' },
  dashboard: {
    say: 'dashboard 2015/16 Q4',
    allowed: COORDINATOR,
    refusal: /^Only coordinators can download the board dashboard: ask Priya Sandhu$/,
    effect: 'read',
    check: (r) =>
      expect(r.flatMap((x) => (x.kind === 'text' ? (x.links ?? []) : [])).map((l) => l.url)).toContainEqual(
        expect.stringMatching(/\/reports\/stockton\/2015-16-Q4\.docx\?by=priya-sandhu&/),
      ),
  },
  overdue: { say: 'overdue', allowed: 'everyone', effect: 'read' },
  overdueByAgency: { say: 'overdue by agency', allowed: 'everyone', effect: 'read' },
  myReturns: { say: 'my returns', allowed: 'everyone', effect: 'read' },
  submit: {
    say: 'submit 2.2 2015/16 Q4',
    allowed: RESPONSIBLE,
    refusal: SUBMIT_REFUSAL,
    effect: 'read',
    check: (r) => expect(r.map((x) => x.kind)).toEqual(['returnForm']),
  },
  help: { say: 'help', allowed: 'everyone', effect: 'read' },
  greeting: { say: 'hello', allowed: 'everyone', effect: 'read' },
  unknown: { say: 'blorp the figures', allowed: 'everyone', effect: 'read' },
  override: {
    say: 'override 2.2 2015/16 Q3 to amber because the matrix says so',
    allowed: OVERRIDERS,
    refusal: /^Only a coordinator or the chair can override a status\.$/,
    effect: 'write',
    check: async (_r, s, actor) => {
      const o = await s.db.override.findFirst({ where: { period: '2015/16 Q3', rag: 'amber' } });
      expect(o).toMatchObject({ reason: 'the matrix says so', setBy: ACTORS[actor] });
      const audit = await s.db.auditEvent.findMany({ where: { action: 'override.set', ref: '2.2' } });
      expect(audit).toMatchObject([
        { actor: ACTORS[actor], period: '2015/16 Q3', reason: 'the matrix says so' },
      ]);
    },
  },
  clearOverride: {
    say: 'clear override 4.1 2015/16 Q4',
    allowed: OVERRIDERS,
    refusal: /^Only a coordinator or the chair can clear a status override\.$/,
    effect: 'write',
    check: async (_r, s, actor) => {
      expect(await s.db.override.count({ where: { period: '2015/16 Q4' } })).toBe(0);
      const audit = await s.db.auditEvent.findMany({ where: { action: 'override.clear' } });
      expect(audit).toMatchObject([{ actor: ACTORS[actor], ref: '4.1', period: '2015/16 Q4' }]);
    },
  },
  approve: {
    say: 'approve 2.2 2015/16 Q3',
    allowed: APPROVERS,
    refusal: /^Only a coordinator or the theme's approver can approve 2\.2\.$/,
    effect: 'write',
  },
  sendBack: {
    say: 'send back 2.2 2015/16 Q3: the March figure is missing',
    allowed: APPROVERS,
    refusal: /^Only a coordinator or the theme's approver can send back 2\.2\.$/,
    effect: 'write',
  },
  review: { say: 'review 2.2 2015/16 Q3', allowed: 'everyone', effect: 'read' },
  approvals: { say: 'approvals', allowed: 'everyone', effect: 'read' },
  reopenReturn: {
    say: 'reopen 2.2 2015/16 Q3 because the figure was revised',
    allowed: COORDINATOR,
    refusal: /^Only a coordinator can reopen an approved return\.$/,
    effect: 'write',
    setup: approveQ3,
  },
  reopenPeriod: {
    say: 'reopen 2014/15 Q4 because the figures were revised',
    allowed: COORDINATOR,
    refusal: /^Only a coordinator can reopen a closed period\.$/,
    effect: 'any',
  },
  closePeriod: {
    say: 'close 2015/16 Q3',
    allowed: COORDINATOR,
    refusal: /^Only a coordinator can close a period\.$/,
    effect: 'any',
  },
  history: {
    say: 'history 2.2',
    allowed: FULL_READERS,
    refusal:
      /^Only Insp\. Dan Mercer \(the owner of 2\.2\), the theme's approver, the chair or a coordinator can read the history of 2\.2\.$/,
    effect: 'read',
  },
  startYear: {
    say: 'start 2016/17: rest same',
    allowed: COORDINATOR,
    refusal: /^Only a coordinator can start a new year and set its targets\.$/,
    effect: 'any',
  },
  snooze: { say: 'remind me tomorrow', allowed: 'everyone', effect: 'any' },
  notAvailableUntil: {
    say: '2.2 not available until 24 May: the police data is late',
    allowed: RESPONSIBLE,
    refusal: /^Only Insp\. Dan Mercer \(the owner of 2\.2\) or a coordinator can say that\.$/,
    effect: 'write',
    check: async (_r, s, actor) => {
      const stored = await s.db.return.findFirst({
        where: { measureId: s.stockton.measureIds.get('2.2'), period: '2015/16 Q4' },
      });
      // Stored as said by the person speaking, whatever a card or message claims.
      expect(stored?.submittedBy).toBe(ACTORS[actor]);
    },
  },
  delegate: {
    say: 'delegate 2.2 to Morgan Price',
    allowed: ['coordinator', 'owner'],
    refusal: /^Only Insp\. Dan Mercer \(the owner of 2\.2\) or a coordinator can delegate it\.$/,
    effect: 'write',
    check: async (_r, s, actor) => {
      const audit = await s.db.auditEvent.findMany({ where: { action: 'delegation.set', ref: '2.2' } });
      expect(audit.at(-1)).toMatchObject({
        actor: ACTORS[actor],
        after: JSON.stringify({ delegate: 'morgan-price' }),
      });
    },
  },
  remindNow: {
    say: 'remind 2.2',
    allowed: COORDINATOR,
    refusal: /^Only a coordinator can send reminders on demand\.$/,
    effect: 'write',
  },
  pauseReminders: {
    say: 'pause reminders',
    allowed: COORDINATOR,
    refusal: /^Only a coordinator can pause reminders\.$/,
    effect: 'write',
  },
  resumeReminders: {
    say: 'resume reminders',
    allowed: COORDINATOR,
    refusal: /^Only a coordinator can resume reminders\.$/,
    effect: 'write',
  },
  revokeLinks: {
    say: 'revoke links 6.3',
    allowed: COORDINATOR,
    refusal: /^Only a coordinator can withdraw form links\.$/,
    effect: 'write',
  },
} satisfies Record<Intent['kind'], Case>;

/** Cases beyond one per kind: the same intent with another meaning. */
const MORE_INTENTS: Record<string, Case & { kind: Intent['kind'] }> = {
  'post summary': {
    kind: 'summary',
    say: 'post summary',
    allowed: COORDINATOR,
    refusal: /^Only a coordinator can post the summary to the partnership channel\. Here it is for you:/,
    effect: 'write',
  },
  undelegate: {
    kind: 'delegate',
    say: 'undelegate 2.2',
    allowed: ['coordinator', 'owner'],
    refusal: /^Only Insp\. Dan Mercer \(the owner of 2\.2\) or a coordinator can delegate it\.$/,
    effect: 'write',
  },
  'override without a reason': {
    kind: 'override',
    say: 'override 2.2 2015/16 Q3 to green',
    allowed: OVERRIDERS,
    refusal: /^Only a coordinator or the chair can override a status\.$/,
    effect: 'read',
    check: (r) => expect(textOf(r)).toMatch(/^Say why the status differs/),
  },
  'status of a sensitive measure': {
    kind: 'status',
    say: 'status of 6.1 2015/16 Q4',
    allowed: 'everyone',
    effect: 'read',
  },
};

const VERBS = {
  say: {
    act: { verb: 'say', data: { say: 'submit 2.2 2015/16 Q4' } },
    allowed: RESPONSIBLE,
    refusal: SUBMIT_REFUSAL,
    effect: 'read',
  },
  refreshStatus: {
    act: { verb: 'refreshStatus', data: { ref: '2.2', period: '2015/16 Q3' } },
    allowed: 'everyone',
    effect: 'read',
  },
  submitReturn: {
    act: card('submitReturn'),
    allowed: RESPONSIBLE,
    refusal: SUBMIT_REFUSAL,
    effect: 'write',
    check: (r) => expect(r.map((x) => x.kind)).toEqual(['returnStored']),
  },
  confirmReturn: {
    act: card('confirmReturn'),
    allowed: RESPONSIBLE,
    refusal: SUBMIT_REFUSAL,
    effect: 'write',
  },
  editReturn: { act: card('editReturn'), allowed: RESPONSIBLE, refusal: SUBMIT_REFUSAL, effect: 'read' },
  approveReturn: {
    act: { verb: 'approveReturn', data: { ref: '2.2', period: '2015/16 Q3', revision: '1' } },
    allowed: APPROVERS,
    refusal: /^Only a coordinator or the theme's approver can approve 2\.2\.$/,
    effect: 'write',
  },
  sendBackReturn: {
    act: {
      verb: 'sendBackReturn',
      data: { ref: '2.2', period: '2015/16 Q3', revision: '1', comment: 'Check March.' },
    },
    allowed: APPROVERS,
    refusal: /^Only a coordinator or the theme's approver can send back 2\.2\.$/,
    effect: 'write',
  },
  refreshReview: {
    act: { verb: 'refreshReview', data: { ref: '2.2', period: '2015/16 Q3' } },
    allowed: 'everyone',
    effect: 'read',
  },
} satisfies Record<Verb, Case>;

/**
 * Crafted payloads: a card that names another measure, another period, another partnership or another
 * person. Identity, measure and period come from the server's records and are checked again.
 */
const CRAFTED: Record<string, Case> = {
  "the owner's card naming another owner's measure (6.1)": {
    act: card('submitReturn', { ref: '6.1', 'figure.known-engaging': '3' }),
    allowed: ['coordinator', 'otherOwner'],
    refusal: /^Only Dr Ruth Okafor \(the owner of 6\.1\) or a coordinator can submit its return\./,
    effect: 'any',
  },
  'a card naming a period that has not ended': {
    act: card('confirmReturn', { period: '2016/17 Q1' }),
    allowed: [],
    refusal: /2016\/17 Q1 has not ended yet|Only Insp\. Dan Mercer/,
    effect: 'read',
  },
  "a card naming the other partnership and its measure (Testshire's 9.1)": {
    act: card('confirmReturn', { ref: '9.1', partnership: 'testshire', partnershipId: 2 }),
    allowed: [],
    refusal:
      /^This card does not name a measure I know\. There is no measure "9\.1" in Safer Stockton Partnership/,
    effect: 'read',
  },
  "a status card refresh naming Testshire's 9.1": {
    act: { verb: 'refreshStatus', data: { ref: '9.1', period: '2015/16 Q1', partnership: 'testshire' } },
    allowed: [],
    refusal: /^There is no measure "9\.1" in Safer Stockton Partnership/,
    effect: 'read',
  },
  'a card claiming to come from the owner': {
    act: card('confirmReturn', { person: ACTORS.owner, submittedBy: ACTORS.owner, user: ACTORS.owner }),
    allowed: RESPONSIBLE,
    refusal: SUBMIT_REFUSAL,
    effect: 'write',
    check: async (_r, s, actor) => {
      const stored = await s.db.return.findFirst({
        where: { period: '2015/16 Q4' },
        orderBy: { id: 'desc' },
      });
      expect(stored?.submittedBy).toBe(ACTORS[actor]);
    },
  },
  "a say button asking for Testshire's 9.1": {
    act: { verb: 'say', data: { say: 'status of 9.1', partnership: 'testshire' } },
    allowed: [],
    refusal: /^There is no measure "9\.1" in Safer Stockton Partnership/,
    effect: 'read',
  },
};

let template: MatrixTemplate;
beforeAll(async () => {
  template = await matrixTemplate();
}, 60_000);
afterAll(() => template.close());

const REFUSED_ANYWHERE = /^Only [^\n]* can /m;

async function run(c: Case, actor: ActorName): Promise<void> {
  const s = await matrixSession(template);
  try {
    await c.setup?.(s);
    const before = await s.state();
    const replies = c.say !== undefined ? await s.say(actor, c.say) : await s.act(actor, c.act as CardAction);
    const after = await s.state();
    const allowed = c.allowed === 'everyone' || c.allowed.includes(actor);
    if (!allowed) {
      expect(textOf(replies)).toMatch(c.refusal ?? /never/);
      expect(after).toEqual(before);
      return;
    }
    expect(textOf(replies)).not.toMatch(REFUSED_ANYWHERE);
    if (c.effect === 'read') expect(after).toEqual(before);
    if (c.effect === 'write') expect(after).not.toEqual(before);
    await c.check?.(replies, s, actor);
  } finally {
    await s.close();
  }
}

const table = (cases: Record<string, Case>) =>
  Object.entries(cases).flatMap(([name, c]) => ACTOR_NAMES.map((actor) => [name, actor, c] as const));

describe('every intent, as everyone', () => {
  it.each(table(INTENTS))('%s as the %s', async (_name, actor, c) => run(c, actor), 30_000);
  it.each(table(MORE_INTENTS))('%s as the %s', async (_name, actor, c) => run(c, actor), 30_000);
});

describe('every card action, as everyone', () => {
  it.each(table(VERBS))('%s as the %s', async (_name, actor, c) => run(c, actor), 30_000);
});

describe('crafted card payloads', () => {
  it.each(table(CRAFTED))('%s, as the %s', async (_name, actor, c) => run(c, actor), 30_000);
});

describe('the matrix is complete', () => {
  const declared = readdirSync(new URL('../../../src/bot/', import.meta.url))
    .filter((f) => /^parse-.*\.ts$/.test(f))
    .flatMap((f) => [
      ...readFileSync(new URL(`../../../src/bot/${f}`, import.meta.url), 'utf8').matchAll(
        /\|\s*\{\s*kind:\s*'(\w+)'/g,
      ),
    ])
    .map((m) => m[1] as string);

  it('has a case for every intent the parsers declare', () => {
    expect(declared.length).toBeGreaterThan(20);
    expect(Object.keys(INTENTS).sort()).toEqual([...new Set(declared)].sort());
  });

  it('has a case for every card verb', () => {
    expect(Object.keys(VERBS).sort()).toEqual([...CARD_VERBS].sort());
  });

  it('says each case in words that parse as its intent', () => {
    const said = [
      ...Object.entries(INTENTS).map(([kind, c]) => [kind, c.say] as const),
      ...Object.values(MORE_INTENTS).map((c) => [c.kind, c.say ?? ''] as const),
    ];
    for (const [kind, text] of said) expect([text, parseIntent(text).kind]).toEqual([text, kind]);
  });
});

describe('sensitive measures', () => {
  it("shows 6.1's commentary to its owner, the chair and coordinators, not to members or other owners", async () => {
    const s = await matrixSession(template);
    try {
      const figures = { known: ['engaging', 'completed'], unknown: ['engaging', 'completed'] };
      const typed = Object.entries(figures).flatMap(([k, parts]) =>
        parts.map((p) => [`figure.${k}-${p}`, '40']),
      );
      await s.act('otherOwner', {
        verb: 'confirmReturn',
        data: {
          ref: '6.1',
          period: '2015/16 Q4',
          token: '1.sensitive',
          ...Object.fromEntries(typed),
          narrative: 'Two of the men on the programme were arrested in March.',
        },
      });
      const narrative = async (actor: ActorName) => {
        const [r] = await s.say(actor, 'status of 6.1 2015/16 Q4');
        return r?.kind === 'status' ? r.view.narrative : null;
      };
      const hidden =
        'This measure is sensitive: its commentary is shared with its owner, its approver, the chair and coordinators.';
      for (const actor of ['member', 'owner', 'approver', 'delegate'] as const)
        expect(await narrative(actor)).toBe(hidden);
      for (const actor of ['otherOwner', 'chair', 'coordinator'] as const) {
        expect(await narrative(actor)).not.toBe(hidden);
        expect(await narrative(actor)).toBeTruthy();
      }
    } finally {
      await s.close();
    }
  }, 30_000);
});
