// The weekly summary from the example plan, on Monday 2 May 2016 at 09:00 (London): what came in since
// Monday 25 April, who still owes what, the exceptions new or changed since a week ago (the RAG now
// against the RAG computed from the returns submitted by then), and the RAG distribution and its chart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summaryReply } from '../../src/bot/summary-reply.js';
import type { RagCounts, Summary } from '../../src/domain/summary-payload.js';
import { readSummaryData } from '../../src/reports/summary-view.js';
import { weeklySummary } from '../../src/reports/weekly-summary.js';
import type { BotSession } from '../helpers/bot-session.js';
import { datedSession } from './summary-fixtures.js';

let s: BotSession;
let summary: Summary;
const charted: { counts: RagCounts; title: string }[] = [];

beforeAll(async () => {
  s = await datedSession();
  summary = weeklySummary({
    cal: s.cal,
    partnership: s.partnership,
    data: await readSummaryData(s.db.prisma, s.cal, s.partnership),
    now: new Date('2016-05-02T08:00:00Z'),
    since: new Date('2016-04-25T08:00:00Z'),
    today: '2016-05-02',
    week: '2016-W18',
    chart: (counts, title) => {
      charted.push({ counts, title });
      return { url: 'https://charts.example/chart?c=rag', alt: `${title}: Red ${counts.red}` };
    },
  });
}, 30_000);

afterAll(() => s?.close());

