// A return that says its figures are not available is a return that came in: the status card says why
// and when they are expected, and does not also list its quarter as "Missing: no return for …".
import { afterEach, expect, it } from 'vitest';
import { botSession, only, type BotSession } from '../helpers/bot-session.js';

let s: BotSession;
afterEach(async () => {
  await s.close();
});

it('shows "not available" with its reason, not the quarter as missing', async () => {
  s = await botSession();
  const form = only(await s.say('dan-mercer', 'submit 2.2'), 'returnForm').form;
  const stored = only(
    await s.act('dan-mercer', {
      verb: 'submitReturn',
      data: {
        ref: form.ref,
        period: form.period,
        token: form.token,
        notAvailable: 'true',
        notAvailableReason: 'The police system is down',
        expected: '2016-05-24',
      },
    }),
    'returnStored',
  );
  expect(stored.status.notAvailable).toBe('The police system is down (expected 2016-05-24)');
  expect(stored.status.figures.map((f) => f.label)).not.toContain('Missing');
  // Its status says the same afterwards.
  const status = only(await s.say('dan-mercer', 'status of 2.2'), 'status');
  expect(status.view.figures.find((f) => f.label === 'Missing')).toBeUndefined();
  expect(status.view.figures.find((f) => f.label === 'Year to date')?.value).toBe('1,139');
});
