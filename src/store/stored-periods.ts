// Periods as the Return table stores them (canonical text, "2015/16 Q3"), read back into periods.
import type { FinancialCalendar, Period } from '../domain/period.js';

/** Stored period texts parsed, by the year's start month: a bound, though stored texts are canonical and few. */
const PARSED_PERIODS = new Map<number, Map<string, Period>>();
const PARSED_PERIODS_MAX = 20_000;

/**
 * Reads stored periods, each distinct text parsed once per process: every read of a history repeats the
 * same few dozen periods, and the parser is the one chat uses. Each record gets its own object.
 */
export function storedPeriods(cal: FinancialCalendar): (text: string) => Period {
  let parsed = PARSED_PERIODS.get(cal.yearStartMonth);
  if (!parsed || parsed.size > PARSED_PERIODS_MAX) {
    parsed = new Map();
    PARSED_PERIODS.set(cal.yearStartMonth, parsed);
  }
  const known = parsed;
  return (text) => {
    let period = known.get(text);
    if (!period) {
      const p = cal.parse(text);
      if (!p.ok) throw new Error(`stored period "${text}" does not parse: ${p.error}`);
      period = p.value;
      known.set(text, period);
    }
    return { ...period };
  };
}
