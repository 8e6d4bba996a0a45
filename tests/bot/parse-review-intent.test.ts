// The words of sign-off, closed periods and history, with comments and reasons keeping their case.
import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../src/bot/parse-intent.js';

describe('parseIntent: sign-off, periods and history', () => {
  it.each([
    ['approve 2.2', { kind: 'approve', ref: '2.2', period: null, revision: null }],
    ['Approve 2.2 2015/16 Q4 revision 2', { kind: 'approve', ref: '2.2', period: '2015/16 Q4', revision: 2 }],
    [
      'send back 2.2 Q4: The March figure is missing',
      { kind: 'sendBack', ref: '2.2', period: 'Q4', revision: null, comment: 'The March figure is missing' },
    ],
    [
      'send back 2.2 2015/16 Q4 revision 3',
      { kind: 'sendBack', ref: '2.2', period: '2015/16 Q4', revision: 3, comment: null },
    ],
    ['review 2.2 2015/16 Q4', { kind: 'review', ref: '2.2', period: '2015/16 Q4' }],
    ['approvals', { kind: 'approvals' }],
    ['what do I approve?', { kind: 'approvals' }],
    [
      'reopen 2.2 Q4 because Police revised March',
      { kind: 'reopenReturn', ref: '2.2', period: 'Q4', reason: 'Police revised March' },
    ],
    [
      'reopen 2015/16 Q4 because the board asked for NHS figures',
      { kind: 'reopenPeriod', period: '2015/16 Q4', reason: 'the board asked for NHS figures' },
    ],
    ['close 2015/16 Q4', { kind: 'closePeriod', period: '2015/16 Q4', reason: null }],
    ['history 2.2', { kind: 'history', ref: '2.2', period: null }],
    ['history of 2.2 Q4 2015/16', { kind: 'history', ref: '2.2', period: 'Q4 2015/16' }],
  ])('%s', (text, intent) => {
    expect(parseIntent(text)).toEqual(intent);
  });

  it('leaves the other intents alone', () => {
    expect(parseIntent('submit 2.2').kind).toBe('submit');
    expect(parseIntent('return 2.2').kind).toBe('submit');
    expect(parseIntent('status of 2.2').kind).toBe('status');
  });
});
