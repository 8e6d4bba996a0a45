// Submitting a return in Slack: the "Submit" button opens the return modal, bad input comes back as
// `response_action: "errors"` beside the right inputs, plausibility questions update the modal, a good
// submission is stored once and confirmed by DM, and App Home shows the person's returns.
import { describe, expect, it } from 'vitest';
import { financialCalendar } from '../../../src/domain/period.js';
import { revisionsOf } from '../../../src/store/return-store.js';
import * as payloads from '../../fixtures/slack/payloads.js';
import type { Json } from '../../fakes/slack-api.js';
import {
  DAN,
  dmChannelOf,
  JOANNE,
  nodesOf,
  postsIn,
  sendEvent,
  sendInteraction,
  STRANGER,
  useSlackHarness,
} from './slack-client.js';

const cal = financialCalendar(4);
const h = useSlackHarness();

/** Presses "Open return form" on a message in Dan's DM and gives back the modal views.open got. */
async function openModal(value = 'submit 2.2 2015/16 Q4', user = DAN): Promise<Json> {
  const before = h.api.ok('views.open').length;
  const click = payloads.buttonClick(user, { action_id: 'open_return', value }, h.api.responseUrl('o'));
  const res = await sendInteraction(h.url, click);
  expect(res.status).toBe(200);
  await h.api.waitFor(() => h.api.ok('views.open').length > before, 'views.open');
  const call = h.api.ok('views.open')[before];
  expect(call?.args.trigger_id).toBe(click.trigger_id);
  return call?.args.view as Json;
}

const submit = (view: Json, answers: Record<string, string>, user = DAN) =>
  sendInteraction(h.url, payloads.viewSubmission(user, view, answers));

async function revisions(ref: string, period: string) {
  const m = await h.t.db.prisma.measure.findFirstOrThrow({ where: { ref } });
  const parsed = cal.parse(period);
  if (!parsed.ok) throw new Error(parsed.error);
  return revisionsOf(h.t.db.prisma, cal, m.id, parsed.value);
}

const GOOD = {
  'figure.value': '489',
  narrative: 'Q4 rise driven by the night-time economy.',
  correctiveAction: 'Extra patrols in the town centre on Friday and Saturday nights.',
};

const dmsTo = (user: string) => postsIn(h.api, dmChannelOf(user));
const waitForDm = (user = DAN) => h.api.waitFor(() => dmsTo(user).length > 0, 'the confirmation DM');

