// The plan's checks on the kinds of measure that need more than a unit: ranks (their comparison group),
// rolling 12 months (monthly counts), and the partnership's own RAG words.
import type { Measure } from './measure.js';
import type { PartnershipSettings } from './plan-schema.js';
import { ragWordsOf } from './rag.js';

export interface KindIssue {
  path: (string | number)[];
  message: string;
}

const RAGS = ['green', 'amber', 'red'] as const;

export function measureKindIssues(settings: PartnershipSettings, measures: Measure[]): KindIssue[] {
  return [...ragWordIssues(settings), ...measures.flatMap((m, i) => measureIssues(m, ['measures', i]))];
}

function measureIssues(m: Measure, at: (string | number)[]): KindIssue[] {
  const issues: KindIssue[] = [];
  const issue = (field: string, message: string) => issues.push({ path: [...at, field], message });
  if (m.unit === 'rank') {
    if (m.groupSize === undefined)
      issue(
        'groupSize',
        `${m.ref} is a rank: add groupSize, the number in its comparison group (e.g. groupSize: 15 for an iQuanta most similar group)`,
      );
    if (m.aggregation !== 'latest')
      issue('aggregation', 'a rank is not added up: use aggregation: latest (the default for ranks)');
  } else if (m.groupSize !== undefined) {
    issue('groupSize', `groupSize is for unit: rank only (${m.ref} is a ${m.unit}): remove it`);
  }
  if (m.aggregation === 'rolling12') {
    if (m.frequency !== 'monthly')
      issue(
        'aggregation',
        `rolling12 adds up the 12 monthly returns ending with each period, but ${m.ref} is reported ${m.frequency}: set frequency: monthly, or use aggregation: latest for a figure already over 12 months`,
      );
    if (m.unit !== 'count')
      issue('aggregation', `rolling12 adds up counts, but ${m.ref} is a ${m.unit}: use unit: count`);
  }
  return issues;
}

function ragWordIssues(settings: PartnershipSettings): KindIssue[] {
  const words = settings.ragWords ?? {};
  const path = (key: string) => ['partnership', 'ragWords', key];
  const unknown = Object.keys(words)
    .filter((k) => !(RAGS as readonly string[]).includes(k))
    .map((k) => ({
      path: path(k),
      message: `"${k}" is not a RAG: give the words for green, amber and red, e.g. amber: some concerns`,
    }));
  // Against the words in use, defaults included: "amber: on target" would read as green.
  const inUse = ragWordsOf(words);
  const same = RAGS.flatMap((rag, i) => {
    const other = RAGS.slice(0, i).find((o) => inUse[o].toLowerCase() === inUse[rag].toLowerCase());
    return other && (words[rag] !== undefined || words[other] !== undefined)
      ? [
          {
            path: path(words[rag] !== undefined ? rag : other),
            message: `${other} and ${rag} would both read "${inUse[rag]}": the board could not tell them apart`,
          },
        ]
      : [];
  });
  return [...unknown, ...same];
}
