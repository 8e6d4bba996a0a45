// The words of proactive messages: outbox payloads as the conversation's Reply values, drawn by the
// existing renderers (Adaptive Cards for Teams and the local chat, Block Kit for Slack). A reminder
// carries the due date, last period's figure and a "Submit return" button that opens the return card.
import { submitSay, type ListSection, type Reply } from '../bot/reply.js';
import { summaryReply } from '../bot/summary-reply.js';
import type { IsoDate } from '../domain/iso-date.js';
import type { LateItem, OutboxPayload, ReminderItem } from '../domain/reminders/reminder-payload.js';
import { longDate } from '../domain/reminders/reminder-time.js';
import { workingDaysBetween } from '../domain/working-days.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function periodWord(period: string): string {
  return /Q\d$/.test(period) ? 'quarter' : /^\d{4}-\d{2}$/.test(period) ? 'month' : 'year';
}

function whenText(item: ReminderItem, today: IsoDate): string {
  const late = workingDaysBetween(item.deadline, today);
  const resumed = item.deadline !== item.due ? ' (the date you said the figures would be available)' : '';
  if (late > 0)
    return `was due on ${longDate(item.deadline)}${resumed}: it is ${plural(late, 'working day')} late`;
  if (late === 0) return `is due today${resumed}`;
  if (late === -1) return `is due tomorrow, ${longDate(item.deadline)}${resumed}`;
  return `is due on ${longDate(item.deadline)}${resumed}`;
}

function lead(item: ReminderItem): string | null {
  switch (item.stage) {
    case 'manual':
      return `${item.askedBy ?? 'The coordinator'} asks for this return.`;
    case 'snooze':
      return 'As you asked, a reminder.';
    default:
      return null;
  }
}

function title(items: ReminderItem[], today: IsoDate): string {
  const only = items[0];
  if (items.length !== 1 || !only) return `Reminder: ${plural(items.length, 'return')} to submit`;
  const word = only.stage === 'chase' ? 'Chasing' : 'Reminder';
  return `${word}: the ${only.period} return for ${only.ref} ${whenText(only, today)}`;
}

function intro(items: ReminderItem[], today: IsoDate): string | null {
  const lines = [
    ...new Set(items.flatMap((i) => [lead(i), i.delegatedBy && `Delegated to you by ${i.delegatedBy}.`])),
  ].filter((l): l is string => Boolean(l));
  if (items.some((i) => workingDaysBetween(i.deadline, today) > 0))
    lines.push(
      'If figures are not ready, say "not available until" and a date, e.g. "not available until 24 May".',
    );
  return lines.length > 0 ? lines.join(' ') : null;
}

/**
 * Reminders are lists, even of one: the figures sit in the items' details, which the notification
 * preview (replyText) leaves out.
 */
function remindersReply(items: ReminderItem[], today: IsoDate): Reply {
  const section: ListSection = {
    heading: 'To submit',
    items: items.map((i) => ({
      text: `${i.ref} ${i.title} — ${i.period}`,
      detail: [
        whenText(i, today),
        i.lastFigure && `last ${periodWord(i.period)} (${i.lastFigure.period}): ${i.lastFigure.value}`,
        i.lastYearFigure &&
          `same ${periodWord(i.period)} last year (${i.lastYearFigure.period}): ${i.lastYearFigure.value}`,
      ]
        .filter(Boolean)
        .join(' · '),
      rag: null,
      button: {
        label: items.length === 1 ? 'Submit return' : `Submit ${i.ref}`,
        say: submitSay(i.ref, i.period),
      },
    })),
  };
  const only = items.length === 1 ? items[0] : undefined;
  return {
    kind: 'list',
    title: title(items, today),
    intro: intro(items, today),
    sections: [section],
    buttons: [
      {
        label: 'Remind me tomorrow',
        say: only ? `remind me tomorrow about ${only.ref}` : 'remind me tomorrow',
      },
    ],
  };
}

function escalationReply(late: LateItem[], escalateAfter: number, today: IsoDate): Reply {
  const people = [...new Set(late.map((l) => l.waitingFor))];
  const sections: ListSection[] = people.map((person) => ({
    heading: person,
    items: late
      .filter((l) => l.waitingFor === person)
      .map((l) => ({
        text: `${l.ref} ${l.title} — ${l.period}`,
        detail: `due ${longDate(l.due)} · ${plural(Math.max(workingDaysBetween(l.due, today), 0), 'working day')} late`,
        rag: null,
        button: { label: `Remind ${l.ref}`, say: `remind ${l.ref}` },
      })),
  }));
  return {
    kind: 'list',
    title: `Late returns: ${plural(late.length, 'return')} past the due date`,
    intro: `At least one return is now ${plural(escalateAfter, 'working day')} overdue. The owners have been reminded and chased.`,
    sections,
    buttons: [{ label: 'Remind all', say: 'remind all' }],
  };
}

/** The one Reply for payloads delivered together (same person, same kind). */
export function outboxReply(payloads: OutboxPayload[], today: IsoDate): Reply {
  const first = payloads[0];
  if (!first) throw new Error('outboxReply needs at least one payload');
  switch (first.kind) {
    case 'reminder':
      return remindersReply(
        payloads.flatMap((p) => (p.kind === 'reminder' ? [p.item] : [])),
        today,
      );
    case 'escalation': {
      const newest = payloads[payloads.length - 1] as typeof first;
      return escalationReply(newest.late, newest.escalateAfter, today);
    }
    case 'notice':
      return { kind: 'text', text: first.text, ...(first.buttons.length ? { buttons: first.buttons } : {}) };
    case 'summary':
      return summaryReply(first.summary);
    default: {
      const never: never = first;
      throw new Error(`unknown payload ${JSON.stringify(never)}`);
    }
  }
}
