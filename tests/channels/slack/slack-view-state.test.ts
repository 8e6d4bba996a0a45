import { readFileSync } from 'node:fs';
import type { InputBlock } from '@slack/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReturnFormView } from '../../../src/bot/reply.js';
import { typedFromViewState } from '../../../src/channels/slack/view-state.js';
import { modalErrors, returnFormModal } from '../../../src/render/block-kit/index.js';
import { botSession, only, type BotSession } from '../../helpers/bot-session.js';
import { field, returnForm } from '../../render/reply-fixtures.js';

const viewSubmission = JSON.parse(
  readFileSync(new URL('../../fixtures/slack/view_submission.json', import.meta.url), 'utf8'),
) as { view: { state: unknown; callback_id: string } };

type ElementState = {
  type: string;
  value?: string | null;
  selected_date?: string | null;
  selected_options?: { value: string }[];
};

/** What Slack would send back for a modal: each input's element, filled in by `answer`. */
function stateFor(blocks: InputBlock[], answer: (blockId: string, type: string) => Partial<ElementState>) {
  const values: Record<string, Record<string, ElementState>> = {};
  for (const b of blocks) {
    const { type, action_id } = b.element as { type: string; action_id: string };
    values[b.block_id as string] = { [action_id]: { type, ...answer(b.block_id as string, type) } };
  }
  return { values };
}

describe('typedFromViewState', () => {
  it('reads a real view_submission into the typed map the card path uses', () => {
    expect(viewSubmission.view.callback_id).toBe('return_submit');
    expect(typedFromViewState(viewSubmission.view.state)).toEqual({
      'figure.value': '560',
      narrative: 'Rise linked to the summer events programme. <!channel> please read & act',
      correctiveAction: '',
      notAvailable: 'false',
      notAvailableReason: '',
      expected: '',
    });
  });

  it('round-trips a modal: every input comes back under its card name', () => {
    const form = returnForm({
      fields: [field('cases'), field('rate.numerator'), field('rate.denominator')],
    });
    const inputs = returnFormModal(form, '{}').blocks.filter((b): b is InputBlock => b.type === 'input');
    const state = stateFor(inputs, (blockId, type) =>
      type === 'checkboxes'
        ? { selected_options: [{ value: 'true' }] }
        : type === 'datepicker'
          ? { selected_date: '2016-05-24' }
          : { value: `typed ${blockId}` },
    );
    expect(typedFromViewState(state)).toEqual({
      'figure.cases': 'typed figure.cases',
      'figure.rate.numerator': 'typed figure.rate.numerator',
      'figure.rate.denominator': 'typed figure.rate.denominator',
      narrative: 'typed narrative',
      correctiveAction: 'typed correctiveAction',
      notAvailable: 'true',
      notAvailableReason: 'typed notAvailableReason',
      expected: '2016-05-24',
    });
  });

  it('ignores blocks that are not the return form inputs', () => {
    const state = { values: { something_else: { value: { type: 'plain_text_input', value: 'x' } } } };
    expect(typedFromViewState(state)).toEqual({});
  });

  it('refuses a payload that is not a view state', () => {
    expect(() => typedFromViewState({ values: { narrative: { value: { value: 3 } } } })).toThrow();
    expect(() => typedFromViewState(undefined)).toThrow();
  });
});

describe('a return submitted through the modal', () => {
  let s: BotSession;
  beforeEach(async () => {
    s = await botSession();
  });
  afterEach(async () => {
    await s.close();
  });

  /** Fill in the modal for `form` as Slack would report it, and hand the typed map to the conversation. */
  async function submitModal(form: ReturnFormView, typed: Record<string, string>) {
    const inputs = returnFormModal(form, '{}').blocks.filter((b): b is InputBlock => b.type === 'input');
    const state = stateFor(inputs, (blockId, type) =>
      type === 'checkboxes'
        ? { selected_options: [] }
        : type === 'datepicker'
          ? { selected_date: null }
          : { value: typed[blockId] ?? null },
    );
    const data = { ref: form.ref, period: form.period, token: form.token, ...typedFromViewState(state) };
    return s.act('dan-mercer', { verb: 'submitReturn', data });
  }

  it('stores the return the card path would store', async () => {
    const form = only(await s.say('dan-mercer', 'submit 2.2'), 'returnForm').form;
    const replies = await submitModal(form, {
      'figure.value': '500',
      narrative: '500 offences; the night-time economy again.',
      correctiveAction: 'Extra patrols on Friday and Saturday nights.',
    });

    expect(only(replies, 'returnStored').status.narrative).toBe(
      '500 offences; the night-time economy again.',
    );
    expect(await s.revisions('2.2', '2015/16 Q4')).toHaveLength(2);
  });

  it('sends a missing commentary back as an error on the narrative block', async () => {
    const form = only(await s.say('dan-mercer', 'submit 2.2'), 'returnForm').form;
    const back = only(await submitModal(form, { 'figure.value': '500' }), 'returnForm').form;

    expect(modalErrors(back)).toMatchObject({ narrative: expect.stringContaining('commentary') });
    expect(await s.revisions('2.2', '2015/16 Q4')).toHaveLength(1);
  });
});
