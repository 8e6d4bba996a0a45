// Reasons and comments said in chat are checked like the card's texts: one made only of hidden
// characters (zero-width spaces, a Mongolian vowel separator, byte-order marks) is refused, and nothing
// is stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/bot/reply.js';
import { botSession, type BotSession } from '../helpers/bot-session.js';
import { snapshot } from '../helpers/temp-db.js';

let s: BotSession;
beforeEach(async () => {
  s = await botSession();
});
afterEach(async () => {
  await s.close();
});

const HIDDEN = '\u200b\u180e\ufeff\u200b';
const NO_VISIBLE = /has no visible text, only hidden characters: type it again as plain text/;

const said = (replies: Reply[]) => JSON.stringify(replies);

/** What `who` is told on saying `text`, checking that nothing stored changed. */
async function refused(who: string, text: string): Promise<string> {
  const before = await snapshot(s.db.prisma);
  const answer = said(await s.say(who, text));
  expect(await snapshot(s.db.prisma)).toEqual(before);
  return answer;
}

describe('a reason of hidden characters only is refused', () => {
  it.each([
    ['an override', `override 2.2 to amber because ${HIDDEN}`],
    ['clearing an override', `clear override 2.2: ${HIDDEN}`],
    ['a send-back comment', `send back 2.2 Q4: ${HIDDEN}`],
    ['reopening a period', `reopen 2015/16 Q4 because ${HIDDEN}`],
    ['closing a period', `close 2015/16 Q4 because ${HIDDEN}`],
  ])('%s', async (_what, text) => {
    if (text.startsWith('clear'))
      expect(said(await s.say('priya-sandhu', 'override 2.2 to amber because events'))).toMatch(/AMBER/);
    if (text.startsWith('reopen')) await s.say('priya-sandhu', 'close 2015/16 Q4');
    expect(await refused('priya-sandhu', text)).toMatch(NO_VISIBLE);
  });

  it('a not-available reason', async () => {
    expect(await refused('dan-mercer', `2.2 not available until 24 May: ${HIDDEN}`)).toMatch(NO_VISIBLE);
  });

  it('a right-to-left override in an override reason is refused too', async () => {
    expect(await refused('priya-sandhu', 'override 2.2 to green because up \u202e54')).toMatch(
      /hidden control or direction characters/,
    );
  });

  it('a visible reason with a zero-width space inside is kept as said', async () => {
    expect(said(await s.say('priya-sandhu', 'override 2.2 to amber because summer\u200bevents'))).toMatch(
      /because \\"summer\u200bevents\\"/,
    );
  });
});
