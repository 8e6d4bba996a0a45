// The rank, rolling-12-month and RAG-word measures through the conversation, as an owner and the
// coordinator use them: "status of 5", the return card's position and group size, bad input sent back
// with nothing stored, and the partnership's own words for the RAGs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StatusView } from '../../src/bot/reply.js';
import { renderAdaptiveCard } from '../../src/render/adaptive-card/index.js';
import { returnFormModal } from '../../src/render/block-kit/index.js';
import { botSession, only, type BotSession } from '../helpers/bot-session.js';
import { edit, measureKindsPlanYaml } from '../helpers/plan-text.js';
import { byId } from '../render/card-walk.js';

const AUGUST_2017 = { today: '2017-08-01', now: new Date('2017-08-01T09:00:00Z') } as const;
const OCTOBER_2017 = { today: '2017-10-20', now: new Date('2017-10-20T09:00:00Z') } as const;

let s: BotSession;
afterEach(async () => {
  await s.close();
});

const figures = (view: StatusView) => Object.fromEntries(view.figures.map((f) => [f.label, f.value]));

async function statusCard(text: string, opts = AUGUST_2017): Promise<StatusView> {
  return only(await s.say('ana-owner', text, opts), 'status').view;
}

/** Ana submits the rank's 2017/18 Q2 return card with these inputs, as typed. */
const submitRank = (position: string, groupSize: string, narrative: string) =>
  s.act(
    'ana-owner',
    {
      verb: 'submitReturn',
      data: {
        ref: '5',
        period: '2017/18 Q2',
        token: '0.x',
        'figure.value': position,
        'figure.value.groupSize': groupSize,
        narrative,
      },
    },
    OCTOBER_2017,
  );

describe('a rank, asked for by a reference without a dot', () => {
  beforeEach(async () => {
    s = await botSession({ planText: measureKindsPlanYaml() });
  });

  it('shows "5th of 15" against last year’s 7th of 14, in the partnership’s words (seed 004, 4.1)', async () => {
    const view = await statusCard('status of 5 2017/18 Q1');
    expect(view).toMatchObject({
      ref: '5',
      period: '2017/18 Q1',
      rag: 'green',
      ragLabel: 'Generally satisfied',
    });
    expect(figures(view)).toMatchObject({
      'In period': '5th of 15',
      'Target to date': '7th',
      'Same period last year': '7th of 14 · change up 2 places, improving',
    });
  });

  it.each(['status 5 2017/18 Q1', 'how is 5 doing', 'Q1 2017/18 status of 5?'])(
    'reads %j as 5',
    async (text) => {
      expect((await statusCard(text)).ref).toBe('5');
    },
  );

  it('asks for the position and the group size, the group starting as the plan’s 15', async () => {
    const form = only(await s.say('ana-owner', 'submit 5 2017/18 Q2', OCTOBER_2017), 'returnForm').form;
    expect(form.fields.map((f) => [f.key, f.label, f.value])).toEqual([
      ['figure.value', 'Position in the group (1 = best)', ''],
      ['figure.value.groupSize', 'Members in the comparison group', '15'],
    ]);
    expect(form.context).toContain('Last quarter (2017/18 Q1): 5th of 15');
  });

  it('draws the two inputs on the Teams card and the Slack modal, pre-filling the group size', async () => {
    const form = only(await s.say('ana-owner', 'submit 5 2017/18 Q2', OCTOBER_2017), 'returnForm');
    const card = renderAdaptiveCard(form);
    expect(byId(card, 'figure.value')).toMatchObject({ label: 'Position in the group (1 = best)' });
    expect(byId(card, 'figure.value.groupSize')).toMatchObject({
      label: 'Members in the comparison group',
      value: '15',
    });
    const modal = returnFormModal(form.form, 'meta');
    const inputs = modal.blocks.filter((b) => b.type === 'input' && b.block_id?.startsWith('figure.'));
    expect(inputs.map((b) => [b.block_id, (b as { label: { text: string } }).label.text])).toEqual([
      ['figure.value', 'Position in the group (1 = best)'],
      ['figure.value.groupSize', 'Members in the comparison group'],
    ]);
  });

  it('sends a position outside the group back beside the field, storing nothing', async () => {
    const replies = await submitRank('16', '15', 'Slipped');
    const form = only(replies, 'returnForm').form;
    expect(form.fields.find((f) => f.key === 'figure.value')?.error).toBe(
      '16th of 15 is not a position: the group has 15 members',
    );
    expect(form.formError).toBe('Please fix the fields marked below; nothing has been stored yet.');
    expect(await s.revisions('5', '2017/18 Q2')).toEqual([]);
  });

  it('sends a group size that is not one back beside the group size', async () => {
    const replies = await submitRank('4', '1', 'One');
    const form = only(replies, 'returnForm').form;
    expect(form.fields.find((f) => f.key === 'figure.value.groupSize')?.error).toBe(
      '1 is not a group size: enter how many are in the comparison group, e.g. 15',
    );
    expect(await s.revisions('5', '2017/18 Q2')).toEqual([]);
  });

  it('stores the group size with the return, and the card then reads "4th of 16"', async () => {
    const replies = await submitRank('4', '16', 'The family group gained a member');
    const stored = only(replies, 'returnStored');
    expect(figures(stored.status)['In period']).toBe('4th of 16');
    const [revision] = await s.revisions('5', '2017/18 Q2');
    expect(revision?.figures).toEqual({ value: { position: 4, groupSize: 16 } });
    const again = only(await s.say('ana-owner', 'submit 5 2017/18 Q2', OCTOBER_2017), 'returnForm').form;
    expect(again.fields.map((f) => f.value)).toEqual(['4', '16']);
  });

  it('names the override in the partnership’s words', async () => {
    const replies = await s.say(
      'cole-coordinator',
      'override 5 2017/18 Q1 to red because the group was re-drawn',
      AUGUST_2017,
    );
    expect(only(replies, 'text').text).toContain(
      'now shows RED (Area of significant concern) instead of the computed GREEN (Generally satisfied)',
    );
    const view = await statusCard('status of 5 2017/18 Q1');
    expect(view.override).toMatchObject({ rag: 'red', ragLabel: 'Area of significant concern' });
  });
});

