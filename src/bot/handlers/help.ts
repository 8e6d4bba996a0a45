// Help, greetings and the answer to anything not understood: always examples, never silence.
import type { Reply, SayButton } from '../reply.js';
import type { Turn } from '../conversation.js';
import { may } from '../actor-of.js';
import { nearTitles } from '../measure-search.js';
import { parseIntent } from '../parse-intent.js';
import { closest, MAYBE, rephrase } from '../phrasings.js';
import { spellFixed } from '../spelling.js';

const EXAMPLES: SayButton[] = [
  { label: 'Status of 2.2', say: 'status of 2.2' },
  { label: 'Exceptions', say: 'exceptions' },
  { label: 'My returns', say: 'my returns' },
  { label: 'Who is missing?', say: 'overdue' },
];

export const HELP_TEXT = [
  'Here is what I can do:',
  '• status of 2.2 — a measure\'s latest status; add a period: "status 2.2 Q3", "status 2.2 2014/15 Q4"',
  '• how is ASB doing — find measures by words in their title, theme or data source',
  '• exceptions — red and amber measures now (or "exceptions Q3")',
  '• summary — this week\'s summary (or "summary 2015/16 Q4"); coordinators: post summary — to the channel now',
  '• overdue / who is missing — returns not yet in, by owner',
  '• overdue by agency — how many of the quarter\'s returns each agency has sent, and who is missing what (or "returns by agency Q3")',
  '• my returns — what you owe, with due dates',
  '• submit 2.2 — open the return card for a measure you own',
  '• remind me tomorrow / remind me on Monday — snooze your reminders',
  '• 2.2 not available until 24 May — say why figures are late and stop the chasers until then',
  '• delegate 2.2 to (their name) — someone else gets the reminders and may submit',
  '• history 2.2 (or "history 2.2 Q4") — who changed the return, when and how, and its approvals',
  '• approvals — returns waiting for you to approve; approve 2.2 Q4, or send back 2.2 Q4: what should change',
  '• coordinators: reopen 2.2 Q4 because … (an approved return), reopen 2015/16 Q4 because … / close 2015/16 Q4 (a period)',
  '• coordinators: remind all, remind 2.2, pause reminders, resume reminders',
  '• coordinators: revoke links 2.2 (or "revoke links Joanne") — withdraw the web form links emailed to owners outside Teams and Slack',
  '• coordinators: start 2016/17 — a new year: carry last year\'s targets forward ("start 2016/17: 2.2 -5%; rest same")',
  '• coordinators: dashboard (or "dashboard 2015/16 Q4") — download the board dashboard: Word, Excel, web page',
].join('\n');

/** Shown to coordinators and the chair, who may override a status. */
export const OVERRIDE_HELP = [
  '• override 2.2 to amber because … — set the status the board reads, with the reason (add a period: "override 2.2 2015/16 Q3 to red because …")',
  '• clear override 2.2 — back to the computed status (or "clear override 2.2 2015/16 Q3")',
].join('\n');

export function help(turn?: Turn): Reply[] {
  const text = turn && may(turn, 'override.change') ? `${HELP_TEXT}\n${OVERRIDE_HELP}` : HELP_TEXT;
  return [{ kind: 'text', text, buttons: EXAMPLES }];
}

export function greeting(turn: Turn): Reply[] {
  return [
    {
      kind: 'text',
      text: `Hello ${turn.person.name}. Ask me about ${turn.partnership.settings.name}'s measures, for example "status of 2.2", or say "help".`,
      buttons: EXAMPLES,
    },
  ];
}

/**
 * Anything not understood: the known questions and measure titles nearest to it, as "Did you mean"
 * buttons; else examples. Never only an apology.
 */
export function notUnderstood(text: string, turn?: Turn): Reply[] {
  const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  const said = rephrase(text.toLowerCase().replace(/[?!.]+$/, ''));
  const fixed = spellFixed(said);
  // The words put right, when that reads as something the bot does ("statsu of 2.2" → "status of 2.2").
  const respelt: SayButton[] =
    fixed !== said && parseIntent(fixed).kind !== 'unknown' ? [{ label: capitalise(fixed), say: fixed }] : [];
  const phrases = closest(fixed)
    .filter((c) => c.score <= MAYBE)
    .map((c): SayButton => ({ label: capitalise(c.phrase), say: c.phrase }));
  const measures = turn
    ? nearTitles(turn.partnership.measures, said).map((m): SayButton => ({
        label: `${m.ref} ${m.title}`,
        say: `status of ${m.ref}`,
      }))
    : [];
  const guesses = [...respelt, ...phrases.filter((p) => p.say !== fixed), ...measures].slice(0, 4);
  if (guesses.length > 0)
    return [{ kind: 'text', text: `I am not sure what "${shown}" means. Did you mean:`, buttons: guesses }];
  return [
    {
      kind: 'text',
      text: `Sorry, I did not understand "${shown}". Try one of these, or say "help":`,
      buttons: EXAMPLES,
    },
  ];
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
