// Reads a period the way people type it in chat ("Q2 15/16", "Jul-Sep 2015", "April 2015") and
// says what is wrong, with an example, when it cannot.

import type { FinancialCalendar, Parsed, Period } from './period-types.js';

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const YEAR = '(?:fy|financial year|year)?\\s*(\\d{4}|\\d{2})(?:\\s*[/-]\\s*(\\d{4}|\\d{2}))?';
const QUARTER = '(?:q|quarter)\\s*(\\d+)';
const EXAMPLE_YEAR = 2015;

const ISO_MONTH = /^(\d{4})-(\d{1,2})$/;
const SLASH_MONTH = /^(\d{1,2})\/(\d{4})$/;
const NAMED_MONTH = new RegExp(`^${MONTH}(?:\\s*,?\\s*(\\d{4}))?$`);
const MONTH_RANGE = new RegExp(`^${MONTH}(?:\\s*(\\d{4}))?\\s*(?:-|to)\\s*${MONTH}(?:\\s*(\\d{4}))?$`);
const QUARTER_OF_YEAR = new RegExp(`^${QUARTER}\\s*,?\\s*(?:of\\s+)?${YEAR}$`);
const YEAR_QUARTER = new RegExp(`^${YEAR}\\s*[,-]?\\s*${QUARTER}$`);
const BARE_QUARTER = new RegExp(`^${QUARTER}$`);
const BARE_YEAR = new RegExp(`^${YEAR}$`);

interface Context {
  cal: FinancialCalendar;
  text: string;
  defaultYear: number | undefined;
}

type Form = (match: RegExpExecArray, ctx: Context) => Parsed<Period> | undefined;

// Tried in order; a form returning undefined passes the text on to the next one.
const FORMS: [RegExp, Form][] = [
  [ISO_MONTH, ([, y, m], ctx) => isoMonth(ctx, Number(y), Number(m))],
  [SLASH_MONTH, ([, m, y], ctx) => month(ctx, Number(y), Number(m))],
  [NAMED_MONTH, ([, name, y], ctx) => namedMonth(ctx, monthNumber(name), y)],
  [MONTH_RANGE, ([, m1, y1, m2, y2], ctx) => monthRange(ctx, [monthNumber(m1), y1], [monthNumber(m2), y2])],
  [QUARTER_OF_YEAR, ([, q, a, b], ctx) => quarter(ctx, Number(q), a, b)],
  [YEAR_QUARTER, ([, a, b, q], ctx) => quarter(ctx, Number(q), a, b)],
  [BARE_QUARTER, ([, q], ctx) => quarter(ctx, Number(q))],
  [BARE_YEAR, ([, a, b], ctx) => year(ctx, a ?? '', b)],
];

export function parsePeriod(cal: FinancialCalendar, text: string, defaultYear?: number): Parsed<Period> {
  const ctx: Context = { cal, text: text.trim(), defaultYear };
  const normalised = normalise(text);
  for (const [pattern, form] of FORMS) {
    const match = pattern.exec(normalised);
    const result = match && form(match, ctx);
    if (result) return result;
  }
  const example = (p: Period): string => cal.format(p);
  return fail(
    ctx,
    `use a year like ${example({ kind: 'year', year: EXAMPLE_YEAR })}, ` +
      `a quarter like ${example({ kind: 'quarter', year: EXAMPLE_YEAR, quarter: 2 })} ` +
      `or a month like ${EXAMPLE_YEAR}-07`,
  );
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/[\s?.!]+$/, '')
    .trim();
}

function ok(value: Period): Parsed<Period> {
  return { ok: true, value };
}

function fail(ctx: Context, detail: string): Parsed<Period> {
  return { ok: false, error: `"${ctx.text}" is not a period: ${detail}` };
}

function monthNumber(name: string | undefined): number {
  return MONTH_NAMES.findIndex((m) => name?.startsWith(m.toLowerCase())) + 1;
}

function isoMonth(ctx: Context, y: number, m: number): Parsed<Period> | undefined {
  // '2015-16' is a financial year, '2015-12' a month; leave the former to the year form.
  if (m > 12 && ctx.cal.yearStartMonth !== 1) return undefined;
  return month(ctx, y, m);
}

function month(ctx: Context, y: number, m: number): Parsed<Period> {
  if (m < 1 || m > 12) return fail(ctx, `months are 01 to 12, e.g. ${EXAMPLE_YEAR}-07`);
  return ok({ kind: 'month', year: y, month: m });
}

