// The authorisation matrix's world: the Stockton example with a member and a theme approver added, 2.2's
// 2015/16 Q4 return not yet in and delegated to Joanne Lister, and a second partnership (Testshire, with
// measure 9.1) in the same database. Built once; every case gets its own copy of the database file, so
// each (case, person) starts from the same state and "changed nothing" is checked on the whole database.
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importPlanFile } from '../../../src/app/import-plan-file.js';
import { createReportLinks } from '../../../src/reports/report-links.js';
import type { Conversation, Turn } from '../../../src/bot/conversation.js';
import { createConversation } from '../../../src/bot/create-conversation.js';
import type { CardAction, Reply } from '../../../src/bot/reply.js';
import { financialCalendar } from '../../../src/domain/period.js';
import { openDatabase } from '../../../src/store/open-database.js';
import type { Partnership } from '../../../src/domain/partnership.js';
import { loadPartnership } from '../../../src/store/partnership-store.js';
import { setDelegation } from '../../../src/store/reminder-store.js';
import { stocktonPlanText } from '../../helpers/bot-session.js';
import { minimalPlanYaml } from '../../helpers/plan-text.js';
import { asTestDb, snapshot, type TestDb } from '../../helpers/temp-db.js';

/** Everyone the matrix speaks as, by how they stand to measure 2.2 (owned by Dan Mercer). */
export const ACTORS = {
  coordinator: 'priya-sandhu',
  chair: 'alan-whitfield',
  owner: 'dan-mercer',
  otherOwner: 'ruth-okafor',
  delegate: 'joanne-lister',
  approver: 'sam-approver',
  member: 'morgan-price',
} as const;
export type ActorName = keyof typeof ACTORS;
export const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];

const NOW = new Date('2016-05-02T10:00:00Z');

export async function matrixPlanText(): Promise<string> {
  const text = await stocktonPlanText();
  const people = `  - id: morgan-price
    name: Morgan Price
    email: morgan.price@example.org
    role: member # Cleveland Fire Brigade, reads the dashboard
  - id: sam-approver
    name: Sam Approver
    email: sam.approver@example.org
    role: member # signs off the violence theme's returns

themes:
  - id: asb`;
  const theme = `  - id: violence
    name: Violent crime and robbery
    approver: sam-approver`;
  const edited = text
    .replace('\nthemes:\n  - id: asb', `\n${people}`)
    .replace('  - id: violence\n    name: Violent crime and robbery', theme);
  if (!edited.includes('morgan-price') || !edited.includes('approver: sam-approver'))
    throw new Error('the Stockton plan changed: update matrixPlanText');
  return edited;
}

export interface MatrixTemplate {
  dir: string;
  file: string;
  close(): Promise<void>;
}

/** Builds the database once. */
export async function matrixTemplate(): Promise<MatrixTemplate> {
  const dir = await mkdtemp(join(tmpdir(), 'perfbot-matrix-'));
  const file = join(dir, 'template.db');
  const opened = await openDatabase(`file:${file}`);
  const db = asTestDb(opened.prisma);
  await writeFile(join(dir, 'stockton.yaml'), await matrixPlanText());
  await writeFile(join(dir, 'testshire.yaml'), minimalPlanYaml().replaceAll("'1.1'", "'9.1'"));
  for (const plan of ['stockton.yaml', 'testshire.yaml']) {
    const done = await importPlanFile(db, join(dir, plan), { dryRun: false, now: NOW });
    if (!done.ok) throw new Error(done.errors.join('\n'));
  }
  const stockton = (await loadPartnership(db, 'stockton')) as Partnership;
  await db.return.deleteMany({
    where: { measureId: stockton.measureIds.get('2.2') as number, period: '2015/16 Q4' },
  });
  await db.$transaction((tx) =>
    setDelegation(tx, stockton.id, '2.2', ACTORS.delegate, ACTORS.owner, NOW, 'local'),
  );
  await opened.close();
  return { dir, file, close: () => rm(dir, { recursive: true, force: true }) };
}

export interface MatrixSession {
  db: TestDb;
  stockton: Partnership;
  testshire: Partnership;
  say(actor: ActorName, text: string): Promise<Reply[]>;
  act(actor: ActorName, action: CardAction): Promise<Reply[]>;
  /** Every row the conversation could write, to compare before and after. */
  state(): Promise<unknown>;
  close(): Promise<void>;
}

let copies = 0;

/** A fresh copy of the template database, and the conversation over it. */
export async function matrixSession(t: MatrixTemplate): Promise<MatrixSession> {
  copies += 1;
  const file = join(t.dir, `case-${copies}.db`);
  for (const f of await readdir(t.dir))
    if (f.startsWith('template.db')) await copyFile(join(t.dir, f), file + f.slice('template.db'.length));
  const opened = await openDatabase(`file:${file}`);
  const db = asTestDb(opened.prisma);
  const stockton = (await loadPartnership(db, 'stockton')) as Partnership;
  const testshire = (await loadPartnership(db, 'testshire')) as Partnership;
  const conversation: Conversation = createConversation({
    db,
    chartUrl: (ref, period) => `https://charts.example/chart?ref=${ref}&period=${encodeURIComponent(period)}`,
    reports: createReportLinks({
      baseUrl: () => 'https://perfbot.example',
      key: Buffer.alloc(32, 7),
      minutes: 60,
    }),
  });
  let requests = 0;
  const turn = (actor: ActorName): Turn => {
    const person = stockton.people.find((p) => p.id === ACTORS[actor]);
    if (!person) throw new Error(`${actor} is not in the plan`);
    requests += 1;
    return {
      partnership: stockton,
      person,
      cal: financialCalendar(4),
      today: '2016-05-02',
      now: NOW,
      requestId: `matrix-${copies}-${requests}`,
      channel: 'local',
    };
  };
  return {
    db,
    stockton,
    testshire,
    say: (actor, text) => conversation.onMessage(turn(actor), text),
    act: (actor, action) => conversation.onAction(turn(actor), action),
    state: async () => ({
      ...(await snapshot(db)),
      delegations: await db.delegation.findMany({ orderBy: { id: 'asc' } }),
      snoozes: await db.reminderSnooze.findMany({ orderBy: { id: 'asc' } }),
      controls: await db.reminderControl.findMany({ orderBy: { partnershipId: 'asc' } }),
      outbox: await db.outboxMessage.findMany({ orderBy: { id: 'asc' } }),
    }),
    close: () => opened.close(),
  };
}

/** All the text of the replies, to match refusals against. */
export const textOf = (replies: Reply[]): string =>
  replies.map((r) => (r.kind === 'text' ? r.text : JSON.stringify(r))).join('\n');
