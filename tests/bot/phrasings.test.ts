// The phrasings a chair, coordinator or owner types, the README's and others: typos, questions about
// last year and trends, periods in words. Each row is what the bot must read it as.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIntent, type Intent } from '../../src/bot/parse-intent.js';
import type { Reply } from '../../src/bot/reply.js';
import { botSession, type BotSession } from '../helpers/bot-session.js';
import { spellFixed } from '../../src/bot/spelling.js';

const status = (ref: string, period: string | null = null): Intent => ({ kind: 'status', ref, period });
const search = (words: string, period: string | null = null): Intent => ({ kind: 'search', words, period });
const exceptions = (period: string | null = null): Intent => ({ kind: 'exceptions', period });
const summary = (period: string | null = null): Intent => ({ kind: 'summary', period, post: false });
const dashboard = (period: string | null = null): Intent => ({ kind: 'dashboard', period });
const OVERDUE: Intent = { kind: 'overdue' };
const byAgency = (period: string | null = null): Intent => ({ kind: 'overdueByAgency', period });
const MINE: Intent = { kind: 'myReturns' };
const HELP: Intent = { kind: 'help' };
const HELLO: Intent = { kind: 'greeting' };

/** On 2 May 2016: what "last quarter" and "last year" mean. */
const TODAY = { lastQuarter: '2015/16 Q4', lastYear: '2015/16' };

const CORPUS: [string, Intent][] = [
  // The README's own.
  ['status of 2.2', status('2.2')],
  ['status 2.2 Q3', status('2.2', 'Q3')],
  ['status 2.2 2014/15 Q4', status('2.2', '2014/15 Q4')],
  ['how is ASB doing', search('asb')],
  ['exceptions', exceptions()],
  ['exceptions Q3', exceptions('Q3')],
  ['overdue', OVERDUE],
  ['who is missing', OVERDUE],
  ['my returns', MINE],
  ['summary', summary()],
  ['dashboard', dashboard()],
  ['dashboard 2015/16 Q4', dashboard('2015/16 Q4')],
  ['help', HELP],
  ['hi', HELLO],
  // Exceptions, as a chair asks.
  ['which measures are red', exceptions()],
  ['Which measures are red?', exceptions()],
  ['which measures are amber', exceptions()],
  ['which are red', exceptions()],
  ["what's red", exceptions()],
  ["what's off track?", exceptions()],
  ['what is not on target', exceptions()],
  ['what is failing', exceptions()],
  ['what needs attention', exceptions()],
  ['show me the reds', exceptions()],
  ['red and amber', exceptions()],
  ['exception report', exceptions()],
  ['which measures are red in Q3', exceptions('Q3')],
  ['exeptions', exceptions()],
  ['excepions', exceptions()],
  // Who is late.
  ["what's overdue?", OVERDUE],
  ['what is overdue', OVERDUE],
  ["what's late", OVERDUE],
  ["who hasn't submitted", OVERDUE],
  ['who has not submitted yet', OVERDUE],
  ['late returns', OVERDUE],
  ['outstanding', OVERDUE],
  ["who's late?", OVERDUE],
  ['who do I chase', OVERDUE],
  ['overdeu', OVERDUE],
  ['ovedue', OVERDUE],
  // Who is late, agency by agency.
  ['overdue by agency', byAgency()],
  ['completeness by agency', byAgency()],
  ['returns by agency', byAgency()],
  ['who is late by agency', byAgency()],
  ["who's late by agency?", byAgency()],
  ['show me the returns by agency', byAgency()],
  ['which agencies are late?', byAgency()],
  ['which agencies have not submitted', byAgency()],
  ["which agencies haven't submitted yet", byAgency()],
  ['missing returns by agency', byAgency()],
  ['returns by agency Q3', byAgency('Q3')],
  ['overdue by agency last quarter', byAgency('2015/16 Q4')],
  ['overdue by agnecy', byAgency()],
  ['completness by agency', byAgency()],
  // Mine.
  ['what do I owe', MINE],
  ['what do I need to submit', MINE],
  ["what's due", MINE],
  ['my measures', MINE],
  ['my retuns', MINE],
  // One measure.
  ["what's 2.2 looking like", status('2.2')],
  ['how is 2.2 looking', status('2.2')],
  ['how is 2.2 doing?', status('2.2')],
  ['what about 2.2', status('2.2')],
  ['tell me about 2.2', status('2.2')],
  ['2.2 status', status('2.2')],
  ['2.2', status('2.2')],
  ['2.2?', status('2.2')],
  ['status of 5', status('5')],
  ['show me 4.1', status('4.1')],
  ['can you show me 4.1 please', status('4.1')],
  ['status 2.2 last quarter', status('2.2', '2015/16 Q4')],
  ['status of 2.2 last year', status('2.2', '2015/16')],
  ['exceptions last quarter', exceptions('2015/16 Q4')],
  // Periods in words.
  ['status of 2.2 in the third quarter of 2015/16', status('2.2', 'Q3 2015/16')],
  ['status of 2.2 for quarter three 2015/16', status('2.2', 'Q3 2015/16')],
  ['2.2 in the first quarter', status('2.2', 'Q1')],
  ['status of 2.2 in January 2016', status('2.2', 'january 2016')],
  ['exceptions for the fourth quarter of 2015/16', exceptions('Q4 2015/16')],
  ['dashboard for Q4 2015/16', dashboard('Q4 2015/16')],
  // Last year and trends: every status compares with last year and gives the direction of travel.
  ['how is 2.2 doing compared with last year', status('2.2')],
  ['2.2 vs last year', status('2.2')],
  ['is violence getting worse', search('violence')],
  ['is 2.2 getting better?', status('2.2')],
  ['are robberies going up', search('robberies')],
  ['trend for criminal damage', search('criminal damage')],
  ['how is robbery doing', search('robbery')],
  ['how is criminal damage doing this year', search('criminal damage')],
  // The partnership as a whole.
  ['how are we doing this quarter', summary()],
  ['how are we doing?', summary()],
  ['how are we doing overall', summary()],
  ['overview', summary()],
  ['give me an overview', summary()],
  ['weekly summary', summary()],
  ['summery', summary()],
  // The board's papers.
  ['show me the dashboard', dashboard()],
  ['the dashboard please', dashboard()],
  ['open the dashboard', dashboard()],
  ['board paper', dashboard()],
  ['board pack', dashboard()],
  ['dashbaord', dashboard()],
  ['can you show me the dashboard', dashboard()],
  // Help and greetings.
  ['what can you do?', HELP],
  ['what can I ask', HELP],
  ['how does this work', HELP],
  ['hello', HELLO],
  ['good morning', HELLO],
  ['Hi there', HELLO],
];

