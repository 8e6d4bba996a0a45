// The Stockton example as it stood on Monday 2 May 2016, with dates on its 2015/16 Q4 returns: most
// came in on Thursday 14 April (loaded with the plan file), four through chat in the week before the
// summary (Wednesday 27 April), and 1.3's figure was corrected upwards on Thursday 28 April, which makes
// it red.
import { parse, stringify } from 'yaml';
import { financialCalendar } from '../../src/domain/period.js';
import { readPlanYaml } from '../../src/plan/read-plan-yaml.js';
import { decideReturn, signOffOfReturn } from '../../src/store/review-store.js';
import { submitRevision } from '../../src/store/submit-revision.js';
import { botSession, stocktonPlanText, type BotSession } from '../helpers/bot-session.js';

export const Q4 = '2015/16 Q4';
/** Q4 returns that came in during the week to Monday 2 May 2016. */
export const IN_THE_WEEK = ['2.2', '4.1', '3.3', '1.2'];

interface PlanText {
  measures: { ref: string; sensitive?: boolean; smallNumberThreshold?: number }[];
  returns: { ref: string; period: string; submittedAt?: string }[];
}

/** The example plan's text with Q4 submission dates, and edits for a case the example lacks. */
export async function datedPlan(edit: (plan: PlanText) => void = () => undefined): Promise<string> {
  const plan = parse(await stocktonPlanText()) as PlanText;
  for (const r of plan.returns) {
    if (r.period !== Q4) continue;
    const i = IN_THE_WEEK.indexOf(r.ref);
    r.submittedAt = i >= 0 ? '2016-04-27' : '2016-04-14';
  }
  edit(plan);
  return stringify(plan);
}

/**
 * A session over the dated plan in which the week's four Q4 returns came in through chat (an import is
 * history, never "came in this week"), as their submitters, on 27 April.
 */
export async function datedSession(edit?: (plan: PlanText) => void): Promise<BotSession> {
  const text = await datedPlan(edit);
  const read = readPlanYaml('plan.yaml', text);
  if (!read.ok) throw new Error(read.errors.join('\n'));
  const cal = financialCalendar(4);
  const inTheWeek = (r: { ref: string; period: string }) => r.period === Q4 && IN_THE_WEEK.includes(r.ref);
  const plan = parse(text) as PlanText;
  plan.returns = plan.returns.filter((r) => !inTheWeek(r));
  const s = await botSession({ planText: stringify(plan) });
  for (const { ref, submittedAt, ...r } of read.checked.returns) {
    if (!inTheWeek({ ref, period: cal.format(r.period) })) continue;
    const chat = await submitRevision(
      s.db.prisma,
      cal,
      {
        measureId: s.partnership.measureIds.get(ref) as number,
        ...r,
        submittedAt: new Date(submittedAt ?? ''),
        source: 'local',
        requestKey: null,
        onlyIfChanged: false,
      },
      0,
    );
    if (chat.kind !== 'stored') throw new Error(`${ref} did not come in: ${chat.kind}`);
  }
  const period = cal.parse(Q4);
  if (!period.ok) throw new Error(period.error);
  const stored = await submitRevision(
    s.db.prisma,
    cal,
    {
      measureId: s.partnership.measureIds.get('1.3') as number,
      period: period.value,
      figures: { value: 9000 },
      narrative: 'Corrected: the Q4 extract had missed the March incidents.',
      correctiveAction: 'A problem-solving plan for the town centre.',
      notAvailable: null,
      expectedDate: null,
      submittedBy: 'dan-mercer',
      submittedAt: new Date('2016-04-28T10:00:00Z'),
      source: 'test',
      requestKey: null,
      onlyIfChanged: false,
    },
    1,
  );
  if (stored.kind !== 'stored') throw new Error(`1.3 was not revised: ${stored.kind}`);
  return s;
}

/** Stores a revision through chat for the session's measure and period (text), as of `at`. */
export async function chatRevision(
  session: BotSession,
  ref: string,
  period: string,
  value: number,
  at: string,
) {
  const parsed = session.cal.parse(period);
  if (!parsed.ok) throw new Error(parsed.error);
  const measureId = session.partnership.measureIds.get(ref) as number;
  const seen = (await signOffOfReturn(session.db.prisma, measureId, period))?.revision ?? 0;
  const out = await submitRevision(
    session.db.prisma,
    session.cal,
    {
      measureId,
      period: parsed.value,
      figures: { value },
      narrative: 'Through chat',
      correctiveAction: null,
      notAvailable: null,
      expectedDate: null,
      submittedBy: 'dan-mercer',
      submittedAt: new Date(at),
      source: 'teams',
      requestKey: null,
      onlyIfChanged: false,
    },
    seen,
  );
  if (out.kind !== 'stored') throw new Error(`not stored: ${out.kind}`);
}

export async function decide(
  session: BotSession,
  ref: string,
  period: string,
  decision: 'approved' | 'sentBack',
) {
  const out = await decideReturn(session.db.prisma, {
    partnershipId: session.partnership.id,
    measureId: session.partnership.measureIds.get(ref) as number,
    ref,
    period,
    revision: null,
    decision,
    by: 'priya-shah',
    at: new Date('2016-04-29T09:00:00Z'),
    channel: 'teams',
    comment: null,
    notices: () => [],
  });
  if (out.kind !== 'done') throw new Error(`not decided: ${out.kind}`);
}
