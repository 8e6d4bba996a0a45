// What people type, and what the bot takes them to mean.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIntent, type Intent } from '../../src/bot/parse-intent.js';

const KINDS: Intent['kind'][] = [
  'status',
  'search',
  'exceptions',
  'overdue',
  'myReturns',
  'submit',
  'help',
  'greeting',
  'unknown',
];

const status = (ref: string, period: string | null = null): Intent => ({ kind: 'status', ref, period });

describe('parseIntent', () => {
  it.each<[string, Intent]>([
    ['status of 2.2', status('2.2')],
    ['Status 2.2 Q3', status('2.2', 'Q3')],
    ['status 2.2 2014/15 Q4', status('2.2', '2014/15 Q4')],
    ['STATUS OF 2.2?', status('2.2')],
    ['status of 2.2.', status('2.2')],
    ['status of 2.2!', status('2.2')],
    ['status of 2.2...', status('2.2')],
    ['Q3 2015/16 status of 2.2', status('2.2', 'Q3 2015/16')],
    ['status 2.2 Q3 2015/16', status('2.2', 'Q3 2015/16')],
    ['what is the status of 2.2', status('2.2')],
    ["what's the status of 2.2", status('2.2')],
    ['2.2', status('2.2')],
    ['how is 2.2 doing', status('2.2')],
    ['status 2.2 2015-07', status('2.2', '2015-07')],
    ['status 2.2 quarter 3', status('2.2', 'Q3')],
    ['<at>perfbot</at> status of 1.3', status('1.3')],
    // A quarter that does not exist is still a period, so the calendar can say what is wrong.
    ['status 2.2 2015/16 Q5', status('2.2', '2015/16 Q5')],
    ['status of 2.2 Q0', status('2.2', 'Q0')],
    ['how is ASB doing', { kind: 'search', words: 'asb', period: null }],
    ['how are repeat victims doing?', { kind: 'search', words: 'repeat victims', period: null }],
    ['status ASB Q3', { kind: 'search', words: 'asb', period: 'Q3' }],
    ['exceptions', { kind: 'exceptions', period: null }],
    ['exceptions Q3', { kind: 'exceptions', period: 'Q3' }],
    ['red and amber', { kind: 'exceptions', period: null }],
    ['overdue', { kind: 'overdue' }],
    ['who is missing', { kind: 'overdue' }],
    ["who's late?", { kind: 'overdue' }],
    ['my returns', { kind: 'myReturns' }],
    ['what do I owe', { kind: 'myReturns' }],
    ['submit 2.2', { kind: 'submit', ref: '2.2', period: null }],
    ['submit 2.2 Q4 2015/16', { kind: 'submit', ref: '2.2', period: 'Q4 2015/16' }],
    ['submit a return for 2.2', { kind: 'submit', ref: '2.2', period: null }],
    ['submit 2.2 Q5', { kind: 'submit', ref: '2.2', period: 'Q5' }],
    ['submit', { kind: 'submit', ref: null, period: null }],
    ['help', { kind: 'help' }],
    ['?', { kind: 'help' }],
    ['', { kind: 'help' }],
    ['hi', { kind: 'greeting' }],
    ['Good morning!', { kind: 'greeting' }],
    ['banana', { kind: 'unknown', text: 'banana' }],
    ["what's the weather", { kind: 'unknown', text: "what's the weather" }],
    ['Q3', { kind: 'unknown', text: 'Q3' }],
  ])('reads %j', (text, intent) => {
    expect(parseIntent(text)).toEqual(intent);
  });

  // Plans may give a reference without a dot ("5"); in chat it works as "2.2" does, and a bare number
  // elsewhere (a year, a date, "in 2 days") stays what it was.
  it.each<[string, Intent | Partial<Intent>]>([
    ['status of 5', status('5')],
    ['status 5', status('5')],
    ['Status of 5?', status('5')],
    ['status 5 2015/16 Q4', status('5', '2015/16 Q4')],
    ['Q4 2015/16 status of 5', status('5', 'Q4 2015/16')],
    ['status of 5 quarter 3', status('5', 'Q3')],
    ['how is 5 doing', status('5')],
    ['5', status('5')],
    ['12', status('12')],
    ['5a', status('5a')],
    ['submit 5', { kind: 'submit', ref: '5', period: null }],
    ['submit 5 2015/16 Q4', { kind: 'submit', ref: '5', period: '2015/16 Q4' }],
    ['status of 2015/16', { kind: 'help' }],
    ['2015', { kind: 'unknown', text: '2015' }],
    ['override 5 to amber because the family group changed', { kind: 'override', ref: '5', rag: 'amber' }],
    ['clear override 5 2015/16 Q4', { kind: 'clearOverride', ref: '5', period: '2015/16 Q4' }],
    ['approve 5 2015/16 Q4', { kind: 'approve', ref: '5', period: '2015/16 Q4', revision: null }],
    ['send back 5: the group size is 15', { kind: 'sendBack', ref: '5', comment: 'the group size is 15' }],
    ['history of 5', { kind: 'history', ref: '5', period: null }],
    ['reopen 5 2015/16 Q4 because a late revision', { kind: 'reopenReturn', ref: '5' }],
    ['reopen 2015/16 Q4 because the police data was late', { kind: 'reopenPeriod', period: '2015/16 Q4' }],
    ['reopen 15/16 Q4 because the police data was late', { kind: 'reopenPeriod', period: '15/16 Q4' }],
    ['delegate 5 to Joanne', { kind: 'delegate', ref: '5', to: 'joanne' }],
    ['remind 5', { kind: 'remindNow', ref: '5' }],
    ['remind me about 5 on Monday', { kind: 'snooze', ref: '5', when: 'on monday' }],
    ['remind me in 2 days', { kind: 'snooze', ref: null, when: 'in 2 days' }],
    ['snooze for 5 days', { kind: 'snooze', ref: null, when: 'for 5 days' }],
    ['remind me in about 5 days', { kind: 'snooze', ref: null, when: 'in about 5 days' }],
    [
      '5 not available until 24 May: iQuanta is late',
      { kind: 'notAvailableUntil', ref: '5', when: '24 May' },
    ],
    ['not available until 5 June', { kind: 'notAvailableUntil', ref: null, when: '5 June' }],
  ])('reads the dotless reference in %j', (text, intent) => {
    expect(parseIntent(text)).toMatchObject(intent);
  });

  it('never throws and always answers with a known kind', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        expect(KINDS).toContain(parseIntent(text).kind);
      }),
    );
  });

  it('never throws on text made of the words it knows, in any order', () => {
    const word = fc.constantFrom(
      'status',
      'of',
      'for',
      '2.2',
      '10.4a',
      'Q3',
      'Q5',
      'quarter',
      '4',
      '2015/16',
      '2015-07',
      'July',
      'how',
      'is',
      'doing',
      'submit',
      'return',
      'exceptions',
      'my',
      'returns',
      '?',
      '.',
      '<at>perfbot</at>',
      '<b>',
      'help',
      'hi',
      '',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (words) => {
        expect(KINDS).toContain(parseIntent(words.join(' ')).kind);
      }),
    );
  });

  it('reads "status of <ref>" in any case, with any trailing punctuation, as that reference', () => {
    const ref = fc
      .tuple(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 2 }),
        fc.constantFrom('', 'a', 'B'),
      )
      .map(([head, rest, letter]) => `${head}.${rest.join('.')}${letter}`);
    const casing = fc.array(fc.boolean(), { minLength: 9, maxLength: 9 });
    const prefix = fc.constantFrom(
      'status of ',
      'status ',
      'what is the status of ',
      '<at>perfbot</at> status of ',
    );
    const trailing = fc.constantFrom('', '?', '.', '!', '?!', '??', ' ?', ',', ':', '...');
    fc.assert(
      fc.property(prefix, casing, ref, trailing, (p, upper, r, t) => {
        const cased = [...p].map((c, i) => (upper[i % upper.length] ? c.toUpperCase() : c)).join('');
        expect(parseIntent(`${cased}${r}${t}`)).toEqual(status(r.toLowerCase()));
      }),
    );
  });

  it('keeps a quarter given after the reference, whatever its case', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        (a, b, q, upper) => {
          const quarter = `${upper ? 'Q' : 'q'}${q}`;
          expect(parseIntent(`status ${a}.${b} ${quarter}`)).toEqual(status(`${a}.${b}`, `Q${q}`));
        },
      ),
    );
  });
});
