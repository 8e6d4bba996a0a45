import type { ActionsBlock, Button, KnownBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { Reply, StatusView } from '../../../src/bot/reply.js';
import { escapeMrkdwn } from '../../../src/render/block-kit/escape-mrkdwn.js';
import { truncate } from '../../../src/render/block-kit/truncate.js';
import { renderMessages, SLACK_LIMITS } from '../../../src/render/block-kit/index.js';
import { bigList, item, returnForm, say, statusView } from '../reply-fixtures.js';

interface TextObject {
  type: 'mrkdwn' | 'plain_text';
  text: string;
  verbatim?: boolean;
}

/** Every text object anywhere in a value. */
function textObjects(value: unknown): TextObject[] {
  if (Array.isArray(value)) return value.flatMap(textObjects);
  if (value === null || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  const own =
    (o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string'
      ? [o as unknown as TextObject]
      : [];
  return [...own, ...Object.values(o).flatMap(textObjects)];
}

const buttonsOf = (blocks: KnownBlock[]): Button[] =>
  blocks.flatMap((b) =>
    b.type === 'actions'
      ? ((b as ActionsBlock).elements as Button[])
      : b.type === 'section' && (b as SectionBlock).accessory?.type === 'button'
        ? [(b as SectionBlock).accessory as Button]
        : [],
  );

const sections = (blocks: KnownBlock[]) => blocks.filter((b): b is SectionBlock => b.type === 'section');
const sectionTexts = (blocks: KnownBlock[]) => sections(blocks).map((s) => s.text?.text ?? '');

function only(reply: Reply): KnownBlock[] {
  const messages = renderMessages(reply);
  expect(messages).toHaveLength(1);
  return messages[0]?.blocks ?? [];
}

const status = (over: Partial<StatusView> = {}): Reply => ({ kind: 'status', view: statusView(over) });

/** Mrkdwn with no raw control characters: only &amp; &lt; &gt; may use them. */
const isInertMrkdwn = (text: string) => !/[<>]/.test(text) && !/&(?!amp;|lt;|gt;)/.test(text);

const INJECTION = '<!channel> <@U123> & <b> <!here> <!everyone> <https://evil.example|click>';

const everyKind: [string, Reply][] = [
  ['text', { kind: 'text', text: INJECTION, buttons: [say(INJECTION, INJECTION)] }],
  [
    'status',
    status({
      ref: INJECTION,
      title: INJECTION,
      period: INJECTION,
      theme: INJECTION,
      ragLabel: INJECTION,
      figures: [{ label: INJECTION, value: INJECTION }],
      components: [
        {
          name: INJECTION,
          rag: 'amber',
          ragLabel: INJECTION,
          figures: [{ label: INJECTION, value: INJECTION }],
          headline: true,
        },
      ],
      override: { rag: 'green', ragLabel: INJECTION, reason: INJECTION, by: INJECTION },
      narrative: INJECTION,
      correctiveAction: INJECTION,
      notAvailable: INJECTION,
      submitted: INJECTION,
    }),
  ],
  [
    'list',
    {
      kind: 'list',
      title: INJECTION,
      intro: INJECTION,
      sections: [
        {
          heading: INJECTION,
          items: [item(INJECTION, { detail: INJECTION, rag: 'red', button: say(INJECTION) })],
        },
      ],
    },
  ],
  [
    'returnForm',
    { kind: 'returnForm', form: returnForm({ ref: INJECTION, title: INJECTION, formError: INJECTION }) },
  ],
  [
    'returnStored',
    {
      kind: 'returnStored',
      title: INJECTION,
      message: INJECTION,
      revision: 1,
      status: statusView({ narrative: INJECTION }),
    },
  ],
];

describe('Block Kit messages: escaping', () => {
  it('escapes &, < and > and nothing else', () => {
    expect(escapeMrkdwn('<!channel> <@U123> & <b> "quoted" it\'s')).toBe(
      '&lt;!channel&gt; &lt;@U123&gt; &amp; &lt;b&gt; "quoted" it\'s',
    );
  });

  it.each(everyKind)('%s: every mrkdwn text, and the fallback text, is inert and verbatim', (_, reply) => {
    for (const message of renderMessages(reply)) {
      expect(isInertMrkdwn(message.text)).toBe(true);
      for (const t of textObjects(message.blocks).filter((t) => t.type === 'mrkdwn')) {
        expect(isInertMrkdwn(t.text), t.text).toBe(true);
        expect(t.verbatim).toBe(true);
      }
    }
  });

  it.each(everyKind)('%s: no mention or broadcast token reaches Slack as mrkdwn', (_, reply) => {
    const mrkdwn = renderMessages(reply).flatMap((m) => [
      m.text,
      ...textObjects(m.blocks)
        .filter((t) => t.type === 'mrkdwn')
        .map((t) => t.text),
    ]);
    for (const text of mrkdwn) expect(text).not.toMatch(/<!channel>|<!here>|<!everyone>|<@U/);
  });

  it('puts a narrative into a plain_text section, as typed', () => {
    const blocks = only(status({ narrative: '<!channel> <@U123> & <b>' }));
    const narrative = sections(blocks).find((s) => s.text?.text === '<!channel> <@U123> & <b>');
    expect(narrative?.text?.type).toBe('plain_text');
  });
});

describe('Block Kit messages: limits', () => {
  it('splits a list of 120 items into messages of at most 50 blocks, keeping every item', () => {
    const messages = renderMessages(bigList(120));
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.messageBlocks);
      expect(m.text).toMatch(/\(part \d of \d\)$/);
    }
    const items = messages.flatMap((m) => buttonsOf(m.blocks));
    expect(items).toHaveLength(120);
    expect(items.at(-1)?.value).toBe('status of 12.10');
  });

  it('never ends a page on a section heading', () => {
    const messages = renderMessages(bigList(120));
    for (const m of messages.slice(0, -1)) expect((m.blocks.at(-1) as SectionBlock).accessory).toBeDefined();
  });

  it('truncates a 10,000-character narrative to 3000 with an ellipsis', () => {
    const blocks = only(status({ narrative: 'x'.repeat(10_000) }));
    const narrative = sections(blocks).find((s) => s.text?.text.startsWith('xxx'));
    expect(narrative?.text?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(narrative?.text?.text.endsWith('…')).toBe(true);
  });

  it('keeps every text within its limit, even when escaping lengthens it, and never cuts an entity', () => {
    const long = '<&>'.repeat(4000);
    const reply = status({
      title: long,
      ragLabel: long,
      figures: [{ label: long, value: long }],
      submitted: long,
    });
    for (const t of textObjects(only(reply))) {
      expect(t.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      if (t.type === 'mrkdwn') expect(isInertMrkdwn(t.text)).toBe(true);
    }
    const header = only(reply)[0];
    expect(header?.type).toBe('header');
    expect(textObjects(header)[0]?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
  });

  it('truncates without splitting an emoji or an escaped entity', () => {
    expect(truncate('🔴🔴🔴', 4)).toBe('🔴…');
    expect(truncate('ab&amp;cd', 5)).toBe('ab…');
    expect(truncate('short', 5)).toBe('short');
  });

  it('cuts button text to 75 and values to 2000', () => {
    const blocks = only({ kind: 'text', text: 'Hi', buttons: [say('L'.repeat(200), 's'.repeat(5000))] });
    const [button] = buttonsOf(blocks);
    expect(button?.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
    expect(button?.value?.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
  });

  it('puts at most 25 buttons in an actions block', () => {
    const buttons = Array.from({ length: 30 }, (_, i) => say(`Status of 1.${i}`));
    const actions = only({ kind: 'text', text: 'Pick one', buttons }).filter((b) => b.type === 'actions');
    expect(actions.map((a) => (a as ActionsBlock).elements.length)).toEqual([25, 5]);
  });

  it('always has a fallback text', () => {
    for (const [, reply] of everyKind)
      for (const m of renderMessages(reply)) expect(m.text.trim()).not.toBe('');
    expect(renderMessages({ kind: 'text', text: '' })[0]?.text.trim()).not.toBe('');
  });
});

describe('Block Kit status', () => {
  const blocks = only(
    status({
      override: { rag: 'amber', ragLabel: 'Some concerns', reason: 'Data lag in March', by: 'Jo Bloggs' },
      components: [
        {
          name: 'Violent crime',
          rag: 'red',
          ragLabel: 'Significant concern',
          figures: [{ label: 'YTD', value: '412' }],
          headline: true,
        },
      ],
      notAvailable: 'Data arrives a month late',
    }),
  );
  const all = JSON.stringify(blocks);

  it('starts with a header of ref and title, then period and theme as context', () => {
    expect(blocks[0]).toEqual({
      type: 'header',
      text: expect.objectContaining({ type: 'plain_text', text: '2.2 Reduce anti-social behaviour' }),
    });
    expect(blocks[1]).toMatchObject({
      type: 'context',
      elements: [{ text: '2015/16 Q4 · Safer neighbourhoods' }],
    });
  });

  it.each([
    ['red', 'Significant concern', '🔴 Red — Significant concern'],
    ['amber', 'Some concerns', '🟠 Amber — Some concerns'],
    ['green', 'On target', '🟢 Green — On target'],
    ['none', 'Monitoring only', '⚪ Grey — Monitoring only'],
    ['none', '', '⚪ Grey'],
  ] as const)('shows %s RAG as an emoji and words', (rag, ragLabel, expected) => {
    expect(sectionTexts(only(status({ rag, ragLabel })))[0]).toBe(`*${expected}*`);
  });

  it('shows the figures as two-column fields: label and value', () => {
    const figures = sections(blocks).find((s) => s.fields && !s.text);
    expect(figures?.fields?.map((f) => f.text)).toEqual([
      '*In period*',
      '560',
      '*Year to date*',
      '1,634',
      '*Target to date*',
      '1,074',
    ]);
  });

  it('puts more than five figures into further sections of at most ten fields', () => {
    const figures = Array.from({ length: 12 }, (_, i) => ({ label: `F${i}`, value: String(i) }));
    const withFields = sections(only(status({ figures }))).filter((s) => s.fields);
    expect(withFields.map((s) => s.fields?.length)).toEqual([10, 10, 4]);
  });

  it('shows each component with its RAG and figures', () => {
    const component = sections(blocks).find((s) => s.text?.text.includes('Violent crime'));
    expect(component?.text?.text).toBe('*Violent crime (headline)*\n🔴 Red — Significant concern');
    expect(component?.fields?.map((f) => f.text)).toEqual(['*YTD*', '412']);
  });

  it('shows the override with its RAG, who set it and why', () => {
    expect(sectionTexts(blocks)).toContain(
      '*RAG set to 🟠 Amber — Some concerns* by Jo Bloggs\nData lag in March',
    );
  });

  it('shows commentary, corrective action and "not available" as plain text under a heading', () => {
    for (const [heading, text] of [
      ['*Commentary*', 'Rise linked to the summer events programme.'],
      ['*What is being done about it*', 'Extra patrols in the town centre.'],
      ['*Figures not available yet*', 'Data arrives a month late'],
    ]) {
      const i = blocks.findIndex((b) => b.type === 'section' && (b as SectionBlock).text?.text === heading);
      expect(i).toBeGreaterThan(0);
      expect((blocks[i + 1] as SectionBlock).text).toMatchObject({ type: 'plain_text', text });
    }
  });

  it('says who submitted, and shows the chart with alt text', () => {
    expect(all).toContain('Submitted by Sam Lee on 2016-04-12 (revision 1)');
    expect(blocks.find((b) => b.type === 'image')).toEqual({
      type: 'image',
      image_url: 'https://bot.example/chart?c=abc',
      alt_text: 'Chart of 2.2 Reduce anti-social behaviour by period, up to 2015/16 Q4',
    });
  });

  it('leaves out what is not there', () => {
    const bare = only(
      status({ narrative: null, correctiveAction: null, submitted: null, chartUrl: null, actions: [] }),
    );
    expect(bare.map((b) => b.type)).toEqual(['header', 'context', 'section', 'section']);
  });

  it('turns actions into say:<n> buttons, and "submit …" into open_return', () => {
    const actions = [say('Exceptions'), { label: 'Submit return', say: 'submit 2.2 2015/16 Q4' }];
    expect(buttonsOf(only(status({ actions })))).toEqual([
      expect.objectContaining({
        action_id: 'say:0',
        value: 'exceptions',
        text: expect.objectContaining({ text: 'Exceptions' }),
      }),
      expect.objectContaining({ action_id: 'open_return', value: 'submit 2.2 2015/16 Q4' }),
    ]);
  });

  it('never puts two open_return buttons in one actions block', () => {
    const buttons = ['1.1', '1.2', '1.3'].map((ref) => ({ label: ref, say: `submit ${ref}` }));
    const actions = only({ kind: 'text', text: 'Which one?', buttons }).filter(
      (b): b is ActionsBlock => b.type === 'actions',
    );
    expect(actions).toHaveLength(3);
    for (const a of actions) expect(new Set(a.elements.map((e) => e.action_id)).size).toBe(a.elements.length);
  });
});

describe('Block Kit list, text, return stored and return form message', () => {
  it('shows a list as header, intro, headings and one section per item with its RAG emoji and button', () => {
    const blocks = only(bigList(3));
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Overdue returns' } });
    expect(sectionTexts(blocks).slice(0, 3)).toEqual([
      '3 returns are overdue.',
      '*Theme 1: safer neighbourhoods*',
      '🔴 *1.1 Reduce police recorded ASB incidents*\nSam Lee · due 2016-04-01 · 3 working days late',
    ]);
    expect(sectionTexts(blocks)[4]).toBe(
      '*1.3 Maintain 90% client satisfaction with the ASB service*\nSam Lee · due 2016-04-03 · 3 working days late',
    );
    expect(buttonsOf(blocks).map((b) => [b.action_id, b.value])).toEqual([
      ['say:0', 'status of 1.1'],
      ['say:1', 'status of 1.2'],
      ['say:2', 'status of 1.3'],
    ]);
  });

  it('shows a summary chart as an image block under the intro, leaving out a URL too long for Slack', () => {
    const chart = { url: 'https://perfbot.example.org/chart?c=rag', alt: 'RAG status: Red 4, Amber 1' };
    const blocks = only({ ...bigList(1), image: chart });
    expect(blocks.slice(1, 3)).toEqual([
      expect.objectContaining({ type: 'section' }),
      { type: 'image', image_url: chart.url, alt_text: chart.alt },
    ]);
    const long = only({ ...bigList(1), image: { ...chart, url: `${chart.url}${'x'.repeat(3000)}` } });
    expect(long.some((b) => b.type === 'image')).toBe(false);
  });

  it('shows a text reply as a section and its buttons', () => {
    const blocks = only({ kind: 'text', text: 'Which measure?', buttons: [say('Help')] });
    expect(blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'Which measure?', verbatim: true } },
      { type: 'actions', elements: [expect.objectContaining({ action_id: 'say:0', value: 'help' })] },
    ]);
  });

  it('shows a text reply’s links as link buttons that Slack opens, before its say buttons', () => {
    const url = `https://perf.example/reports/stockton/2015-16-Q4.docx?by=priya-sandhu&expires=1&sig=${'a'.repeat(64)}`;
    const csv = url.replace('.docx', '.csv');
    const blocks = only({
      kind: 'text',
      text: 'Board dashboard.',
      links: [
        { label: 'Word board paper', url },
        { label: 'CSV for analysts', url: csv },
      ],
      buttons: [say('Exceptions')],
    });
    expect(blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'Board dashboard.', verbatim: true } },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            text: expect.objectContaining({ text: 'Word board paper' }),
            action_id: 'link:0',
            url,
          },
          {
            type: 'button',
            text: expect.objectContaining({ text: 'CSV for analysts' }),
            action_id: 'link:1',
            url: csv,
          },
        ],
      },
      { type: 'actions', elements: [expect.objectContaining({ action_id: 'say:0', value: 'exceptions' })] },
    ]);
    // The long URL is on the button, not in verbatim text where Slack would not link it.
    expect(textObjects(blocks).some((t) => t.text.includes('https://'))).toBe(false);
  });

  it('shows a stored return as its message, then the status', () => {
    const blocks = only({
      kind: 'returnStored',
      title: 'Return stored',
      message: 'Thank you & well done',
      revision: 1,
      status: statusView(),
    });
    expect(blocks[0]).toMatchObject({
      type: 'section',
      text: { text: '✅ *Return stored*\nThank you &amp; well done' },
    });
    expect(blocks[1]?.type).toBe('header');
  });

  it('posts a return form as a summary with an "Open return form" button', () => {
    const [section] = only({ kind: 'returnForm', form: returnForm() }) as SectionBlock[];
    expect(section?.text?.text).toBe('*Return for 2.2 2015/16 Q4*\nReduce anti-social behaviour');
    expect(section?.accessory).toMatchObject({
      type: 'button',
      text: { text: 'Open return form' },
      action_id: 'open_return',
      value: 'submit 2.2 2015/16 Q4',
    });
  });
});