describe('the weekly summary', () => {
  it('lists the returns that came in since last Monday, oldest first, with who sent them', () => {
    expect(summary.from).toBe('2016-04-25');
    expect(summary.to).toBe('2016-05-02');
    expect(summary.received.map((r) => [r.ref, r.periods, r.by, r.on])).toEqual([
      ['1.2', ['2015/16 Q4'], 'Joanne Lister', '2016-04-27'],
      ['2.2', ['2015/16 Q4'], 'Insp. Dan Mercer', '2016-04-27'],
      ['3.3', ['2015/16 Q4'], 'Dr Ruth Okafor', '2016-04-27'],
      ['4.1', ['2015/16 Q4'], 'Insp. Dan Mercer', '2016-04-27'],
      ['1.3', ['2015/16 Q4'], 'Insp. Dan Mercer', '2016-04-28'],
    ]);
  });

  it('says which came in as "not available" and which revised figures given before', () => {
    const of = (ref: string) => summary.received.find((r) => r.ref === ref);

    expect(of('3.3')).toMatchObject({ notAvailable: true, revised: false });
    expect(of('1.3')).toMatchObject({ notAvailable: false, revised: true, rag: 'red' });
    expect(of('2.2')).toMatchObject({ notAvailable: false, revised: false, rag: 'red' });
  });

  it('leaves out returns that came in before the week', () => {
    expect(summary.received.map((r) => r.ref)).not.toContain('2.1');
  });

  it('lists what is still outstanding by owner, all of it overdue', () => {
    expect(summary.outstanding).toEqual([
      {
        owner: 'Joanne Lister',
        items: [
          {
            ref: '6.3',
            title: 'Reduce repeat victims of domestic abuse not open to MARAC',
            period: '2015/16 Q4',
            due: '2016-04-14',
            overdue: true,
          },
        ],
      },
      {
        owner: 'Martin Kell',
        items: [
          expect.objectContaining({ ref: '5.2', period: '2015/16 Q3', due: '2016-01-15', overdue: true }),
          expect.objectContaining({ ref: '5.2', period: '2015/16 Q4', due: '2016-04-14', overdue: true }),
        ],
      },
    ]);
  });

  it("counts the current quarter's returns by agency, with each owner's missing ones", () => {
    const reply = summaryReply(summary);
    const section =
      reply.kind === 'list' ? reply.sections.find((x) => x.heading.startsWith('Completeness')) : null;

    expect(section?.items.map((i) => [i.text, i.detail])).toEqual([
      [
        'Durham Tees Valley CRC 0 of 4 received (1 overdue, 3 awaiting data)',
        [
          'Martin Kell 0 of 4 received (1 overdue, 3 awaiting data)',
          '– 3.1 2015/16 Q4: awaiting data: Yearend data not yet available.',
          '– 3.2 2015/16 Q4: awaiting data: Yearend data not yet available.',
          '– 5.1 2015/16 Q4: awaiting data: Year end data not yet available.',
          '– 5.2 2015/16 Q4: overdue since 2016-04-14',
        ].join('\n'),
      ],
      [
        'SBC Public Health 0 of 2 received (2 awaiting data)',
        [
          'Dr Ruth Okafor 0 of 2 received (2 awaiting data)',
          '– 3.3 2015/16 Q4: awaiting data: Q4 data will be available 24th May. (expected 2016-05-24)',
          '– 6.1 2015/16 Q4: awaiting data: Police data provision has yet to be resolved.',
        ].join('\n'),
      ],
      [
        'SBC Community Safety 3 of 4 received (1 overdue)',
        'Joanne Lister 3 of 4 received (1 overdue)\n– 6.3 2015/16 Q4: overdue since 2016-04-14',
      ],
      ['Cleveland Police 6 of 6 received', null],
      ['Harbour 2 of 2 received', null],
    ]);
    expect(summary.agencies?.period).toBe('2015/16 Q4');
  });

  it('reports the exceptions new since a week ago: 1.3 turned red, 4.1 amber (by override)', () => {
    expect(summary.exceptions.map((x) => [x.ref, x.rag, x.was])).toEqual([
      ['1.3', 'red', { rag: 'green', period: '2015/16 Q4' }],
      ['4.1', 'amber', { rag: 'green', period: '2015/16 Q3' }],
    ]);
  });

  it("gives each new exception its figures, trend, the owner's narrative and corrective action", () => {
    const x13 = summary.exceptions[0];
    const x41 = summary.exceptions[1];

    expect(x13?.figures).toMatch(/^YTD [\d,]+ · target to date 13,425 · variance \+/);
    // 1.3 has no returns for 2014/15: its trend is against the quarter before only.
    expect(x13?.trend).toBe('Previous period (2015/16 Q3): worsening, +204.7%');
    expect(x13?.narrative).toBe('Corrected: the Q4 extract had missed the March incidents.');
    expect(x13?.correctiveAction).toBe('A problem-solving plan for the town centre.');
    expect(x13?.theme).toBe('Anti-social behaviour');
    expect(x41?.override?.reason).toContain('Below the three-year baseline (-4.9%)');
    expect(x41?.figures).toContain('YTD 2,203');
  });

  it('leaves out exceptions that were already red a week ago (2.2: red in Q3, red in Q4)', () => {
    expect(summary.exceptions.map((x) => x.ref)).not.toContain('2.2');
  });

  it('says which measures are no longer red or amber: 3.3, amber in Q3, now awaiting its figures', () => {
    expect(summary.cleared).toEqual([
      expect.objectContaining({ ref: '3.3', was: 'amber', rag: 'none', label: 'No data yet' }),
    ]);
  });

  it('counts the RAG distribution now and draws it', () => {
    expect(summary.distribution).toEqual({ red: 5, amber: 1, green: 3, none: 9 });
    expect(charted).toEqual([
      {
        counts: summary.distribution,
        title: 'Safer Stockton Partnership: RAG status, week 18',
      },
    ]);
    expect(summary.chart?.url).toBe('https://charts.example/chart?c=rag');
  });

  it('reads as one list: intro with the counts, the chart, then the sections in order', () => {
    const reply = summaryReply(summary);
    if (reply.kind !== 'list') throw new Error('not a list');

    expect(reply.title).toBe('Weekly summary: Safer Stockton Partnership, week to Monday 2 May 2016');
    expect(reply.intro).toBe(
      '5 returns for 5 measures came in since Monday 25 April 2016. 3 returns still outstanding, 3 overdue. ' +
        '2 new or changed exceptions. RAG now: 5 red, 1 amber, 3 green, 9 with no RAG.',
    );
    expect(reply.image).toEqual(summary.chart);
    expect(reply.sections.map((x) => x.heading)).toEqual([
      'Received since Monday 25 April 2016',
      'New or changed exceptions',
      'No longer red or amber',
      'Completeness by agency, 2015/16 Q4',
      'Waiting for Joanne Lister',
      'Waiting for Martin Kell',
      'Figures not yet approved',
    ]);
    const detail = reply.sections[1]?.items[0]?.detail ?? '';
    expect(detail.split('\n')[0]).toBe('New: green a week ago · Significant concern');
    expect(detail).toContain('Comment: Corrected: the Q4 extract had missed the March incidents.');
    expect(reply.sections[1]?.items[1]?.detail?.split('\n')[0]).toBe(
      'New: green in 2015/16 Q3 · Some concerns',
    );
  });
});
