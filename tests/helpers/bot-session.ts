// The conversation over a real temporary database holding the Stockton example plan, and the turns
// to talk to it as any of the plan's people.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPlanFile } from '../../src/app/import-plan-file.js';
import type { Conversation, Turn } from '../../src/bot/conversation.js';
import { createConversation } from '../../src/bot/create-conversation.js';
import type { CardAction, Reply } from '../../src/bot/reply.js';
import type { IsoDate } from '../../src/domain/iso-date.js';
import { financialCalendar, type FinancialCalendar } from '../../src/domain/period.js';
import type { Partnership } from '../../src/domain/partnership.js';
import type { ReportLinks } from '../../src/reports/report-links.js';
import { loadPartnership } from '../../src/store/partnership-store.js';
import { revisionsOf } from '../../src/store/return-store.js';
import type { ReturnRecord } from '../../src/domain/return-record.js';
import { tempDb, type TempDb } from './temp-db.js';

export const STOCKTON_PLAN = fileURLToPath(new URL('../../examples/stockton-2015-16.yaml', import.meta.url));
export const CHART_BASE = 'https://charts.example/chart';

export interface TurnOptions {
  today?: IsoDate;
  now?: Date;
  /** Defaults to a fresh id per turn; give one to replay the same platform request. */
  requestId?: string;
}

export interface BotSession {
  db: TempDb;
  partnership: Partnership;
  conversation: Conversation;
  cal: FinancialCalendar;
  turn(personId: string, opts?: TurnOptions): Turn;
  say(personId: string, text: string, opts?: TurnOptions): Promise<Reply[]>;
  act(personId: string, action: CardAction, opts?: TurnOptions): Promise<Reply[]>;
  /** Every stored revision of a measure's return for a period ("2015/16 Q4"), oldest first. */
  revisions(ref: string, period: string): Promise<ReturnRecord[]>;
  close(): Promise<void>;
}

/** The Stockton example plan's text, to edit for a case the example lacks. */
export const stocktonPlanText = (): Promise<string> => readFile(STOCKTON_PLAN, 'utf8');

export interface SessionOptions {
  /** A YAML plan to import instead of the Stockton example. */
  planText?: string;
  /** Signed report links, for the dashboard's downloads (none by default). */
  reports?: ReportLinks;
}

/** A session on a fresh database with the Stockton example imported; today is 2016-05-02 unless told. */
export async function botSession(opts: SessionOptions = {}): Promise<BotSession> {
  const db = await tempDb();
  const cal = financialCalendar(4);
  const file = opts.planText === undefined ? STOCKTON_PLAN : join(db.dir, 'plan.yaml');
  if (opts.planText !== undefined) await writeFile(file, opts.planText);
  const imported = await importPlanFile(db.prisma, file, {
    dryRun: false,
    now: new Date('2016-04-20T09:00:00Z'),
  });
  if (!imported.ok) throw new Error(`the plan does not import: ${imported.errors.join('; ')}`);
  const partnership = await loadPartnership(db.prisma, imported.partnership);
  if (!partnership) throw new Error(`partnership ${imported.partnership} did not load`);
  const conversation = createConversation({
    db: db.prisma,
    chartUrl: (ref, period) =>
      `${CHART_BASE}?ref=${encodeURIComponent(ref)}&period=${encodeURIComponent(period)}`,
    ...(opts.reports ? { reports: opts.reports } : {}),
  });
  let requests = 0;
  // Each message reads the plan as it stands, as the channels do ("start 2016/17" or an import changes it).
  let current = partnership;
  const reload = async () => {
    current = (await loadPartnership(db.prisma, imported.partnership)) ?? current;
  };
  const turn = (personId: string, opts: TurnOptions = {}): Turn => {
    const person = current.people.find((p) => p.id === personId);
    if (!person) throw new Error(`${personId} is not one of the example plan's people`);
    requests += 1;
    return {
      partnership: current,
      person,
      cal,
      today: opts.today ?? '2016-05-02',
      now: opts.now ?? new Date('2016-05-02T10:00:00Z'),
      requestId: opts.requestId ?? `req-${requests}`,
      channel: 'local',
    };
  };
  return {
    db,
    partnership,
    conversation,
    cal,
    turn,
    say: async (personId, text, opts) => {
      await reload();
      return conversation.onMessage(turn(personId, opts), text);
    },
    act: async (personId, action, opts) => {
      await reload();
      return conversation.onAction(turn(personId, opts), action);
    },
    revisions: async (ref, period) => {
      const parsed = cal.parse(period);
      if (!parsed.ok) throw new Error(parsed.error);
      const id = partnership.measureIds.get(ref);
      if (id === undefined) throw new Error(`no measure ${ref}`);
      return revisionsOf(db.prisma, cal, id, parsed.value);
    },
    close: () => db.close(),
  };
}

/** The one reply of a kind, failing clearly when the conversation answered something else. */
export function only<K extends Reply['kind']>(replies: Reply[], kind: K): Extract<Reply, { kind: K }> {
  const found = replies.filter((r): r is Extract<Reply, { kind: K }> => r.kind === kind);
  if (replies.length !== 1 || found.length !== 1) {
    throw new Error(`expected one ${kind} reply, got ${JSON.stringify(replies, null, 2)}`);
  }
  return found[0] as Extract<Reply, { kind: K }>;
}