describe('a rolling 12 months from monthly returns (seed 003, 5.2)', () => {
  it('shows the 12 months to the quarter’s end against the baseline', async () => {
    s = await botSession({ planText: measureKindsPlanYaml() });
    const view = await statusCard('status 5.2 2012/13 Q2');
    expect(view.ragLabel).toBe('Generally satisfied');
    expect(figures(view)).toMatchObject({
      'Rolling 12 months': '26',
      Baseline: '−8 (−23.5%) against 34 — 2011/12: 34 individuals victim on three or more occasions',
    });
    expect(figures(view)['Year to date']).toBeUndefined();
  });

  it('says which of last year’s months are missing instead of a partial total', async () => {
    s = await botSession({ planText: measureKindsPlanYaml() });
    const view = await statusCard('status 5.2 2012/13 Q3');
    expect(figures(view)).toMatchObject({
      'Rolling 12 months': '22',
      'Same period last year': 'Incomplete: no return for 2011-01 to 2011-03',
    });
  });

  it('says which month is missing, and gives no RAG, when a month of the 12 has no return', async () => {
    s = await botSession({
      planText: edit(measureKindsPlanYaml(), "  - { ref: '5.2', period: '2012-08', value: 1 }\n", ''),
    });
    const view = await statusCard('status 5.2 2012/13 Q2');
    expect(view).toMatchObject({ rag: 'none', ragLabel: 'Months missing' });
    expect(figures(view)['Rolling 12 months']).toBe('Incomplete: no return for 2012-08');
  });

  it('asks its owner for one month, and compares it with months, not 12-month totals', async () => {
    s = await botSession({ planText: measureKindsPlanYaml() });
    const form = only(
      await s.say('ana-owner', 'submit 5.2 2013-01', {
        today: '2013-02-20',
        now: new Date('2013-02-20T09:00:00Z'),
      }),
      'returnForm',
    ).form;
    expect(form.context).toEqual(['Last month (2012-12): 1', 'Same month last year (2012-01): 2']);
  });
});
