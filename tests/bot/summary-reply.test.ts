// A summary drawn as a list: the returns received (each year said once, at most twelve measures), how a
// new or changed exception changed, and an empty week said as such.
import { describe, expect, it } from 'vitest';
import { summaryReply } from '../../src/bot/summary-reply.js';
import type { Summary, SummaryReturn } from '../../src/domain/summary-payload.js';

const received = (ref: string, over: Partial<SummaryReturn> = {}): SummaryReturn => ({
  ref,
  title: `Measure ${ref}`,
  periods: ['2015/16 Q4'],
  by: 'Joanne Lister',
  on: '2016-04-27',
  revised: false,
  notAvailable: false,
  rag: 'green',
  ...over,
});

const week = (over: Partial<Summary> = {}): Summary => ({
  scope: 'week',
  partnership: 'Testshire CSP',
  label: '2016-W18',
  from: '2016-04-25',
  to: '2016-05-02',
  received: [],
  returnsIn: null,
  outstanding: [],
  exceptions: [],
  cleared: [],
  distribution: { red: 0, amber: 0, green: 2, none: 1 },
  chart: null,
  ...over,
});

const list = (s: Summary) => {
  const reply = summaryReply(s);
  if (reply.kind !== 'list') throw new Error('not a list');
  return reply;
};

describe('a summary as a list', () => {
  it('names each year once in the periods received, and says which were revised or not available', () => {
    const items = list(
      week({
        received: [
          received('1.1', { periods: ['2014/15 Q4', '2015/16 Q1', '2015/16 Q2'], revised: true }),
          received('3.3', { notAvailable: true, by: null }),
        ],
      }),
    ).sections[0]?.items;

    expect(items?.map((i) => [i.text, i.detail, i.rag])).toEqual([
      [
        '1.1 Measure 1.1 — 2014/15 Q4; 2015/16 Q1 and Q2',
        'revised · Joanne Lister · Wednesday 27 April 2016',
        'green',
      ],
      ['3.3 Measure 3.3 — 2015/16 Q4', 'not available yet · Wednesday 27 April 2016', null],
    ]);
  });

  it('shows twelve measures received and says how many more', () => {
    const many = Array.from({ length: 15 }, (_, i) => received(`1.${i + 1}`));
    const items = list(week({ received: many })).sections[0]?.items ?? [];

    expect(items).toHaveLength(13);
    expect(items.at(-1)?.text).toBe('… and 3 more measures');
  });

  it('says how an exception changed: worse, better, or new', () => {
    const exception = {
      title: 'Measure',
      theme: 'Violence',
      period: '2015/16 Q4',
      label: 'Significant concern',
      figures: 'YTD 10',
      trend: null,
      narrative: null,
      correctiveAction: null,
      override: null,
    };
    const items = list(
      week({
        exceptions: [
          { ...exception, ref: '1.1', rag: 'red', was: { rag: 'amber', period: '2015/16 Q4' } },
          { ...exception, ref: '1.2', rag: 'amber', was: { rag: 'red', period: '2015/16 Q3' } },
          { ...exception, ref: '1.3', rag: 'red', was: { rag: 'none', period: '2015/16 Q3' } },
        ],
      }),
    ).sections[0]?.items;

    expect(items?.map((i) => i.detail?.split('\n')[0])).toEqual([
      'Worse: amber a week ago · Significant concern',
      'Better: red in 2015/16 Q3 · Significant concern',
      'New · Significant concern',
    ]);
  });

  it('says a quiet week is quiet', () => {
    expect(list(week()).intro).toBe(
      'No returns came in since Monday 25 April 2016. Every return due is in. No new or changed exceptions. ' +
        'RAG now: 0 red, 0 amber, 2 green, 1 with no RAG.',
    );
    expect(list(week()).sections).toEqual([]);
  });
});
