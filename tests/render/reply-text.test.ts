import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/bot/reply.js';
import { replyText } from '../../src/render/reply-text.js';
import { bigList, field, item, returnForm, say, statusView } from './reply-fixtures.js';

const figuresOf = (r: Reply) =>
  ['560', '1,634', '1,074', '439', '315', '336', 'tok-7f3a'].filter((f) => replyText(r).includes(f));

describe('replyText', () => {
  it('gives a text reply as one paragraph', () => {
    expect(replyText({ kind: 'text', text: 'Hello.\n\nTry "status of 2.2".', buttons: [say('Help')] })).toBe(
      'Hello. Try "status of 2.2".',
    );
  });

  it('sums up a status with its RAG in words, without figures or commentary', () => {
    const reply: Reply = { kind: 'status', view: statusView() };
    expect(replyText(reply)).toBe(
      '2.2 Reduce anti-social behaviour, 2015/16 Q4: RED (Significant concern). Submitted by Sam Lee on 2016-04-12 (revision 1).',
    );
    expect(figuresOf(reply)).toEqual([]);
  });

  it('mentions an override, the parts of a multi-part measure and missing figures', () => {
    const view = statusView({
      override: { rag: 'amber', ragLabel: 'Some concerns', reason: 'Recording change', by: 'Jo Bloggs' },
      components: [
        { name: 'Violent crime', rag: 'red', ragLabel: 'Significant concern', figures: [], headline: true },
        { name: 'Sexual offences', rag: 'green', ragLabel: 'On target', figures: [], headline: false },
      ],
      notAvailable: 'Police data late',
      submitted: null,
    });
    expect(replyText({ kind: 'status', view })).toBe(
      '2.2 Reduce anti-social behaviour, 2015/16 Q4: RED (Significant concern); overridden to AMBER (Some concerns) by Jo Bloggs; Violent crime RED, Sexual offences GREEN; figures not available yet.',
    );
  });

  it('says what a return form asks for, never what was typed or its token', () => {
    const fresh: Reply = {
      kind: 'returnForm',
      form: returnForm({ fields: [field('value'), field('rate')] }),
    };
    expect(replyText(fresh)).toBe(
      'Return for 2.2 2015/16 Q4 (Reduce anti-social behaviour): 2 figures and a commentary to enter.',
    );
    const warned: Reply = {
      kind: 'returnForm',
      form: returnForm({
        warnings: ['Are you sure? Last quarter was 336'],
        fields: [field('value', { value: '560' })],
      }),
    };
    expect(replyText(warned)).toBe(
      'Return for 2.2 2015/16 Q4 (Reduce anti-social behaviour): 1 question to confirm before it is stored.',
    );
    expect(figuresOf(warned)).toEqual([]);
    const wrong: Reply = {
      kind: 'returnForm',
      form: returnForm({ formError: 'Please fix the fields marked below' }),
    };
    expect(replyText(wrong)).toBe(
      'Return for 2.2 2015/16 Q4 (Reduce anti-social behaviour): Please fix the fields marked below.',
    );
  });

  it('confirms a stored return with the resulting status', () => {
    const reply: Reply = {
      kind: 'returnStored',
      title: 'Return stored for 2.2 2015/16 Q4',
      message: 'Stored as revision 2 (replaces revision 1)',
      revision: 2,
      status: statusView({ submitted: null }),
    };
    expect(replyText(reply)).toBe(
      'Return stored for 2.2 2015/16 Q4. Stored as revision 2 (replaces revision 1). 2.2 Reduce anti-social behaviour, 2015/16 Q4: RED (Significant concern).',
    );
  });

  it('lists sections and items with their RAG, up to ten items', () => {
    const list: Reply = {
      kind: 'list',
      title: 'Exceptions 2015/16 Q4',
      intro: 'Two measures need attention',
      sections: [
        { heading: 'Red', items: [item('2.2 Reduce ASB', { rag: 'red', detail: '560 against 400' })] },
        { heading: 'Amber', items: [item('1.4 Repeat victims', { rag: 'amber' }), item('1.5 Hate crime')] },
      ],
    };
    expect(replyText(list)).toBe(
      'Exceptions 2015/16 Q4. Two measures need attention. Red: 2.2 Reduce ASB (RED); Amber: 1.4 Repeat victims (AMBER), 1.5 Hate crime.',
    );
    const long = replyText(bigList(60));
    expect(long).toMatch(/^Overdue returns\. 60 returns are overdue\. Theme 1: .*And 50 more\.$/);
    expect(long).not.toContain('\n');
    expect(replyText({ kind: 'list', title: 'Overdue returns', intro: null, sections: [] })).toBe(
      'Overdue returns. Nothing to list.',
    );
  });
});
