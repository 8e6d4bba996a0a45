// A tour of the conversation over the Stockton example, as its people would take it: questions, the
// return card (a bad value, a good one, figures not available), sign-off, the coordinator's commands,
// and what the reminder tick and the notices put in the outbox. The validators run every card and
// every Slack payload they render from these replies.
import pino from 'pino';
import type { CardAction, Reply, ReturnFormView } from '../../src/bot/reply.js';
import { outboxReply } from '../../src/jobs/outbox-reply.js';
import { reminderTick } from '../../src/jobs/reminder-tick.js';
import { listOutbox } from '../../src/store/outbox-store.js';
import { createReportLinks } from '../../src/reports/report-links.js';
import { botSession } from '../helpers/bot-session.js';

export interface TourStep {
  who: string;
  /** What was said, or the card action's verb. */
  said: string;
  replies: Reply[];
}

const SAYINGS: [string, string][] = [
  ['dan-mercer', 'hello'],
  ['dan-mercer', 'help'],
  ['priya-sandhu', 'help'],
  ['dan-mercer', 'status of 2.2'],
  ['dan-mercer', 'status 2.2 2015/16 Q3'],
  ['dan-mercer', 'status of 6.4'],
  ['dan-mercer', 'status of 1.2'],
  ['dan-mercer', 'status of 3.2'],
  ['dan-mercer', 'how is robbery doing'],
  ['dan-mercer', 'how is violence doing'],
  ['dan-mercer', 'exceptions'],
  ['dan-mercer', 'exceptions Q3'],
  ['dan-mercer', 'which measures are red'],
  ['dan-mercer', 'summary'],
  ['dan-mercer', 'overdue'],
  ['dan-mercer', 'my returns'],
  ['martin-kell', 'my returns'],
  ['martin-kell', '5.2 not available until 24 May because the CRC has not sent it'],
  ['dan-mercer', 'history 2.2'],
  ['dan-mercer', 'flibbertigibbet'],
  ['dan-mercer', 'statsu of 2.2'],
  ['dan-mercer', 'remind me tomorrow'],
  ['joanne-lister', 'submit 2.2'],
  ['priya-sandhu', 'dashboard'],
  ['priya-sandhu', 'override 2.2 to amber because the March figure is under review'],
  ['priya-sandhu', 'clear override 2.2'],
  ['priya-sandhu', 'remind 2.2'],
  ['priya-sandhu', 'pause reminders'],
  ['priya-sandhu', 'resume reminders'],
];

const GOOD = {
  'figure.value': '500',
  narrative: 'The night-time economy again.',
  correctiveAction: 'Extra patrols on Friday and Saturday nights.',
};

const confirm = (form: ReturnFormView, inputs: Record<string, string>): CardAction => ({
  verb: 'confirmReturn',
  data: { ref: form.ref, period: form.period, token: form.token, ...inputs },
});

const formOf = (replies: Reply[]): ReturnFormView => {
  const form = replies.find((r) => r.kind === 'returnForm');
  if (form?.kind !== 'returnForm') throw new Error(`expected a return card, got ${JSON.stringify(replies)}`);
  return form.form;
};

/** Runs the tour on a fresh database and gives every reply, the outbox's included. */
export async function replyTour(): Promise<{ steps: TourStep[] }> {
  const reports = createReportLinks({
    baseUrl: () => 'https://bot.example',
    key: Buffer.from('a key for the tour'),
    minutes: 60,
  });
  const s = await botSession({ reports });
  const steps: TourStep[] = [];
  const say = async (who: string, text: string) => {
    const replies = await s.say(who, text);
    steps.push({ who, said: text, replies });
    return replies;
  };
  const act = async (who: string, action: CardAction) => {
    const replies = await s.act(who, action);
    steps.push({ who, said: action.verb, replies });
    return replies;
  };
  try {
    for (const [who, text] of SAYINGS) await say(who, text);
    await returnCardSteps(say, act);
    await signOffSteps(say, act);
    // What the reminder tick and the notices wrote, as delivered: one reply per person and kind.
    for (const at of ['2016-04-08T09:00:00Z', '2016-04-22T09:00:00Z', '2016-05-02T09:00:00Z'])
      await reminderTick({ db: s.db.prisma, log: pino({ level: 'silent' }) }, new Date(at));
    const rows = await listOutbox(s.db.prisma, null, 500, s.partnership.id);
    const batches = new Map<string, (typeof rows)[number]['payload'][]>();
    for (const r of rows)
      batches.set(`${r.recipient}|${r.kind}`, [
        ...(batches.get(`${r.recipient}|${r.kind}`) ?? []),
        r.payload,
      ]);
    for (const [key, payloads] of batches)
      steps.push({ who: key, said: 'outbox', replies: [outboxReply(payloads, '2016-05-02')] });
    return { steps };
  } finally {
    await s.close();
  }
}

type Say = (who: string, text: string) => Promise<Reply[]>;
type Act = (who: string, action: CardAction) => Promise<Reply[]>;

/** The owner's return card: a bad value, a good one, an edit, and figures not available. */
async function returnCardSteps(say: Say, act: Act): Promise<void> {
  const form = formOf(await say('dan-mercer', 'submit 2.2'));
  await act('dan-mercer', confirm(form, { 'figure.value': 'abc', narrative: '' }));
  await act('dan-mercer', confirm(form, { 'figure.value': '-3', narrative: 'x' }));
  await act('dan-mercer', confirm(form, GOOD));
  const again = formOf(await say('dan-mercer', 'submit 2.2'));
  await act('dan-mercer', {
    verb: 'submitReturn',
    data: { ref: again.ref, period: again.period, token: again.token, ...GOOD, 'figure.value': '9000' },
  });
  const late = formOf(await say('ruth-okafor', 'submit 6.1'));
  await act(
    'ruth-okafor',
    confirm(late, {
      notAvailable: 'true',
      notAvailableReason: 'Police data is late.',
      expected: '2016-05-24',
    }),
  );
  await say('dan-mercer', '2.2 not available until 24 May because the police system is down');
}

/** Approvals: the coordinator's list, the review card, send back, approve, reopen. */
async function signOffSteps(say: Say, act: Act): Promise<void> {
  await say('priya-sandhu', 'approvals');
  await say('priya-sandhu', 'review 2.2 2015/16 Q4');
  await act('priya-sandhu', {
    verb: 'sendBackReturn',
    data: { ref: '2.2', period: '2015/16 Q4', revision: 2, comment: ' ' },
  });
  await act('priya-sandhu', {
    verb: 'sendBackReturn',
    data: { ref: '2.2', period: '2015/16 Q4', revision: 2, comment: 'Please check March.' },
  });
  await say('priya-sandhu', 'approve 2.2 2015/16 Q4 revision 2');
  await say('priya-sandhu', 'reopen 2.2 Q4 because Police revised the March figure');
  await say('dan-mercer', 'history 2.2 Q4');
  await say('dan-mercer', 'delegate 2.2 to Joanne Lister');
}
