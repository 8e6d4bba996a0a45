// Where a period stands in the reporting calendar, in words: "overdue since 2016-04-14", "awaiting
// data: the NHS data comes late (expected 2016-05-24)".
import type { CalendarEntry } from './reporting-calendar.js';

/** A period's state in the calendar, in words. */
export function dueText(o: CalendarEntry): string {
  switch (o.state) {
    case 'overdue':
      return `overdue since ${o.due}`;
    case 'due':
      return `due ${o.due}`;
    case 'open':
      return `open, due ${o.due}`;
    case 'awaitingData':
      return `awaiting data: ${o.awaiting?.reason ?? 'no reason given'}${o.awaiting?.expected ? ` (expected ${o.awaiting.expected})` : ''}`;
    case 'notYetDue':
      return `not yet due (due ${o.due})`;
    case 'received':
    case 'approved':
    case 'closed':
      return o.state;
    default:
      return o.state satisfies never;
  }
}
