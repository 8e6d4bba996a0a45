// A small, readable plan for import tests, and the edits that turn it into a bad one.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A valid plan: two themes, two people, four quarterly measures (a count, a percentage, a two-part
 * count and a ratio), one return each for 2015/16 Q1 and one override.
 */
export function minimalPlanYaml(): string {
  return `partnership:
  id: testshire
  name: Testshire Community Safety Partnership
  currentYear: '2015/16'

people:
  - id: ana-owner
    name: Ana Owner
  - id: cole-coordinator
    name: Cole Coordinator
    role: coordinator

themes:
  - id: violence
    name: Violent crime
  - id: asb
    name: Anti-social behaviour

measures:
  - ref: '1.1'
    title: Reduce violence without injury
    theme: violence
    owner: ana-owner
    unit: count
    polarity: lower
    baseline: { value: 400, label: 2014/15 - 400 offences }
    target: { changePct: 0 }
  - ref: '1.2'
    title: Keep client satisfaction at 90%
    theme: asb
    owner: ana-owner
    unit: percent
    polarity: higher
    target: { annual: 90 }
  - ref: '1.3'
    title: Monitor repeat callers
    theme: asb
    owner: ana-owner
    polarity: monitor
    components:
      - key: hotline
        label: Repeat callers to the hotline
      - key: police
        label: Repeat callers to the police
  - ref: '1.4'
    title: Increase successful completions
    theme: violence
    owner: ana-owner
    unit: percent
    polarity: higher
    aggregation: ratio

returns:
  - ref: '1.1'
    period: 2015/16 Q1
    value: 98
    narrative: 98 offences in the quarter
    submittedBy: ana-owner
  - ref: '1.2'
    period: 2015/16 Q1
    value: 92
  - ref: '1.3'
    period: 2015/16 Q1
    values: { hotline: 12, police: 7 }
  - ref: '1.4'
    period: 2015/16 Q1
    value: { numerator: 81, denominator: 165 }

overrides:
  - ref: '1.1'
    period: 2015/16 Q1
    rag: amber
    reason: A seasonal peak the police expected
    by: cole-coordinator
`;
}

/** The minimal plan with Slack member ids for its two people (U0ANA, U0COLE). */
export function minimalPlanWithSlackIds(): string {
  return minimalPlanYaml()
    .replace('    name: Ana Owner\n', '    name: Ana Owner\n    slackId: U0ANA\n')
    .replace('    name: Cole Coordinator\n', '    name: Cole Coordinator\n    slackId: U0COLE\n');
}

/** `text` with `from` replaced by `to`; `from` must occur exactly once, so an edit never misses. */
export function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) {
    throw new Error(`"${from}" must occur exactly once in the plan to edit it`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** The 1-based line on which `needle` first occurs (searching from the line of `after`, if given). */
export function lineOf(text: string, needle: string, after?: string): number {
  const lines = text.split('\n');
  const from = after === undefined ? 0 : lines.findIndex((l) => l.includes(after));
  const at = lines.findIndex((l, i) => i >= from && l.includes(needle));
  if (from < 0 || at < 0) throw new Error(`"${needle}" is not in the text`);
  return at + 1;
}

/** Writes `text` to `name` in `dir` and returns its path. */
export async function writePlan(dir: string, name: string, text: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

/** 5.2's monthly repeat victims, April 2011 to December 2012, made up to give seed 003's rolling totals. */
export const REPEAT_VICTIMS_MONTHLY: [string, number][] = [
  ...[3, 3, 3, 3, 3, 3, 3, 3, 3].map((v, i): [string, number] => [
    `2011-${String(i + 4).padStart(2, '0')}`,
    v,
  ]),
  ['2012-01', 2],
  ['2012-02', 3],
  ['2012-03', 2],
  ...[2, 3, 2, 1, 1, 1, 2, 2, 1].map((v, i): [string, number] => [
    `2012-${String(i + 4).padStart(2, '0')}`,
    v,
  ]),
];

/**
 * A plan with the measure kinds beyond counts and percentages, from the seeds: the partnership's own
 * RAG words (Plymouth's), a rank numbered without a dot ("5": seed 004's iQuanta comparison, "ranked
 * 5th best out of 15"; last year 7th of 14, made up) and a rolling 12 months from monthly returns (5.2:
 * seed 003's repeat victims of criminal damage, 32, 26 and 22 in the 12 months to Q1, Q2 and Q3 of
 * 2012/13 against a baseline of 34).
 */
export function measureKindsPlanYaml(): string {
  const months = REPEAT_VICTIMS_MONTHLY.map(
    ([period, value]) => `  - { ref: '5.2', period: '${period}', value: ${value} }`,
  ).join('\n');
  return `partnership:
  id: testshire
  name: Testshire Community Safety Partnership
  ragWords: { green: generally satisfied, amber: some concerns, red: area of significant concern }

people:
  - id: ana-owner
    name: Ana Owner
  - id: cole-coordinator
    name: Cole Coordinator
    role: coordinator

themes:
  - id: csp
    name: Community safety and protection

measures:
  - ref: 5
    title: Comparison of crime against other partnerships using iQuanta
    theme: csp
    source: SBC Community Safety & Strategy Team
    owner: ana-owner
    unit: rank
    groupSize: 15
    polarity: lower
    target: { annual: 7 }
  - ref: '5.2'
    title: Reduce the number of repeat victims of criminal damage
    theme: csp
    owner: ana-owner
    frequency: monthly
    aggregation: rolling12
    baseline: { value: 34, label: '2011/12: 34 individuals victim on three or more occasions' }
    target: { changePct: 0 }

returns:
  - { ref: '5', period: 2016/17 Q1, value: { position: 7, groupSize: 14 } }
  - { ref: '5', period: 2017/18 Q1, value: 5, narrative: Performing above average }
${months}
`;
}