function namedMonth(ctx: Context, m: number, y: string | undefined): Parsed<Period> {
  if (y !== undefined) return month(ctx, Number(y), m);
  if (ctx.defaultYear === undefined) {
    return fail(ctx, `say which year, e.g. ${MONTH_NAMES[m - 1]} ${EXAMPLE_YEAR}`);
  }
  const calendarYear = m >= ctx.cal.yearStartMonth ? ctx.defaultYear : ctx.defaultYear + 1;
  return month(ctx, calendarYear, m);
}

type MonthAndYear = [month: number, year: string | undefined];

function monthRange(ctx: Context, [m1, y1]: MonthAndYear, [m2, y2]: MonthAndYear): Parsed<Period> {
  const startMonth = ctx.cal.yearStartMonth;
  const fromYearStart = (m1 - startMonth + 12) % 12;
  const crossesYear = m2 < m1;
  const isQuarter =
    fromYearStart % 3 === 0 &&
    m2 === ((m1 + 1) % 12) + 1 &&
    (y1 === undefined || y2 === undefined || Number(y2) === Number(y1) + (crossesYear ? 1 : 0));
  const example = `${quarterRange(startMonth, 2)} ${EXAMPLE_YEAR}`;
  if (!isQuarter) {
    const ranges = [1, 2, 3, 4].map((q) => quarterRange(startMonth, q));
    return fail(ctx, `the quarters are ${ranges.slice(0, 3).join(', ')} and ${ranges[3]}, e.g. ${example}`);
  }
  const quarter = (fromYearStart / 3 + 1) as 1 | 2 | 3 | 4;
  if (y1 === undefined && y2 === undefined) {
    if (ctx.defaultYear === undefined) return fail(ctx, `say which year, e.g. ${example}`);
    return ok({ kind: 'quarter', year: ctx.defaultYear, quarter });
  }
  // A single year is read as the year of the last month: 'Dec-Feb 2016' is Dec 2015 to Feb 2016.
  const firstMonthYear = y1 !== undefined ? Number(y1) : Number(y2) - (crossesYear ? 1 : 0);
  const financialYear = m1 >= startMonth ? firstMonthYear : firstMonthYear - 1;
  return ok({ kind: 'quarter', year: financialYear, quarter });
}

function quarterRange(startMonth: number, q: number): string {
  const first = (startMonth - 1 + 3 * (q - 1)) % 12;
  return `${MONTH_NAMES[first]}-${MONTH_NAMES[(first + 2) % 12]}`;
}

function quarter(ctx: Context, q: number, a?: string, b?: string): Parsed<Period> {
  const reading = a === undefined ? undefined : readYear(ctx.cal.yearStartMonth, a, b);
  const exampleYear = reading?.year ?? EXAMPLE_YEAR;
  const example = (n: 1 | 2 | 3 | 4): string =>
    ctx.cal.format({ kind: 'quarter', year: exampleYear, quarter: n });
  if (reading?.problem) return fail(ctx, `${reading.problem}, e.g. ${example(isQuarter(q) ? q : 2)}`);
  if (!isQuarter(q)) return fail(ctx, `quarters are Q1 to Q4, e.g. ${example(2)}`);
  const financialYear = reading?.year ?? ctx.defaultYear;
  if (financialYear === undefined) return fail(ctx, `say which year, e.g. ${example(q)}`);
  return ok({ kind: 'quarter', year: financialYear, quarter: q });
}

function isQuarter(q: number): q is 1 | 2 | 3 | 4 {
  return q >= 1 && q <= 4;
}

function year(ctx: Context, a: string, b: string | undefined): Parsed<Period> {
  const reading = readYear(ctx.cal.yearStartMonth, a, b);
  if (reading.problem) {
    return fail(ctx, `${reading.problem}, e.g. ${ctx.cal.format({ kind: 'year', year: reading.year })}`);
  }
  return ok({ kind: 'year', year: reading.year });
}

/** The start year written as 'a' or 'a/b', and what is wrong with it if anything. */
function readYear(startMonth: number, a: string, b: string | undefined): { year: number; problem?: string } {
  const first = a.length === 2 ? 2000 + Number(a) : Number(a);
  if (startMonth === 1) {
    if (b !== undefined) return { year: first, problem: 'years run from January to December' };
    return a.length === 2 ? { year: first, problem: 'write the year in full' } : { year: first };
  }
  if (b === undefined) return { year: first, problem: 'a financial year spans two calendar years' };
  const consecutive = b.length === 2 ? Number(b) === (first + 1) % 100 : Number(b) === first + 1;
  return consecutive
    ? { year: first }
    : { year: first, problem: 'a financial year is two consecutive years' };
}
