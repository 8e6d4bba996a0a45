// The "done when": a new Slack user's whole flow against the fake Web API. Joanne Lister is in
// the plan without a Slack id (found by her email); her 6.3 return for 2015/16 Q4 is overdue. She asks
// for a status, opens the return from App Home, submits a bad value, sees the error, submits a good
// one, and sees the confirmation and the changed status in App Home.
import { expect, it } from 'vitest';
import { financialCalendar } from '../../../src/domain/period.js';
import { revisionsOf } from '../../../src/store/return-store.js';
import type { Json } from '../../fakes/slack-api.js';
import * as payloads from '../../fixtures/slack/payloads.js';
import { buttons, JOANNE, sendEvent, sendInteraction, useSlackHarness } from './slack-client.js';

const h = useSlackHarness();

async function homeBlocks(publishedBefore: number): Promise<string> {
  await h.api.waitFor(() => h.api.ok('views.publish').length > publishedBefore, 'App Home');
  const view = h.api.ok('views.publish').at(-1)?.args.view as Json;
  expect(view.type).toBe('home');
  return JSON.stringify(view.blocks);
}

it("walks a new user's whole flow: status, return modal, an error, a good return, App Home", async () => {
  h.api.users.set(JOANNE, { email: 'joanne.lister@example.org' });
  const posted = () => h.api.ok('chat.postMessage');

  // Ask for a status in a DM.
  await sendEvent(h.url, payloads.directMessage(JOANNE, 'status of 6.3'));
  await h.api.waitFor(() => posted().length === 1, 'the status');
  expect(JSON.stringify(posted()[0]?.args.blocks)).toContain('6.3 Reduce repeat victims of domestic abuse');

  // App Home lists the overdue return with its button.
  await sendEvent(h.url, payloads.homeOpened(JOANNE));
  const before = await homeBlocks(0);
  expect(before).toContain('You owe 1 return');
  expect(before).toContain('overdue since 2016-04-14');
  const [submit] = buttons(JSON.parse(before), 'open_return');
  expect(submit).toEqual({ action_id: 'open_return', value: 'submit 6.3 2015/16 Q4' });

  // The button opens the return modal.
  await sendInteraction(h.url, payloads.homeButtonClick(JOANNE, submit as payloads.Clicked));
  await h.api.waitFor(() => h.api.ok('views.open').length === 1, 'the modal');
  const modal = h.api.ok('views.open')[0]?.args.view as Json;
  expect(JSON.parse(String(modal.private_metadata))).toMatchObject({ ref: '6.3', period: '2015/16 Q4' });

  // A return with no commentary comes back with the error beside the commentary.
  const bad = await sendInteraction(h.url, payloads.viewSubmission(JOANNE, modal, { narrative: '   ' }));
  expect(bad.json?.response_action).toBe('errors');
  expect(Object.keys(bad.json?.errors as Json)).toEqual(['narrative']);

  // A good return closes the modal, is stored, confirmed by DM, and App Home changes.
  const narrative = 'Referrals reviewed with the Police Vulnerability Unit; quality has improved.';
  const good = await sendInteraction(h.url, payloads.viewSubmission(JOANNE, modal, { narrative }));
  expect(good.json).toEqual({ response_action: 'clear' });
  await h.api.waitFor(() => posted().length === 2, 'the confirmation');
  expect(h.api.ok('conversations.open').at(-1)?.args.users).toBe(JOANNE);
  expect(JSON.stringify(posted()[1]?.args.blocks)).toMatch(/Stored as revision 1\. Thank you\./);
  const after = await homeBlocks(1);
  expect(after).toContain('You are up to date');
  expect(after).not.toContain('overdue since');
  expect(after).toContain(
    '6.3 Reduce repeat victims of domestic abuse not open to MARAC — 2015/16 Q4*\\nreceived',
  );

  const m = await h.t.db.prisma.measure.findFirstOrThrow({ where: { ref: '6.3' } });
  const q4 = financialCalendar(4).parse('2015/16 Q4');
  if (!q4.ok) throw new Error(q4.error);
  const stored = await revisionsOf(h.t.db.prisma, financialCalendar(4), m.id, q4.value);
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ narrative, submittedBy: 'joanne-lister' });
});
