// What the conversation answers with: plain, display-ready data. Renderers turn it into Adaptive Cards
// (Teams, the local chat) or Block Kit (Slack); nothing here knows either.
import type { Rag } from '../domain/plan-schema.js';

/** A button that, when pressed, says `say` to the bot as if the user had typed it. */
export interface SayButton {
  label: string;
  say: string;
}

/** What a "Submit return" button says: the one phrase that opens a return's form for a period. */
export const submitSay = (ref: string, period: string): string => `submit ${ref} ${period}`;

/** The measure and period a button's `submitSay` names, for channels that turn it into a link (email). */
export function submitAsked(say: string): { ref: string; period: string } | null {
  const m = /^submit (\S+) (\S.*)$/.exec(say);
  return m?.[1] && m[2] ? { ref: m[1], period: m[2] } : null;
}

/** A button that opens a web address (a download), rather than saying something to the bot. */
export interface LinkButton {
  label: string;
  url: string;
}

export interface Figure {
  label: string;
  value: string;
}

export interface StatusView {
  ref: string;
  title: string;
  period: string;
  theme: string;
  rag: Rag;
  /** "On target", "Significant concern", "Monitoring only"... */
  ragLabel: string;
  override: { rag: Rag; ragLabel: string; reason: string; by: string } | null;
  /** In period, year to date, target to date, variance, last year, baseline, projection (already formatted). */
  figures: Figure[];
  /** Multi-part measures: one line per part. */
  components: { name: string; rag: Rag; ragLabel: string; figures: Figure[]; headline: boolean }[];
  narrative: string | null;
  correctiveAction: string | null;
  notAvailable: string | null;
  submitted: string | null;
  /** The figures came from the plan file: `submitted` says so, and names nobody. */
  imported?: boolean;
  /**
   * The return's sign-off: "Approved by Priya Sandhu on …", "Awaiting approval by …", "Sent back by … :
   * …"; null when none applies (figures imported with the plan, no return stored, the review card).
   */
  signOff: string | null;
  chartUrl: string | null;
  actions: SayButton[];
}

export interface FormField {
  /** The input's id: `figure.<component>` (or `figure.<component>.numerator` / `.denominator`). */
  key: string;
  label: string;
  /** What the user typed (kept when the card comes back with errors). */
  value: string;
  placeholder: string;
  error: string | null;
  min: number | null;
  max: number | null;
  whole: boolean;
}

export interface ReturnFormView {
  ref: string;
  title: string;
  period: string;
  unitLabel: string;
  fields: FormField[];
  narrative: { value: string; error: string | null; maxLength: number };
  notAvailable: { checked: boolean; reason: string; expected: string; error: string | null };
  correctiveAction: { required: boolean; value: string; error: string | null };
  /** "Last quarter (2015/16 Q3): 439", "Same quarter last year (2014/15 Q4): 315". */
  context: string[];
  /** What the figures would give, without the RAG word: "Significant concern: +560 (+52.4%) against the target to date". */
  preview: { rag: Rag; text: string } | null;
  /** Plausibility questions; when present the card asks to Confirm or Edit. */
  warnings: string[];
  /** A message for the whole form ("Please fix the fields marked below"). */
  formError: string | null;
  /** Identifies this rendering of the form: submitting the same card twice stores once. */
  token: string;
  /** The revision this would create, and whether one exists already. */
  revision: number;
}

export type Reply =
  | { kind: 'text'; text: string; buttons?: SayButton[]; links?: LinkButton[] }
  | { kind: 'status'; view: StatusView }
  | {
      kind: 'list';
      title: string;
      intro: string | null;
      sections: ListSection[];
      buttons?: SayButton[];
      /** A chart under the intro (a summary's RAG distribution). */
      image?: ReplyImage;
    }
  | { kind: 'returnForm'; form: ReturnFormView }
  | {
      kind: 'returnStored';
      title: string;
      message: string;
      /** The revision now stored (a duplicate card: the one it stored before). */
      revision: number;
      status: StatusView;
    }
  | { kind: 'review'; view: ReviewView };

/** A return waiting for sign-off (or decided): the approver's card, with Approve / Send back for them only. */
export interface ReviewView {
  /** The return's status with the figures as submitted. */
  status: StatusView;
  /** The revision decided on: a decision on a card for an older revision is refused. */
  revision: number;
  /** "Awaiting approval by Priya Sandhu", "Approved by Priya Sandhu on 3 May 2016"... */
  state: string;
  /** Whether the person this card is drawn for may approve or send back (the server checks again). */
  canDecide: boolean;
  /** Who may decide (person keys): a channel that refreshes cards per viewer refreshes theirs. */
  deciders: string[];
  /** Why the send-back was not taken ("say what should change"), shown beside the comment box. */
  commentError: string | null;
}

export interface ReplyImage {
  url: string;
  /** The chart in words, for screen readers and where the image cannot be shown. */
  alt: string;
}

export interface ListSection {
  heading: string;
  items: { text: string; detail: string | null; rag: Rag | null; button: SayButton | null }[];
}

/**
 * The verbs a card's actions carry. `refreshStatus` and `refreshReview` are the read-only per-viewer
 * refreshes of a status card and of a return's sign-off card.
 */
export const CARD_VERBS = [
  'submitReturn',
  'confirmReturn',
  'editReturn',
  'say',
  'refreshStatus',
  'approveReturn',
  'sendBackReturn',
  'refreshReview',
] as const;

/** What a card sends back. `data` holds the card's inputs and hidden fields; hidden fields are never trusted. */
export interface CardAction {
  verb: (typeof CARD_VERBS)[number];
  data: Record<string, unknown>;
}
