// Asking for the board dashboard in chat: the words that ask for it, the period they name (a quarter
// alone is one of the partnership's current year), and what a coordinator is sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportLinks } from '../../src/reports/report-links.js';
import { createConversation } from '../../src/bot/create-conversation.js';
import { parseIntent } from '../../src/bot/parse-intent.js';
import { botSession, type BotSession } from '../helpers/bot-session.js';

describe('asking for the dashboard', () => {
  it.each([
    ['dashboard', null],
    ['Dashboard?', null],
    ['board paper', null],
    ['board report', null],
    ['dashboard 2015/16 Q4', '2015/16 Q4'],
    ['dashboard Q3', 'Q3'],
  ])('reads "%s" as the dashboard, period %s', (text, period) => {
    expect(parseIntent(text)).toEqual({ kind: 'dashboard', period });
  });

  it('still reads "report" as submitting a return', () => {
    expect(parseIntent('report')).toMatchObject({ kind: 'submit' });
  });
});

describe('what a coordinator is sent', () => {
  let s: BotSession;
  beforeAll(async () => {
    s = await botSession();
  });
  afterAll(async () => {
    await s.close();
  });

  const ask = (text: string, withLinks = true) =>
    createConversation({
      db: s.db.prisma,
      chartUrl: () => null,
      ...(withLinks
        ? {
            reports: createReportLinks({
              baseUrl: () => 'https://perf.example',
              key: Buffer.alloc(32, 7),
              minutes: 30,
            }),
          }
        : {}),
    }).onMessage(s.turn('priya-sandhu'), text);

  it('gets a link button per format for the quarter asked, in this year when no year is said', async () => {
    const [reply] = await ask('dashboard Q3');
    expect(reply).toMatchObject({
      kind: 'text',
      buttons: [{ label: 'Exceptions', say: 'exceptions 2015/16 Q3' }],
    });
    const text = reply?.kind === 'text' ? reply.text : '';
    expect(text.split('\n')).toEqual([
      'Board dashboard of Safer Stockton Partnership, 2015/16 Q3 (October to December 2015). 18 measures: 4 red, 1 amber, 5 green, 8 not rated.',
      'Download it with the buttons below (for you only; they stop working in 30 minutes).',
    ]);
    const links = reply?.kind === 'text' ? (reply.links ?? []) : [];
    expect(links.map((l) => l.label)).toEqual([
      'Word board paper',
      'Excel workbook',
      'Web page',
      'CSV for analysts',
    ]);
    expect(links[0]?.url).toMatch(
      /^https:\/\/perf\.example\/reports\/stockton\/2015-16-Q3\.docx\?by=priya-sandhu&expires=\d+&sig=[0-9a-f]{64}$/,
    );
    expect(links.slice(1).map((l) => new URL(l.url).pathname)).toEqual([
      '/reports/stockton/2015-16-Q3.xlsx',
      '/reports/stockton/2015-16-Q3.html',
      '/reports/stockton/2015-16-Q3.csv',
    ]);
  });

  it('is told what is wrong with a period that is not one', async () => {
    expect(await ask('dashboard Q5')).toEqual([
      { kind: 'text', text: '"Q5" is not a period: quarters are Q1 to Q4, e.g. 2015/16 Q2' },
    ]);
  });

  it('is told when the server does not serve downloads', async () => {
    expect(await ask('dashboard', false)).toEqual([
      { kind: 'text', text: 'This server does not serve board dashboard downloads.' },
    ]);
  });
});
