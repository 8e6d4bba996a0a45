// Shared steps of the sign-off tests: the Stockton plan with a theme approver or board dates, opening
// and pressing the return card, and what the outbox holds for someone.
import type { CardAction, Reply, ReturnFormView } from '../../../src/bot/reply.js';
import { listOutbox } from '../../../src/store/outbox-store.js';
import { only, stocktonPlanText, type BotSession } from '../../helpers/bot-session.js';

/** The Stockton plan with edits: a named approver for a theme, board dates by quarter. */
export async function planWith(o: { approver?: [string, string]; boardDates?: Record<string, string> }) {
  let text = await stocktonPlanText();
  if (o.approver) {
    const [theme, person] = o.approver;
    text = text.replace(
      new RegExp(`(  - id: ${theme}\\n    name: [^\\n]+\\n)`),
      `$1    approver: ${person}\n`,
    );
  }
  if (o.boardDates) {
    const dates = Object.entries(o.boardDates)
      .map(([q, d]) => `      '${q}': '${d}'`)
      .join('\n');
    text = text.replace(
      '  tolerancePct: 15\n',
      `  tolerancePct: 15\n  summary:\n    boardDates:\n${dates}\n`,
    );
  }
  return text;
}

export const good = {
  'figure.value': '500',
  narrative: '500 offences; the night-time economy again.',
  correctiveAction: 'Extra patrols on Friday and Saturday nights.',
};

export const press = (form: ReturnFormView, inputs: Record<string, string>): CardAction => ({
  verb: 'confirmReturn',
  data: { ref: form.ref, period: form.period, token: form.token, ...inputs },
});

export async function openForm(s: BotSession, who: string, text = 'submit 2.2'): Promise<ReturnFormView> {
  return only(await s.say(who, text), 'returnForm').form;
}

export async function submit22(s: BotSession, who = 'dan-mercer', inputs = good): Promise<Reply[]> {
  return s.act(who, press(await openForm(s, who), inputs));
}

export async function noticesFor(s: BotSession, person: string) {
  const rows = await listOutbox(s.db.prisma, null, 200, s.partnership.id);
  return rows.filter((r) => r.recipient === person && r.kind === 'notice').reverse();
}

export const textOf = (replies: Reply[]): string =>
  replies.map((r) => (r.kind === 'text' ? r.text : r.kind === 'review' ? r.view.state : r.kind)).join('\n');
