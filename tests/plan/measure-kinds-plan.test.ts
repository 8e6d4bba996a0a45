// The plan file's rank, rolling-12-month and RAG-word settings: what a good plan stores, and every
// bad use refused with the line, the field and what to do instead.
import { describe, expect, it } from 'vitest';
import { MEASURE_COLUMNS, OPTIONAL_MEASURE_COLUMNS, readPlanCsv } from '../../src/plan/read-plan-csv.js';
import { readPlanYaml } from '../../src/plan/read-plan-yaml.js';
import { edit, lineOf, measureKindsPlanYaml } from '../helpers/plan-text.js';

const FILE = 'plan.yaml';
const good = measureKindsPlanYaml();

function errorsOf(text: string): string[] {
  const read = readPlanYaml(FILE, text);
  if (read.ok) throw new Error('expected the plan to be refused, but it was read');
  return read.errors;
}

describe('a plan with a rank, a rolling 12 months and its own RAG words', () => {
  const read = readPlanYaml(FILE, good);
  if (!read.ok) throw new Error(read.errors.join('\n'));

  it('reads the dotless reference 5 (unquoted in YAML) as "5"', () => {
    expect(read.plan.measures.map((m) => m.ref)).toEqual(['5', '5.2']);
    expect(read.plan.measures[0]).toMatchObject({ unit: 'rank', groupSize: 15, aggregation: 'latest' });
    expect(read.plan.measures[1]).toMatchObject({ frequency: 'monthly', aggregation: 'rolling12' });
  });

  it('stores a bare position in the plan’s group, and a position given with its own group as it is', () => {
    const ranks = read.checked.returns.filter((r) => r.ref === '5').map((r) => r.figures);
    expect(ranks).toEqual([
      { value: { position: 7, groupSize: 14 } },
      { value: { position: 5, groupSize: 15 } },
    ]);
  });

  it('keeps the RAG words', () => {
    expect(read.plan.partnership.ragWords).toEqual({
      green: 'generally satisfied',
      amber: 'some concerns',
      red: 'area of significant concern',
    });
  });
});

describe('bad uses are refused, naming the line and field', () => {
  const line = (needle: string, after?: string) => lineOf(good, needle, after);

  it.each<[string, [string, string], string]>([
    [
      'a rank without a group size',
      ['    groupSize: 15\n', ''],
      `${FILE}:${line('  - ref: 5')}: measures[0].groupSize: 5 is a rank: add groupSize, the number in its comparison group (e.g. groupSize: 15 for an iQuanta most similar group)`,
    ],
    [
      'a group size on a count',
      ['    aggregation: rolling12\n', '    aggregation: rolling12\n    groupSize: 15\n'],
      `${FILE}:${line('aggregation: rolling12') + 1}: measures[1].groupSize: groupSize is for unit: rank only (5.2 is a count): remove it`,
    ],
    [
      'a rank added up',
      ['    groupSize: 15\n', '    groupSize: 15\n    aggregation: sum\n'],
      `${FILE}:${line('groupSize: 15') + 1}: measures[0].aggregation: a rank is not added up: use aggregation: latest (the default for ranks)`,
    ],
    [
      'a rolling 12 months on a quarterly measure',
      ['    frequency: monthly\n', '    frequency: quarterly\n'],
      `${FILE}:${line('aggregation: rolling12')}: measures[1].aggregation: rolling12 adds up the 12 monthly returns ending with each period, but 5.2 is reported quarterly: set frequency: monthly, or use aggregation: latest for a figure already over 12 months`,
    ],
    [
      'a rolling 12 months of percentages',
      ['    aggregation: rolling12\n', '    aggregation: rolling12\n    unit: percent\n'],
      `${FILE}:${line('aggregation: rolling12')}: measures[1].aggregation: rolling12 adds up counts, but 5.2 is a percent: use unit: count`,
    ],
    [
      'RAG words for a colour that is not one',
      ['amber: some concerns,', 'ambre: some concerns,'],
      `${FILE}:4: partnership.ragWords.ambre: "ambre" is not a RAG: give the words for green, amber and red, e.g. amber: some concerns`,
    ],
    [
      'the same words for two colours',
      ['red: area of significant concern', 'red: Some Concerns'],
      `${FILE}:4: partnership.ragWords.red: amber and red would both read "Some Concerns": the board could not tell them apart`,
    ],
    [
      'empty RAG words',
      ['red: area of significant concern', "red: ' '"],
      `${FILE}:4: partnership.ragWords.red: give the words, or leave the colour out`,
    ],
    [
      'a position outside the group',
      ['value: 5, narrative', 'value: 16, narrative'],
      `${FILE}:${line('2017/18 Q1')}: returns[1].value: 16th of 15 is not a position: the group has 15 members`,
    ],
    [
      'a position of 0',
      ['value: { position: 7, groupSize: 14 }', 'value: { position: 0, groupSize: 14 }'],
      `${FILE}:${line('2016/17 Q1')}: returns[0].value: 0 is not a position: use a whole number from 1 (best) to 14`,
    ],
    [
      'a group of one',
      ['value: { position: 7, groupSize: 14 }', 'value: { position: 1, groupSize: 1 }'],
      `${FILE}:${line('2016/17 Q1')}: returns[0].value: 1 is not a group size: use the number of members in the comparison group, e.g. 15`,
    ],
    [
      'a rolling measure’s return for a quarter',
      ["period: '2012-12'", "period: '2012/13 Q3'"],
      `${FILE}:${line("'2012-12'")}: returns[22].period: 5.2 is reported monthly: give a period like 2012-10`,
    ],
  ])('%s', (_what, change, message) => {
    // The first error is the setting's (a quarterly 5.2 then refuses its monthly returns as well).
    expect(errorsOf(edit(good, ...change))[0]).toBe(message);
  });
});

describe('a measures CSV gives a rank its group size in the group_size column', () => {
  const base = readPlanYaml(FILE, good);
  if (!base.ok) throw new Error(base.errors.join('\n'));
  const csv = (groupSize: string) =>
    [
      [...MEASURE_COLUMNS, ...OPTIONAL_MEASURE_COLUMNS].join(','),
      `6,Rank among similar partnerships,csp,,ana-owner,quarterly,rank,lower,,,,7,,,${groupSize}`,
    ].join('\n');

  it('reads it', () => {
    const read = readPlanCsv('measures.csv', csv('15'), base.plan);
    if (!read.ok) throw new Error(read.errors.join('\n'));
    expect(read.plan.measures.find((m) => m.ref === '6')).toMatchObject({ unit: 'rank', groupSize: 15 });
  });

  it('refuses a rank without one, at its line', () => {
    const read = readPlanCsv('measures.csv', csv(''), base.plan);
    expect(read.ok ? [] : read.errors).toEqual([
      'measures.csv:2: groupSize: 6 is a rank: add groupSize, the number in its comparison group (e.g. groupSize: 15 for an iQuanta most similar group)',
    ]);
  });
});
