// Finding a measure by its reference, the status rules that apply to it, and whether a return reports.
import type { Measure } from '../domain/measure.js';
import type { Parsed } from '../domain/period.js';
import { ragWordsOf } from '../domain/rag.js';
import { targetYearOf } from '../domain/year-targets.js';
import type { StatusRules } from '../domain/status.js';
import type { ReturnRecord } from '../domain/return-record.js';
import type { Partnership } from '../domain/partnership.js';

export function rulesFor(p: Partnership, m: Measure): StatusRules {
  return {
    tolerancePct: m.rag.tolerancePct ?? p.settings.tolerancePct,
    redOnlyIfWorseThanLastYear: m.rag.redOnlyIfWorseThanLastYear ?? p.settings.redOnlyIfWorseThanLastYear,
    judgeAgainst: m.rag.judgeAgainst ?? p.settings.judgeAgainst,
    ragWords: ragWordsOf(p.settings.ragWords),
    targetYear: targetYearOf(p.settings),
  };
}

export function findMeasure(p: Partnership, ref: string): Parsed<Measure> {
  const clean = ref.trim().replace(/[?.!]+$/, '');
  const m = p.measures.find((x) => x.ref.toLowerCase() === clean.toLowerCase());
  if (m) return { ok: true, value: m };
  const refs = p.measures.map((x) => x.ref);
  return {
    ok: false,
    error: `There is no measure "${clean}" in ${p.settings.name}: measures are ${refs.slice(0, 12).join(', ')}${refs.length > 12 ? '…' : ''}`,
  };
}

/** Whether a return reports its period: figures, or the reason there are none. */
export const isReported = (r: ReturnRecord): boolean => r.figures !== null || r.notAvailable !== null;
