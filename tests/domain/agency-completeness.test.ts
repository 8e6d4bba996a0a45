// Completeness by agency, from the example plan's 2015/16 returns: which agencies, how many of their
// returns are in on a given day, and what each owner still owes, with the day given, not read.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  agencyLine,
  completenessByAgency,
  NO_AGENCY,
  outstandingText,
  ownerLine,
  quarterObligations,
} from '../../src/domain/agency-completeness.js';
import type { IsoDate } from '../../src/domain/iso-date.js';
import { partnershipCalendar } from '../../src/domain/partnership-calendar.js';
import { financialCalendar, type Period } from '../../src/domain/period.js';
import { PlanSchema, type Person } from '../../src/domain/plan-schema.js';
import type { CalendarFact } from '../../src/domain/reporting-calendar.js';

const plan = PlanSchema.parse(
  parse(readFileSync(new URL('../../examples/stockton-2015-16.yaml', import.meta.url), 'utf8')),
);
const cal = financialCalendar(4);
const quarter = (text: string): Period => {
  const parsed = cal.parse(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

/** The example's returns as the calendar reads them; `approved` lists `ref|period` signed off. */
const facts = (approved: string[] = []): CalendarFact[] =>
  plan.returns.map((r) => ({
    ref: r.ref,
    period: r.period,
    received: r.notAvailable === undefined,
    notAvailable: r.notAvailable ? { reason: r.notAvailable, expected: r.expected ?? null } : null,
    approved: approved.includes(`${r.ref}|${r.period}`),
  }));

interface Case {
  today: IsoDate;
  quarter: string;
  approved?: string[];
  boardDates?: Record<string, IsoDate>;
  people?: Person[];
}

function completeness(c: Case) {
  const settings = {
    ...plan.partnership,
    summary: { ...plan.partnership.summary, boardDates: c.boardDates ?? {} },
  };
  const calendar = partnershipCalendar({
    cal,
    settings,
    measures: plan.measures,
    facts: facts(c.approved),
    periodStates: new Map(),
    today: c.today,
  });
  return completenessByAgency(
    quarterObligations(cal, calendar, plan.measures, quarter(c.quarter)),
    c.people ?? plan.people,
  );
}

const lines = (c: Case) => completeness(c).map(agencyLine);

describe('completeness by agency', () => {
  it.each<[string, Case, string[]]>([
    [
      'on 2 May 2016, 2015/16 Q4: least complete first, the most overdue first among equals',
      { today: '2016-05-02', quarter: '2015/16 Q4' },
      [
        'Durham Tees Valley CRC 0 of 4 received (1 overdue, 3 awaiting data)',
        'SBC Public Health 0 of 2 received (2 awaiting data)',
        'SBC Community Safety 3 of 4 received (1 overdue)',
        'Cleveland Police 6 of 6 received',
        'Harbour 2 of 2 received',
      ],
    ],
    [
      'on 8 April 2016, before the Q4 returns are due: nothing is overdue yet',
      { today: '2016-04-08', quarter: '2015/16 Q4' },
      [
        'SBC Public Health 0 of 2 received (2 awaiting data)',
        'Durham Tees Valley CRC 0 of 4 received (3 awaiting data)',
        'SBC Community Safety 3 of 4 received',
        'Cleveland Police 6 of 6 received',
        'Harbour 2 of 2 received',
      ],
    ],
    [
      'on 20 January 2016, 2015/16 Q3: 5.2 late from Durham Tees Valley CRC',
      { today: '2016-01-20', quarter: '2015/16 Q3' },
      [
        'SBC Public Health 1 of 2 received (1 awaiting data)',
        'Durham Tees Valley CRC 3 of 4 received (1 overdue)',
        'Cleveland Police 6 of 6 received',
        'SBC Community Safety 4 of 4 received',
        'Harbour 2 of 2 received',
      ],
    ],
    [
      'approved returns counted among those received',
      {
        today: '2016-05-02',
        quarter: '2015/16 Q4',
        approved: ['1.3|2015/16 Q4', '2.2|2015/16 Q4', '6.2|2015/16 Q4'],
      },
      [
        'Durham Tees Valley CRC 0 of 4 received (1 overdue, 3 awaiting data)',
        'SBC Public Health 0 of 2 received (2 awaiting data)',
        'SBC Community Safety 3 of 4 received (1 overdue)',
        'Cleveland Police 6 of 6 received (2 approved)',
        'Harbour 2 of 2 received (1 approved)',
      ],
    ],
    [
      'a quarter closed by its board date: counted as it stood when it closed',
      { today: '2016-05-02', quarter: '2015/16 Q3', boardDates: { '2015/16 Q3': '2016-02-10' } },
      [
        'SBC Public Health 1 of 2 received (1 awaiting data)',
        'Durham Tees Valley CRC 3 of 4 received (1 overdue)',
        'Cleveland Police 6 of 6 received',
        'SBC Community Safety 4 of 4 received',
        'Harbour 2 of 2 received',
      ],
    ],
  ])('%s', (_name, c, expected) => {
    expect(lines(c)).toEqual(expected);
  });

  it('lists each owner under their agency with what is missing, earliest due first', () => {
    const crc = completeness({ today: '2016-05-02', quarter: '2015/16 Q4' })[0];

    expect(crc?.owners.map(ownerLine)).toEqual(['Martin Kell 0 of 4 received (1 overdue, 3 awaiting data)']);
    expect(crc?.owners[0]?.outstanding.map((o) => outstandingText(cal, o))).toEqual([
      '3.1 2015/16 Q4: awaiting data: Yearend data not yet available.',
      '3.2 2015/16 Q4: awaiting data: Yearend data not yet available.',
      '5.1 2015/16 Q4: awaiting data: Year end data not yet available.',
      '5.2 2015/16 Q4: overdue since 2016-04-14',
    ]);
  });

  it('says a missing return of a closed quarter was overdue, and an excused one why, not "closed"', () => {
    const closed = completeness({
      today: '2016-05-02',
      quarter: '2015/16 Q3',
      boardDates: { '2015/16 Q3': '2016-02-10' },
    });
    const martin = closed.find((a) => a.agency === 'Durham Tees Valley CRC')?.owners[0];

    expect(martin?.outstanding.map((o) => [o.state, outstandingText(cal, o)])).toEqual([
      ['closed', '5.2 2015/16 Q3: overdue since 2016-01-15'],
    ]);
    const ruth = closed.find((a) => a.agency === 'SBC Public Health')?.owners[0];
    expect(ruth?.outstanding.map((o) => [o.state, outstandingText(cal, o)])).toEqual([
      ['closed', '6.1 2015/16 Q3: awaiting data: Q3 data is not yet available.'],
    ]);
  });

  it(`counts owners the plan gives no agency under "${NO_AGENCY}"`, () => {
    const people = plan.people.map(({ agency, ...p }) =>
      agency === 'Harbour' || agency === 'SBC Public Health' ? p : { ...p, agency },
    );

    expect(lines({ today: '2016-05-02', quarter: '2015/16 Q4', people })).toEqual([
      'Durham Tees Valley CRC 0 of 4 received (1 overdue, 3 awaiting data)',
      `${NO_AGENCY} 2 of 4 received (2 awaiting data)`,
      'SBC Community Safety 3 of 4 received (1 overdue)',
      'Cleveland Police 6 of 6 received',
    ]);
  });
});
