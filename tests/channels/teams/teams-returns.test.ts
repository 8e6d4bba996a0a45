// Submitting a return from a Teams card: Action.Execute invokes answered with a replacement card in the
// HTTP response, bad input sent back inside the form, refusals for people who do not own the measure.
import { describe, expect, it } from 'vitest';
import { financialCalendar } from '../../../src/domain/period.js';
import { revisionsOf } from '../../../src/store/return-store.js';
import { FIXED_NOW } from '../test-server.js';
import {
  actionData,
  cardOf,
  fromUser,
  inputIds,
  invoke,
  postActivity,
  STRANGER_AAD,
  teamsActivity,
  useTeamsHarness,
  type Json,
} from './teams-client.js';

const cal = financialCalendar(4);
const h = useTeamsHarness();

const JOANNE = { ...fromUser(STRANGER_AAD, '29:joanne') };

/** Asks for a return card by message and gives back its card. */
async function openForm(ref: string, as: Json = {}): Promise<Json> {
  const before = h.connector.received.length;
  await postActivity(
    h.t.server.url,
    teamsActivity('personal-message', h.connector, { text: `submit ${ref}`, ...as }),
  );
  const sent = await h.connector.waitFor(before + 1);
  const card = cardOf(sent[before]?.activity ?? {});
  if (!card) throw new Error(`no card: ${JSON.stringify(sent[before]?.activity)}`);
  return card;
}

async function revisions(ref: string, period: string) {
  const p = await h.t.db.prisma.measure.findFirstOrThrow({ where: { ref } });
  const parsed = cal.parse(period);
  if (!parsed.ok) throw new Error(parsed.error);
  return revisionsOf(h.t.db.prisma, cal, p.id, parsed.value);
}

/** The id of the card's one figure input, as Teams would send it back. */
const figureInput = (form: Json) => {
  const ids = inputIds(form).filter((id) => id.startsWith('figure.'));
  expect(ids).toHaveLength(1);
  return ids[0] as string;
};

const cardIn = (body: Json | null) => {
  expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  return JSON.stringify(body?.value);
};

/** Dan's 2.2 card filled in with a good figure, narrative and corrective action. */
const goodAnswers = (form: Json): Json => ({
  ...actionData(form, 'submitReturn'),
  [figureInput(form)]: '489',
  narrative: 'Q4 rise driven by the night-time economy.',
  correctiveAction: 'Extra patrols in the town centre on Friday and Saturday nights.',
});

/** Sends the submit invoke and, when the card asks "are you sure?", confirms: the final response. */
async function submitConfirming(submit: Json, data: Json) {
  const res = await postActivity(h.t.server.url, submit);
  if (!JSON.stringify(res.body).includes('"confirmReturn"')) return res;
  const confirm = { ...actionData(res.body?.value as Json, 'confirmReturn'), ...data };
  return postActivity(h.t.server.url, invoke(h.connector, 'confirmReturn', confirm));
}

describe('Teams return cards', () => {
  it('sends the figure back with its error when it is not a number, storing nothing', async () => {
    const form = await openForm('2.2');
    const data = actionData(form, 'submitReturn');
    const figure = figureInput(form);
    const before = await revisions('2.2', String(data.period));
    const res = await postActivity(
      h.t.server.url,
      invoke(h.connector, 'submitReturn', { ...data, [figure]: 'abc', narrative: 'Typed in a hurry' }),
    );
    expect(res.status).toBe(200);
    const card = cardIn(res.body);
    expect(card).toContain('abc');
    expect(card).toMatch(/not a number|a number/i);
    expect(await revisions('2.2', String(data.period))).toHaveLength(before.length);
  });

  it('refuses a percentage over 100 (1.2, found by the email Teams gives)', async () => {
    h.connector.members.set('29:joanne', { id: '29:joanne', email: 'joanne.lister@example.org' });
    const form = await openForm('1.2', JOANNE);
    const data = actionData(form, 'submitReturn');
    const res = await postActivity(
      h.t.server.url,
      invoke(h.connector, 'submitReturn', { ...data, [figureInput(form)]: '140' }, JOANNE),
    );
    const card = cardIn(res.body);
    expect(card).toContain('140');
    expect(card).toMatch(/100/);
  });

  it('refuses a submission by someone who does not own the measure', async () => {
    const before = await revisions('1.2', '2015/16 Q4');
    const res = await postActivity(
      h.t.server.url,
      invoke(h.connector, 'submitReturn', {
        ref: '1.2',
        period: '2015/16 Q4',
        token: '1.x',
        'figure.value': '95',
      }),
    );
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toMatch(/Only Joanne Lister/);
    expect(await revisions('1.2', '2015/16 Q4')).toHaveLength(before.length);
  });

  it('stores a good submission as a new revision and answers with the confirmation card', async () => {
    const data = goodAnswers(await openForm('2.2'));
    const period = String(data.period);
    const before = await revisions('2.2', period);
    const res = await submitConfirming(invoke(h.connector, 'submitReturn', data), data);
    const card = cardIn(res.body);
    expect(card).toMatch(/Stored as revision \d/);
    const after = await revisions('2.2', period);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ submittedBy: 'dan-mercer', figures: { value: 489 } });
  });

  it('handles a redelivered submission whose first delivery died mid-turn, and only acknowledges one in flight', async () => {
    const data = goodAnswers(await openForm('2.2'));
    const period = String(data.period);
    const before = await revisions('2.2', period);
    const keyOf = (a: Json) => {
      const conversation = a.conversation as Json;
      return `${String(a.channelId)}|${String(conversation.id)}|${String(a.id)}`;
    };
    // A claim made a second ago and not yet handled: another instance is working on it.
    const inFlight = invoke(h.connector, 'submitReturn', data);
    await h.t.db.prisma.inboundActivity.create({
      data: { key: keyOf(inFlight), receivedAt: new Date(FIXED_NOW.getTime() - 1_000) },
    });
    const busy = await postActivity(h.t.server.url, inFlight);
    expect(JSON.stringify(busy.body)).toMatch(/Already received/);
    expect(await revisions('2.2', period)).toHaveLength(before.length);

    // A claim two minutes old and never handled: that process died; the redelivery stores the return.
    const abandoned = invoke(h.connector, 'submitReturn', data);
    await h.t.db.prisma.inboundActivity.create({
      data: { key: keyOf(abandoned), receivedAt: new Date(FIXED_NOW.getTime() - 120_000) },
    });
    const res = await submitConfirming(abandoned, data);
    expect(cardIn(res.body)).toMatch(/Stored as revision \d/);
    expect(await revisions('2.2', period)).toHaveLength(before.length + 1);
    const row = await h.t.db.prisma.inboundActivity.findUniqueOrThrow({ where: { key: keyOf(abandoned) } });
    expect(row.handledAt).toEqual(FIXED_NOW);

    // Delivered once more after it was handled: acknowledged, stored nothing more.
    const again = await postActivity(h.t.server.url, abandoned);
    expect(JSON.stringify(again.body)).toMatch(/Already received/);
    expect(await revisions('2.2', period)).toHaveLength(before.length + 1);
  });

  it('answers the Action.Submit fallback (a message with a value) with messages', async () => {
    const res = await postActivity(
      h.t.server.url,
      teamsActivity('personal-message', h.connector, {
        text: undefined,
        value: { verb: 'say', say: 'status of 2.2' },
      }),
    );
    expect(res.status).toBe(200);
    const [sent] = await h.connector.waitFor(1);
    expect(JSON.stringify(cardOf(sent?.activity ?? {}))).toContain('1,628');
  });
});