describe('the phrasings corpus', () => {
  it('holds at least 80 phrasings', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(80);
  });

  it.each(CORPUS)('reads %j', (text, expected) => {
    expect(parseIntent(text, TODAY)).toEqual(expected);
  });

  it.each(['how', 'banana', 'what', 'the', 'xyzzy plugh'])('does not guess at %j', (text) => {
    expect(parseIntent(text, TODAY).kind).not.toMatch(/exceptions|overdue|myReturns|summary|dashboard/);
  });
});

describe('answers in the chat', () => {
  let s: BotSession;
  beforeAll(async () => {
    s = await botSession();
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });
  const texts = (replies: Reply[]) => JSON.stringify(replies);

  it('finds 2.3 "Reduce robbery" for "how is robbery doing", not every measure of its theme', async () => {
    const replies = await s.say('alan-whitfield', 'how is robbery doing');
    expect(replies[0]).toMatchObject({ kind: 'status', view: { ref: '2.3', title: 'Reduce robbery' } });
  });

  it('reads a typo in a measure: "robery"', async () => {
    const replies = await s.say('alan-whitfield', 'how is robery doing');
    expect(replies[0]).toMatchObject({ kind: 'status', view: { ref: '2.3' } });
  });

  it("shows each measure's RAG in a pick list", async () => {
    const replies = await s.say('alan-whitfield', 'how is violence doing');
    expect(replies[0]?.kind).toBe('list');
    const items = replies[0]?.kind === 'list' ? (replies[0].sections[0]?.items ?? []) : [];
    expect(items.map((i) => i.text)).toEqual([
      '2.1 Reduce violence with injury',
      '2.2 Reduce violence without injury',
    ]);
    expect(items.every((i) => i.rag !== null)).toBe(true);
    expect(items[1]).toMatchObject({ rag: 'red', detail: expect.stringContaining('Cleveland Police') });
  });

  it('offers "did you mean" with buttons when unsure, instead of apologising', async () => {
    const replies = await s.say('alan-whitfield', 'whos msising');
    expect(texts(replies)).toContain('I am not sure what \\"whos msising\\" means. Did you mean:');
    expect(replies[0]).toMatchObject({
      buttons: expect.arrayContaining([{ label: 'Who is missing', say: 'who is missing' }]),
    });
  });

  it.each([
    ['statsu of 2.2', 'status of 2.2'],
    ['stauts 2.2', 'status 2.2'],
    ['shwo me the dashbaord', 'show me the dashboard'],
    ['hsitory 2.2', 'history 2.2'],
  ])('offers "%s" put right as a button: %s', async (typed, meant) => {
    const replies = await s.say('priya-sandhu', typed);
    expect(texts(replies)).toContain('Did you mean:');
    expect(replies[0]).toMatchObject({
      buttons: expect.arrayContaining([{ label: expect.any(String), say: meant }]),
    });
    expect(texts(await s.say('priya-sandhu', meant))).not.toContain('Did you mean');
  });

  it('puts only slipped words right: refs, periods, known and far-off words stay as typed', () => {
    expect(spellFixed('status of 2.2')).toBe('status of 2.2');
    expect(spellFixed('2015/16 q4 stauts')).toBe('2015/16 q4 status');
    expect(spellFixed('zzzz')).toBe('zzzz');
  });

  it("answers the chair's questions", async () => {
    expect((await s.say('alan-whitfield', 'which measures are red'))[0]?.kind).not.toBe('text');
    expect(texts(await s.say('priya-sandhu', "what's overdue?"))).not.toContain('did not understand');
    expect((await s.say('alan-whitfield', "what's 2.2 looking like"))[0]).toMatchObject({
      view: { ref: '2.2' },
    });
    expect(texts(await s.say('alan-whitfield', 'how are we doing this quarter'))).not.toContain(
      'did not understand',
    );
  });
});
