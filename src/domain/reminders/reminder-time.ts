// Reminder time: the local date and time of an instant in a partnership's time zone, whether messages
// may go out then (working hours on a working day), and dates written the way people read them.
import { addDays, dayOfWeek, parseIsoDate, type IsoDate } from '../iso-date.js';
import { minutesOf, type ReminderPolicy } from './reminder-policy.js';
import { isWorkingDay } from '../working-days.js';

export interface LocalTime {
  date: IsoDate;
  /** Minutes after local midnight. */
  minutes: number;
  /** "10:00" */
  time: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock date and time of an instant in a time zone (daylight saving included). */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  const time = `${part('hour')}:${part('minute')}`;
  return { date: `${part('year')}-${part('month')}-${part('day')}`, minutes: minutesOf(time), time };
}

export type SendWindow = { open: true } | { open: false; reason: string };

/** Messages go out on working days, within the policy's working hours. */
export function sendWindow(local: LocalTime, policy: ReminderPolicy): SendWindow {
  const { start, end } = policy.workingHours;
  if (!isWorkingDay(local.date)) {
    const day = dayOfWeek(local.date);
    const what = day === 0 || day === 6 ? 'the weekend' : 'a bank holiday';
    return {
      open: false,
      reason: `${longDate(local.date)} is ${what}: reminders wait for the next working day`,
    };
  }
  if (local.minutes < minutesOf(start) || local.minutes >= minutesOf(end)) {
    return { open: false, reason: `${local.time} is outside working hours (${start}–${end})` };
  }
  return { open: true };
}

/** The first working day after a date. */
export function nextWorkingDay(date: IsoDate): IsoDate {
  let d = addDays(date, 1);
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** The working day on or after a date. */
export function workingDayFrom(date: IsoDate): IsoDate {
  return isWorkingDay(date) ? date : nextWorkingDay(date);
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "Thursday 14 April 2016" */
export function longDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${DAYS[dayOfWeek(date)]} ${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

export const WEEKDAYS = DAYS.map((d) => d.toLowerCase());
export const MONTH_NAMES = MONTHS.map((m) => m.toLowerCase());

const LOCAL_INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * "2016-04-08T10:00" read as wall-clock time in the time zone (an instant with "Z" or an offset is
 * taken as it is); null when it is not a date and time.
 */
export function zonedInstant(text: string, timeZone: string): Date | null {
  const m = LOCAL_INSTANT.exec(text.trim());
  if (m && (!parseIsoDate(`${m[1]}-${m[2]}-${m[3]}`) || Number(m[4]) > 23 || Number(m[5]) > 59)) return null;
  if (!m) {
    const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(text.trim()) ? Date.parse(text.trim()) : Number.NaN;
    return Number.isNaN(withZone) ? null : new Date(withZone);
  }
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  let instant = wall;
  // Two rounds find the offset in force at that wall time (daylight saving included).
  for (let i = 0; i < 2; i++) {
    const seen = localTime(new Date(instant), timeZone);
    const seenWall = Date.UTC(
      Number(seen.date.slice(0, 4)),
      Number(seen.date.slice(5, 7)) - 1,
      Number(seen.date.slice(8, 10)),
      Math.floor(seen.minutes / 60),
      seen.minutes % 60,
      s,
    );
    instant += wall - seenWall;
  }
  const result = new Date(instant);
  return Number.isNaN(result.getTime()) ? null : result;
}
