// The day someone means by "tomorrow", "Monday", "next week" or "24 May", counted from today: for
// snoozes ("remind me on Monday") and "not available until 24 May".
import { addDays, dayOfWeek, isoDate, parseIsoDate, type IsoDate } from '../iso-date.js';
import type { Parsed } from '../period.js';
import { MONTH_NAMES, nextWorkingDay, WEEKDAYS, workingDayFrom } from './reminder-time.js';

const HELP = 'say "tomorrow", a weekday ("Monday"), "next week" or a date ("24 May")';

const DAY_MONTH = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,})\.?(?:\s+(\d{4}))?$/;
const MONTH_DAY = /^([a-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/;

interface DayMonth {
  day: number;
  month: number;
  year: number | null;
}

function monthOf(word: string): number {
  return MONTH_NAMES.findIndex((m) => m.startsWith(word)) + 1;
}

function dayMonthOf(text: string): DayMonth | null {
  const year = (y: string | undefined) => (y ? Number(y) : null);
  let m = DAY_MONTH.exec(text);
  if (m) return { day: Number(m[1]), month: monthOf(m[2] ?? ''), year: year(m[3]) };
  m = MONTH_DAY.exec(text);
  if (m) return { day: Number(m[2]), month: monthOf(m[1] ?? ''), year: year(m[3]) };
  m = SLASHED.exec(text);
  if (m) return { day: Number(m[1]), month: Number(m[2]), year: year(m[3]) };
  return null;
}

/** A calendar date; without a year, the next one on or after today. */
function calendarDate(text: string, today: IsoDate): IsoDate | null {
  const iso = parseIsoDate(text);
  if (iso) return iso;
  const dm = dayMonthOf(text);
  if (!dm || dm.month < 1 || dm.month > 12) return null;
  const thisYear = Number(today.slice(0, 4));
  try {
    if (dm.year !== null) return isoDate(dm.year, dm.month, dm.day);
    const date = isoDate(thisYear, dm.month, dm.day);
    return date >= today ? date : isoDate(thisYear + 1, dm.month, dm.day);
  } catch {
    return null;
  }
}

/** "monday", "next mon": the next such day after today. */
function weekdayDate(text: string, today: IsoDate): IsoDate | null {
  const word = text.replace(/^next\s+/, '');
  const weekday = word.length >= 3 ? WEEKDAYS.findIndex((d) => d.startsWith(word)) : -1;
  if (weekday < 0) return null;
  return addDays(today, ((weekday - dayOfWeek(today) + 6) % 7) + 1);
}

function dayMeant(text: string, today: IsoDate): IsoDate | null {
  if (text === 'tomorrow') return nextWorkingDay(today);
  if (text === 'next week') return workingDayFrom(addDays(today, 8 - (dayOfWeek(today) || 7)));
  const weekday = weekdayDate(text, today);
  return weekday ? workingDayFrom(weekday) : calendarDate(text, today);
}

/** The day meant, strictly after today; a weekday that is a bank holiday moves on to the next working day. */
export function resolveDay(said: string, today: IsoDate): Parsed<IsoDate> {
  const text = said
    .trim()
    .toLowerCase()
    .replace(/^(on|until|till|til|by|from)\s+/, '')
    .replace(/^(the|this)\s+/, '')
    .replace(/\s+/g, ' ');
  const date = dayMeant(text, today);
  if (date === null) return { ok: false, error: `"${said.trim()}" is not a day I understand: ${HELP}.` };
  if (date <= today) return { ok: false, error: `${date} is not after today (${today}): ${HELP}.` };
  return { ok: true, value: date };
}
