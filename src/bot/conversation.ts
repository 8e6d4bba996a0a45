// The conversation, platform-neutral: a message or a card action in, Reply values out.
import type { IsoDate } from '../domain/iso-date.js';
import type { FinancialCalendar } from '../domain/period.js';
import type { Person } from '../domain/plan-schema.js';
import type { ReportLinks } from '../reports/report-links.js';
import type { SummaryChart } from '../reports/weekly-summary.js';
import type { Db } from '../store/open-database.js';
import type { Partnership } from '../domain/partnership.js';
import type { CardAction, Reply } from './reply.js';

/** Who is speaking, in which partnership, and when. */
export interface Turn {
  partnership: Partnership;
  person: Person;
  cal: FinancialCalendar;
  now: Date;
  today: IsoDate;
  /** A stable id of the platform request (activity id...), for idempotent submissions. */
  requestId: string;
  /** Where the person speaks from: 'teams' | 'slack' | 'local'. */
  channel: string;
  /** Measure ref → the person its returns are delegated to (loaded by the conversation for each turn). */
  delegates?: ReadonlyMap<string, string>;
}

export interface BotDeps {
  db: Db;
  /** The chart image for a measure's status, or null when charts are off. */
  chartUrl(ref: string, period: string, now: Date, partnership?: string): string | null;
  /** The summaries' RAG distribution chart (absent: summaries without a chart). */
  summaryChart?: SummaryChart | null;
  /** Signs the board dashboard's download links; absent where the server does not serve them. */
  reports?: ReportLinks;
}

export interface Conversation {
  onMessage(turn: Turn, text: string): Promise<Reply[]>;
  onAction(turn: Turn, action: CardAction): Promise<Reply[]>;
  /**
   * The channel could not deliver these replies: a stored return's confirmation is told later. Returns
   * what will be told (empty when none of them confirmed a stored return).
   */
  undelivered?(turn: Turn, replies: Reply[]): Promise<string[]>;
}
