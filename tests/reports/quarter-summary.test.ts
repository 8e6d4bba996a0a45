// The quarter's summary from the example plan: how many of the quarter's returns are in and who is
// missing, every red and amber measure of the quarter, and the RAG distribution; and whether the
// quarter has closed (all its returns in).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summaryReply } from '../../src/bot/summary-reply.js';
import type { Period } from '../../src/domain/period.js';
import { quarterComplete, quarterSummary } from '../../src/reports/quarter-summary.js';
import { readSummaryData, type SummaryData } from '../../src/reports/summary-view.js';
import { botSession, type BotSession } from '../helpers/bot-session.js';

let s: BotSession;
let data: SummaryData;

const quarter = (text: string): Period => {
  const parsed = s.cal.parse(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};
const input = (text: string) => ({
  cal: s.cal,
  partnership: s.partnership,
  data,
  quarter: quarter(text),
  today: '2016-05-02',
});

beforeAll(async () => {
  s = await botSession();
  data = await readSummaryData(s.db.prisma, s.cal, s.partnership);
}, 30_000);

afterAll(() => s?.close());

describe("the quarter's summary", () => {
  it('counts the returns in for 2015/16 Q4 and names whose are missing', () => {
    const q4 = quarterSummary({ ...input('2015/16 Q4'), chart: null });

    expect(q4.returnsIn).toEqual({ received: 16, expected: 18 });
    expect(q4.outstanding.map((o) => [o.owner, o.items.map((i) => `${i.ref} ${i.period}`)])).toEqual([
      ['Joanne Lister', ['6.3 2015/16 Q4']],
      ['Martin Kell', ['5.2 2015/16 Q4']],
    ]);
  });

  it('lists every red and amber measure of the quarter with its theme and figures', () => {
    const q4 = quarterSummary({ ...input('2015/16 Q4'), chart: null });

    expect(q4.exceptions.map((x) => [x.theme, x.ref, x.rag])).toEqual([
      ['Violent crime and robbery', '2.1', 'red'],
      ['Violent crime and robbery', '2.2', 'red'],
      ['Violent crime and robbery', '2.3', 'red'],
      ['Criminal damage', '4.1', 'amber'],
      ['Domestic abuse', '6.4', 'red'],
    ]);
    expect(q4.exceptions[1]?.figures).toBe('YTD 1,628 · target to date 1,068 · variance +560 (+52.4%)');
    expect(q4.exceptions.every((x) => x.was === null)).toBe(true);
  });

  it('counts the RAG distribution of the quarter and draws it', () => {
    const q4 = quarterSummary({
      ...input('2015/16 Q4'),
      chart: (counts, title) => ({ url: `https://charts.example/${counts.red}`, alt: title }),
    });

    expect(q4.distribution).toEqual({ red: 4, amber: 1, green: 4, none: 9 });
    expect(q4.chart).toEqual({
      url: 'https://charts.example/4',
      alt: 'Safer Stockton Partnership: RAG status, 2015/16 Q4',
    });
  });

  it('reads as a list led by the returns in, the red and amber by theme, completeness by agency, then who is missing', () => {
    const reply = summaryReply(quarterSummary({ ...input('2015/16 Q4'), chart: null }));
    if (reply.kind !== 'list') throw new Error('not a list');

    expect(reply.title).toBe('Quarter summary: Safer Stockton Partnership, 2015/16 Q4');
    expect(reply.intro).toBe(
      '16 of 18 returns for 2015/16 Q4 are in; 2 still missing. 4 red and 1 amber. ' +
        'RAG for 2015/16 Q4: 4 red, 1 amber, 4 green, 9 with no RAG.',
    );
    expect(reply.sections.map((x) => x.heading)).toEqual([
      'Red and amber: Violent crime and robbery',
      'Red and amber: Criminal damage',
      'Red and amber: Domestic abuse',
      'Completeness by agency, 2015/16 Q4',
      'Waiting for Joanne Lister',
      'Waiting for Martin Kell',
    ]);
    expect(reply.sections[3]?.items.map((i) => i.text)).toEqual([
      'Durham Tees Valley CRC 0 of 4 received (1 overdue, 3 awaiting data)',
      'SBC Public Health 0 of 2 received (2 awaiting data)',
      'SBC Community Safety 3 of 4 received (1 overdue)',
      'Cleveland Police 6 of 6 received',
      'Harbour 2 of 2 received',
    ]);
    expect(reply.buttons?.[0]).toEqual({ label: 'Exceptions', say: 'exceptions 2015/16 Q4' });
  });

  it('has closed 2015/16 Q2 (every return in) but not Q3 (5.2 missing) or Q4', () => {
    expect(quarterComplete(input('2015/16 Q2'))).toBe(true);
    expect(quarterComplete(input('2015/16 Q3'))).toBe(false);
    expect(quarterComplete(input('2015/16 Q4'))).toBe(false);
  });
});
