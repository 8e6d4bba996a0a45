// Sign-off in Teams through the real /api/messages endpoint: the approver's card (refreshed per user so
// only deciders see the buttons), a refused approval by the owner, and the coordinator's approval.
import { describe, expect, it } from 'vitest';
import {
  actionData,
  cardOf,
  DAN_AAD,
  fromUser,
  invoke,
  nodesOf,
  postActivity,
  teamsActivity,
  useTeamsHarness,
  type Json,
} from '../../channels/teams/teams-client.js';

const PRIYA_AAD = '3f2b8c1e-7d4a-4e9b-9a61-2c5d8e0f4b7a';
const PRIYA = fromUser(PRIYA_AAD, '29:priya');
const DAN = fromUser(DAN_AAD, '29:dan');
const h = useTeamsHarness();

async function say(text: string, as: Json): Promise<Json> {
  const before = h.connector.received.length;
  await postActivity(h.t.server.url, teamsActivity('personal-message', h.connector, { text, ...as }));
  const sent = await h.connector.waitFor(before + 1);
  const card = cardOf(sent[before]?.activity ?? {});
  if (!card) throw new Error(`no card: ${JSON.stringify(sent[before]?.activity)}`);
  return card;
}

const verbs = (card: unknown) =>
  nodesOf(card)
    .filter((n) => n.type === 'Action.Execute')
    .map((n) => n.verb);

async function act(verb: string, data: Json, as: Json) {
  const res = await postActivity(h.t.server.url, invoke(h.connector, verb, data, as));
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  return res.body?.value as Json;
}

describe('approving a return in Teams', () => {
  it('shows Approve to the approver only, refuses the owner, and locks the return on approval', async () => {
    const form = await say('submit 2.2', DAN);
    const stored = await act(
      'confirmReturn',
      {
        ...actionData(form, 'submitReturn'),
        'figure.value': '500',
        narrative: 'Night-time economy.',
        correctiveAction: 'Extra patrols.',
      },
      DAN,
    );
    expect(JSON.stringify(stored)).toContain('Awaiting approval by Priya Sandhu');

    const card = await say('review 2.2', PRIYA);
    expect(verbs(card)).toEqual(expect.arrayContaining(['approveReturn', 'sendBackReturn', 'refreshReview']));
    expect(card.refresh).toMatchObject({
      action: { verb: 'refreshReview', data: { ref: '2.2', period: '2015/16 Q4' } },
      // The id Teams sent as Priya's `from.id`: she has spoken to the bot in Teams.
      userIds: ['29:priya'],
    });
    const data = actionData(card, 'approveReturn');
    expect(data).toEqual({ ref: '2.2', period: '2015/16 Q4', revision: 2 });

    // The owner's view of the same card has no decisions; pressing Approve anyway is refused.
    expect(verbs(await act('refreshReview', { ref: '2.2', period: '2015/16 Q4' }, DAN))).not.toContain(
      'approveReturn',
    );
    expect(JSON.stringify(await act('approveReturn', data, DAN))).toContain(
      "Only a coordinator or the theme's approver can approve 2.2",
    );
    expect(await h.t.db.prisma.returnReview.count()).toBe(0);

    const approved = await act('approveReturn', data, PRIYA);
    expect(JSON.stringify(approved)).toContain('Approved by Priya Sandhu');
    expect(verbs(approved)).not.toContain('approveReturn');
    expect(await h.t.db.prisma.returnReview.findMany()).toMatchObject([
      { revision: 2, decision: 'approved', by: 'priya-sandhu' },
    ]);
    const before = h.connector.received.length;
    await postActivity(
      h.t.server.url,
      teamsActivity('personal-message', h.connector, { text: 'submit 2.2', ...DAN }),
    );
    const sent = await h.connector.waitFor(before + 1);
    expect(sent[before]?.activity.text).toContain('2.2 2015/16 Q4 was approved by Priya Sandhu');
  });
});
