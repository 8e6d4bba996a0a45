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