describe('the Slack return modal', () => {
  it('opens from "Submit return" with the return form and ids only in private_metadata', async () => {
    const view = await openModal();
    expect(view).toMatchObject({ type: 'modal', callback_id: 'return_submit' });
    const meta = JSON.parse(String(view.private_metadata)) as Json;
    expect(meta).toMatchObject({
      ref: '2.2',
      period: '2015/16 Q4',
      verb: 'submitReturn',
      channel: 'D0DANMERCER',
    });
    expect(String(meta.token)).toMatch(/^1\./);
    const inputs = nodesOf(view.blocks)
      .filter((b) => b.type === 'input')
      .map((b) => b.block_id);
    expect(inputs).toEqual(expect.arrayContaining(['figure.value', 'narrative', 'correctiveAction']));
  });

  it('answers bad values with response_action "errors" on the right blocks, storing nothing', async () => {
    const view = await openModal();
    const before = await revisions('2.2', '2015/16 Q4');
    const res = await submit(view, { 'figure.value': 'abc', narrative: '' });
    expect(res.status).toBe(200);
    expect(res.json?.response_action).toBe('errors');
    const errors = res.json?.errors as Record<string, string>;
    expect(Object.keys(errors).sort()).toEqual(['figure.value', 'narrative']);
    expect(errors['figure.value']).toMatch(/number/i);
    expect(await revisions('2.2', '2015/16 Q4')).toHaveLength(before.length);
    expect(h.api.ok('chat.postMessage')).toEqual([]);
  });

  it('stores a good submission, closes the modal, confirms by DM and republishes App Home', async () => {
    const view = await openModal();
    const before = await revisions('2.2', '2015/16 Q4');
    const res = await submit(view, GOOD);
    expect(res.json).toEqual({ response_action: 'clear' });
    const after = await revisions('2.2', '2015/16 Q4');
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ submittedBy: 'dan-mercer', figures: { value: 489 } });
    await waitForDm();
    expect(h.api.ok('conversations.open')[0]?.args.users).toBe(DAN);
    const dm = dmsTo(DAN)[0];
    expect(dm?.args.channel).toBe('D001ABC7GHJ9');
    expect(JSON.stringify(dm?.args.blocks)).toMatch(/Stored as revision \d/);
    await h.api.waitFor(() => h.api.ok('views.publish').length === 1, 'App Home');
    expect(h.api.ok('views.publish')[0]?.args.user_id).toBe(DAN);
  });

  it('stores the same modal submitted twice once', async () => {
    const view = await openModal();
    const before = await revisions('2.2', '2015/16 Q4');
    await submit(view, GOOD);
    const again = await submit(view, GOOD);
    expect(again.json).toEqual({ response_action: 'clear' });
    expect(await revisions('2.2', '2015/16 Q4')).toHaveLength(before.length + 1);
    await h.api.waitFor(() => dmsTo(DAN).length >= 2, 'two confirmations');
    expect(JSON.stringify(dmsTo(DAN)[1]?.args.blocks)).toMatch(/already submitted/);
  });

  it('asks "are you sure?" in an updated modal whose button confirms, then stores', async () => {
    const view = await openModal();
    const before = await revisions('2.2', '2015/16 Q4');
    const res = await submit(view, { ...GOOD, 'figure.value': '1500' });
    expect(res.json?.response_action).toBe('update');
    const updated = res.json?.view as Json;
    expect(JSON.stringify(updated.blocks)).toMatch(/Please check before this is stored/);
    expect(updated.submit).toMatchObject({ text: 'Confirm' });
    expect(JSON.parse(String(updated.private_metadata))).toMatchObject({ verb: 'confirmReturn' });
    expect(await revisions('2.2', '2015/16 Q4')).toHaveLength(before.length);
    const confirmed = await submit(updated, {});
    expect(confirmed.json).toEqual({ response_action: 'clear' });
    const after = await revisions('2.2', '2015/16 Q4');
    expect(after.at(-1)).toMatchObject({ figures: { value: 1500 } });
  });

  it('echoes a narrative with mentions inert: escaped in mrkdwn and text, plain elsewhere', async () => {
    const view = await openModal();
    const narrative = 'Please read <!channel> <@U999> & act <!here>';
    await submit(view, { ...GOOD, narrative });
    await waitForDm();
    const dm = dmsTo(DAN)[0]?.args as Json;
    const mrkdwn = nodesOf(dm.blocks).filter((n) => n.type === 'mrkdwn');
    const plain = nodesOf(dm.blocks).filter((n) => n.type === 'plain_text');
    for (const text of [String(dm.text), ...mrkdwn.map((n) => String(n.text))]) {
      expect(text).not.toMatch(/<!|<@/);
    }
    expect(plain.map((n) => n.text)).toContain(narrative);
    expect(JSON.stringify(dm)).not.toMatch(/link_names|"parse"/);
    expect((await revisions('2.2', '2015/16 Q4')).at(-1)?.narrative).toBe(narrative);
  });

  it("refuses a submission for a measure the person does not own, whatever the modal's metadata says", async () => {
    h.api.users.set(JOANNE, { email: 'joanne.lister@example.org' });
    const view = await openModal();
    const before = await revisions('2.2', '2015/16 Q4');
    const res = await submit(view, GOOD, JOANNE);
    expect(res.json).toEqual({ response_action: 'clear' });
    await waitForDm(JOANNE);
    expect(JSON.stringify(dmsTo(JOANNE)[0]?.args)).toMatch(/Only Insp\. Dan Mercer/);
    expect(await revisions('2.2', '2015/16 Q4')).toHaveLength(before.length);
  });

  it('refuses a stranger submitting a modal, in the modal, storing nothing', async () => {
    const view = await openModal();
    const before = await revisions('2.2', '2015/16 Q4');
    const res = await submit(view, GOOD, STRANGER);
    expect(res.json?.response_action).toBe('update');
    expect(JSON.stringify(res.json)).toMatch(/don't recognise/);
    expect(JSON.stringify(res.json)).not.toMatch(/2\.2|1,628/);
    expect(await revisions('2.2', '2015/16 Q4')).toHaveLength(before.length);
  });

  it('answers a modal with unreadable metadata with an out-of-date notice', async () => {
    const view = await openModal();
    const res = await submit({ ...view, private_metadata: '{"ref":"2.2"}' }, GOOD);
    expect(res.json?.response_action).toBe('update');
    expect(JSON.stringify(res.json)).toMatch(/out of date/);
  });

  it('answers a submission it cannot read with an apology in the modal, not an error page', async () => {
    const view = await openModal();
    const submission = payloads.viewSubmission(DAN, view, GOOD);
    const broken = { ...submission, view: { ...(submission.view as Json), state: { values: 'nonsense' } } };
    const res = await sendInteraction(h.url, broken);
    expect(res.status).toBe(200);
    expect(res.json?.response_action).toBe('update');
    expect(JSON.stringify(res.json)).toMatch(/Something went wrong on our side/);
  });
});

describe('Slack App Home', () => {
  const published = () => h.api.ok('views.publish');

  it("publishes the person's returns when they open the Home tab", async () => {
    await sendEvent(h.url, payloads.homeOpened(DAN));
    await h.api.waitFor(() => published().length === 1, 'views.publish');
    const { user_id: userId, view } = published()[0]?.args as { user_id: string; view: Json };
    expect(userId).toBe(DAN);
    expect(view.type).toBe('home');
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('2.2 Reduce violence without injury');
    expect(text).toContain('Received');
    expect((view.blocks as unknown[]).length).toBeLessThanOrEqual(100);
  });

  it('tells a stranger politely that they are not in the plan', async () => {
    await sendEvent(h.url, payloads.homeOpened(STRANGER));
    await h.api.waitFor(() => published().length === 1, 'views.publish');
    const text = JSON.stringify(published()[0]?.args.view);
    expect(text).toMatch(/don't recognise your Slack account/);
    expect(text).not.toMatch(/2\.2|Stockton/);
  });

  it('publishes nothing when the Messages tab is opened', async () => {
    const event = payloads.homeOpened(DAN);
    await sendEvent(h.url, { ...event, event: { ...(event.event as Json), tab: 'messages' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(published()).toEqual([]);
  });
});
