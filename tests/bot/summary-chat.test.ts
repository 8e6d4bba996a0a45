// "exceptions", "summary" and "post summary" in chat, over the example plan with dated Q4 returns
// (four came in during the week to Monday 2 May 2016, and 1.3 was revised upwards, red, with an action).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/bot/conversation.js';
import { createConversation } from '../../src/bot/create-conversation.js';
import { parseIntent } from '../../src/bot/parse-intent.js';
import type { Reply } from '../../src/bot/reply.js';
import { listOutbox } from '../../src/store/outbox-store.js';
import { only, type BotSession } from '../helpers/bot-session.js';
import { datedSession } from '../reports/summary-fixtures.js';

let s: BotSession;
let conversation: Conversation;
const MONDAY = { now: new Date('2016-05-02T09:30:00Z'), today: '2016-05-02' };

const say = (person: string, text: string, requestId?: string): Promise<Reply[]> =>
  conversation.onMessage(s.turn(person, { ...MONDAY, ...(requestId ? { requestId } : {}) }), text);

beforeAll(async () => {
  s = await datedSession();
  conversation = createConversation({
    db: s.db.prisma,
    chartUrl: () => null,
    summaryChart: (counts, title) => ({ url: `https://charts.example/rag?red=${counts.red}`, alt: title }),
  });
}, 30_000);

afterAll(() => s?.close());

describe('reading "summary"', () => {
  it.each([
    ['summary', { kind: 'summary', period: null, post: false }],
    ['weekly summary', { kind: 'summary', period: null, post: false }],
    ['post summary', { kind: 'summary', period: null, post: true }],
    ['post the summary', { kind: 'summary', period: null, post: true }],
    ['summary Q3', { kind: 'summary', period: 'Q3', post: false }],
    ['summary 2015/16 Q4', { kind: 'summary', period: '2015/16 Q4', post: false }],
    ['quarterly summary', { kind: 'summary', period: 'quarter', post: false }],
    ['post quarterly summary', { kind: 'summary', period: 'quarter', post: true }],
  ])('reads %j', (text, intent) => {
    expect(parseIntent(text)).toEqual(intent);
  });
});

describe('"exceptions" in chat', () => {
  it('gives each exception its figures, trend, override, commentary and corrective action', async () => {
    const list = only(await say('alan-whitfield', 'exceptions'), 'list');
    const item = (ref: string) =>
      list.sections.flatMap((x) => x.items).find((i) => i.text.startsWith(`${ref} `));

    expect(list.title).toBe('Exceptions: 5 red, 1 amber');
    expect(list.sections[0]?.heading).toBe('Anti-social behaviour');
    expect(item('1.3')?.detail?.split('\n')).toEqual([
      expect.stringMatching(/^YTD [\d,]+ · target to date 13,425 · variance \+/),
      'Previous period (2015/16 Q3): worsening, +204.7%',
      'Insp. Dan Mercer: Corrected: the Q4 extract had missed the March incidents.',
      'Corrective action: A problem-solving plan for the town centre.',
    ]);
    expect(item('2.2')?.detail).toContain(
      'Last year (2014/15 Q4): worsening, +52.4% · previous period (2015/16 Q3): worsening, +11.4%',
    );
    expect(item('4.1')?.detail).toContain(
      'override: Below the three-year baseline (-4.9%) but 92 crimes (4.4%) more than 2014/15',
    );
    expect(item('4.1')?.detail).toContain('(computed green: On target; set by Priya Sandhu)');
  });
});

describe('"summary" in chat', () => {
  it("answers with this week's summary, chart and all, to whoever asks", async () => {
    const list = only(await say('joanne-lister', 'summary'), 'list');

    expect(list.title).toBe('Weekly summary: Safer Stockton Partnership, week to Monday 2 May 2016');
    expect(list.image).toEqual({
      url: 'https://charts.example/rag?red=5',
      alt: 'Safer Stockton Partnership: RAG status, week 18',
    });
    expect(list.sections.map((x) => x.heading)).toContain('New or changed exceptions');
    expect(await listOutbox(s.db.prisma, null)).toEqual([]);
  });

  it('answers "summary 2015/16 Q3" with that quarter\'s summary', async () => {
    const list = only(await say('joanne-lister', 'summary 2015/16 Q3'), 'list');

    expect(list.title).toBe('Quarter summary: Safer Stockton Partnership, 2015/16 Q3');
    expect(list.intro).toMatch(/^17 of 18 returns for 2015\/16 Q3 are in; 1 still missing\./);
  });

  it('takes "quarterly summary" as the quarter last ended', async () => {
    const list = only(await say('joanne-lister', 'quarterly summary'), 'list');

    expect(list.title).toBe('Quarter summary: Safer Stockton Partnership, 2015/16 Q4');
  });

  it.each([
    [
      'summary 2015/16',
      /^2015\/16 is not a quarter: ask for a quarter's summary, e\.g\. "summary 2015\/16 Q4"/,
    ],
    ['summary 2016/17 Q1', /^2016\/17 Q1 has not ended yet: say "summary" for this week's summary\.$/],
  ])('answers %j with what to ask instead', async (text, expected) => {
    const reply = only(await say('joanne-lister', text), 'text');

    expect(reply.text).toMatch(expected);
  });
});

describe('"post summary"', () => {
  it("puts a coordinator's summary in the outbox for the partnership channel, once per request", async () => {
    const first = await say('priya-sandhu', 'post summary', 'req-post-1');
    await say('priya-sandhu', 'post summary', 'req-post-1');
    const rows = await listOutbox(s.db.prisma, null);

    expect(only(first, 'text').text).toBe('The weekly summary is on its way to the partnership channel.');
    expect(rows.map((r) => [r.key, r.kind, r.recipient, r.status])).toEqual([
      ['summary:stockton:post:req-post-1', 'summary', '#channel', 'pending'],
    ]);
    const payload = rows[0]?.payload;
    expect(payload?.kind === 'summary' && payload.summary.label).toBe('2016-W18');
  });

  it('gives anyone else the summary privately, saying only a coordinator posts it', async () => {
    const replies = await say('dan-mercer', 'post summary', 'req-post-2');

    expect(replies.map((r) => r.kind)).toEqual(['text', 'list']);
    expect(replies[0]?.kind === 'text' && replies[0].text).toBe(
      'Only a coordinator can post the summary to the partnership channel. Here it is for you:',
    );
    expect((await listOutbox(s.db.prisma, null)).map((r) => r.key)).not.toContain(
      'summary:stockton:post:req-post-2',
    );
  });
});
