import type { ContextBlock, InputBlock, KnownBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { ReturnFormView } from '../../../src/bot/reply.js';
import { modalErrors, returnFormModal, SLACK_LIMITS } from '../../../src/render/block-kit/index.js';
import { field, returnForm } from '../reply-fixtures.js';

const METADATA = JSON.stringify({ ref: '2.2', period: '2015/16 Q4', token: 'tok-7f3a' });

const modal = (over: Partial<ReturnFormView> = {}) => returnFormModal(returnForm(over), METADATA);
const blocksOf = (over: Partial<ReturnFormView> = {}) => modal(over).blocks as KnownBlock[];
const inputs = (over: Partial<ReturnFormView> = {}) =>
  blocksOf(over).filter((b): b is InputBlock => b.type === 'input');
const input = (blockId: string, over: Partial<ReturnFormView> = {}) => {
  const found = inputs(over).find((b) => b.block_id === blockId);
  if (!found) throw new Error(`no input ${blockId}`);
  return found;
};
const texts = (blocks: KnownBlock[]) =>
  blocks.flatMap((b) =>
    b.type === 'section'
      ? [(b as SectionBlock).text?.text ?? '']
      : b.type === 'context'
        ? (b as ContextBlock).elements.map((e) => ('text' in e ? e.text : ''))
        : [],
  );

/** Two figures, one of them a percentage. */
const twoFields = () => [
  field('cases', { label: 'Cases', value: '1,234', whole: true, min: 0 }),
  field('rate', { label: 'Rate', value: '12.5', whole: false, min: 0, max: 100 }),
];

describe('return form modal', () => {
  it('is a return_submit modal titled "Return 2.2", with Submit, Cancel and the metadata given', () => {
    expect(modal()).toMatchObject({
      type: 'modal',
      callback_id: 'return_submit',
      title: { type: 'plain_text', text: 'Return 2.2' },
      submit: { type: 'plain_text', text: 'Submit' },
      close: { type: 'plain_text', text: 'Cancel' },
      private_metadata: METADATA,
    });
  });

  it('asks to Confirm when there are plausibility questions, and shows them in a section', () => {
    const m = returnFormModal(
      returnForm({ warnings: ['560 is 78% more than last quarter (315): is that right?'] }),
      METADATA,
    );
    expect(m.submit?.text).toBe('Confirm');
    expect(texts(m.blocks as KnownBlock[]).join('\n')).toContain(
      '• 560 is 78% more than last quarter (315): is that right?',
    );
  });

  it('keeps the title within 24 characters however long the reference', () => {
    expect(modal({ ref: '12.345.6789-long-reference' }).title.text.length).toBeLessThanOrEqual(
      SLACK_LIMITS.modalTitle,
    );
  });

  it('refuses private_metadata over 3000 characters rather than cutting it', () => {
    expect(() => returnFormModal(returnForm(), 'x'.repeat(3001))).toThrow(/private_metadata/);
  });

  it('refuses a form that would need more than 100 blocks', () => {
    const fields = Array.from({ length: 100 }, (_, i) => field(`figure.part${i}`));
    expect(() => modal({ fields })).toThrow(/100/);
  });

  it('shows the context lines, the form error and the preview, escaped', () => {
    const all = texts(
      blocksOf({
        formError: 'Please fix <the> fields & try again',
        preview: { rag: 'red', text: 'Would be RED (Significant concern): +560 against the target to date' },
      }),
    );
    expect(all).toEqual(
      expect.arrayContaining([
        'Last quarter (2015/16 Q3): 439',
        'Same quarter last year (2014/15 Q4): 315',
        '⚠️ *Please fix &lt;the&gt; fields &amp; try again*',
        '🔴 Would be RED (Significant concern): +560 against the target to date',
      ]),
    );
  });

  it('adds the RAG word to a preview that does not say it', () => {
    expect(texts(blocksOf({ preview: { rag: 'green', text: '-12 against target' } }))).toContain(
      '🟢 Green: -12 against target',
    );
  });

  it('does not draw field errors: Slack shows them from response_action errors', () => {
    const all = JSON.stringify(
      blocksOf({ fields: [field('value', { error: 'Not a number: enter digits' })] }),
    );
    expect(all).not.toContain('Not a number');
  });

  it('has one optional number input per field, block_id = the field key, action_id value, labelled with the unit', () => {
    const over = { fields: twoFields() };
    expect(inputs(over).map((b) => b.block_id)).toEqual([
      'figure.cases',
      'figure.rate',
      'narrative',
      'correctiveAction',
      'notAvailable',
      'notAvailableReason',
      'expected',
    ]);
    expect(input('figure.cases', over)).toMatchObject({
      optional: true,
      label: { type: 'plain_text', text: 'Cases (incidents)' },
      element: {
        type: 'number_input',
        action_id: 'value',
        is_decimal_allowed: false,
        min_value: '0',
        initial_value: '1234',
      },
    });
    expect(input('figure.cases', over).element).not.toHaveProperty('max_value');
    expect(input('figure.rate', over).element).toMatchObject({
      is_decimal_allowed: true,
      min_value: '0',
      max_value: '100',
      initial_value: '12.5',
    });
  });

  it.each([
    ['not a number', 'lots', true],
    ['a decimal in a whole-number field', '2.5', true],
    ['above the maximum', '120', false],
    ['a decimal comma', '25,5', false],
    ['a European figure', '1.000,00', false],
  ])('leaves the initial value out when what was typed is %s', (_, value, whole) => {
    const f = field('value', { value, whole, min: 0, max: 100 });
    expect(inputs({ fields: [f] })[0]?.element).not.toHaveProperty('initial_value');
  });

  it('asks for commentary in a multiline plain text input with its length limit and what was typed', () => {
    expect(
      input('narrative', { narrative: { value: 'Rise <!channel>', error: null, maxLength: 2000 } }),
    ).toMatchObject({
      optional: true,
      label: { text: 'Commentary (required, up to 2000 characters)' },
      element: {
        type: 'plain_text_input',
        action_id: 'value',
        multiline: true,
        max_length: 2000,
        initial_value: 'Rise <!channel>',
      },
    });
  });

  it('says when corrective action is required', () => {
    const required = { correctiveAction: { required: true, value: '', error: null } };
    expect(input('correctiveAction', required).label.text).toBe('What is being done about it (required)');
    expect(input('correctiveAction').label.text).toBe('What is being done about it (optional)');
  });

  it('offers "Figures not available yet" with a reason and an expected date', () => {
    const over = {
      notAvailable: { checked: true, reason: 'Data late', expected: '2016-05-24', error: null },
    };
    const option = { text: expect.objectContaining({ text: 'Figures not available yet' }), value: 'true' };
    expect(input('notAvailable', over).element).toEqual({
      type: 'checkboxes',
      action_id: 'value',
      options: [option],
      initial_options: [option],
    });
    expect(input('notAvailableReason', over).element).toMatchObject({
      type: 'plain_text_input',
      initial_value: 'Data late',
    });
    expect(input('expected', over).element).toEqual({
      type: 'datepicker',
      action_id: 'value',
      initial_date: '2016-05-24',
    });
    expect(input('notAvailable').element).not.toHaveProperty('initial_options');
    expect(input('expected').element).not.toHaveProperty('initial_date');
  });
});

describe('modalErrors', () => {
  it('is null when no field has an error, even with a form-wide error', () => {
    expect(modalErrors(returnForm({ formError: 'Someone else changed this return' }))).toBeNull();
  });

  it('maps each error to the block_id of its input', () => {
    const form = returnForm({
      fields: [
        field('cases', { error: '"lots" is not a number: enter digits only, e.g. 336' }),
        field('rate'),
      ],
      narrative: { value: '', error: 'Add a short commentary', maxLength: 2000 },
      correctiveAction: { required: true, value: '', error: 'Say what is being done about it' },
    });
    expect(modalErrors(form)).toEqual({
      'figure.cases': '"lots" is not a number: enter digits only, e.g. 336',
      narrative: 'Add a short commentary',
      correctiveAction: 'Say what is being done about it',
    });
  });

  it('puts a missing reason on notAvailableReason and a bad date on expected', () => {
    const missingReason = returnForm({
      notAvailable: { checked: true, reason: '', expected: '', error: 'Say why' },
    });
    const badDate = returnForm({
      notAvailable: { checked: true, reason: 'Late', expected: '31/02', error: 'Not a date' },
    });
    expect(modalErrors(missingReason)).toEqual({ notAvailableReason: 'Say why' });
    expect(modalErrors(badDate)).toEqual({ expected: 'Not a date' });
  });

  it('only names block_ids that exist in the modal', () => {
    const form = returnForm({
      fields: [field('value', { error: 'Enter the figure' })],
      narrative: { value: '', error: 'Add a commentary', maxLength: 2000 },
      notAvailable: { checked: true, reason: '', expected: '', error: 'Say why' },
      correctiveAction: { required: true, value: '', error: 'Say what is being done' },
    });
    const ids = new Set(returnFormModal(form, METADATA).blocks.map((b) => b.block_id));
    for (const id of Object.keys(modalErrors(form) ?? {})) expect(ids.has(id), id).toBe(true);
  });
});
