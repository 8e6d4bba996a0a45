// The conversation's view of one inbound activity: who, in which partnership, and when.
import type { Turn } from '../../bot/conversation.js';
import type { Found } from '../find-person.js';
import { isoDateOf, type IsoDate } from '../../domain/iso-date.js';
import { financialCalendar } from '../../domain/period.js';

export interface TurnClock {
  now(): Date;
  /** A fixed "today" for demonstrations (config TODAY), else the partnership's local date. */
  today?: IsoDate;
}

export function buildTurn(found: Found, requestId: string, channel: string, clock: TurnClock): Turn {
  const now = clock.now();
  const { partnership, person } = found;
  return {
    partnership,
    person,
    cal: financialCalendar(partnership.settings.yearStartMonth),
    now,
    today: clock.today ?? isoDateOf(now, partnership.settings.timezone),
    requestId,
    channel,
  };
}
