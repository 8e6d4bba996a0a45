import * as AC from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import { CARD_VERBS, type Reply } from '../../../src/bot/reply.js';
import {
  cardAttachment,
  renderAdaptiveCard,
  type AdaptiveCard,
} from '../../../src/render/adaptive-card/index.js';
import { cardBytes, MAX_CARD_BYTES } from '../../../src/render/adaptive-card/card-size.js';
import { shownText } from '../card-markdown.js';
import { byId, nextSibling, ofType, texts, typedObjects } from '../card-walk.js';
import { bigList, field, item, returnForm, say, statusView } from '../reply-fixtures.js';

/** The Adaptive Card 1.5 types these cards are allowed to use. */
const KNOWN_TYPES = new Set([
  'AdaptiveCard',
  'TextBlock',
  'Container',
  'ColumnSet',
  'Column',
  'FactSet',
  'Image',
  'ActionSet',
  'Input.Number',
  'Input.Text',
  'Input.Toggle',
  'Input.Date',
  'Action.Execute',
  'Action.Submit',
  'Action.OpenUrl',
]);

const statusReply = (over = {}): Reply => ({ kind: 'status', view: statusView(over) });
const formReply = (over = {}): Reply => ({ kind: 'returnForm', form: returnForm(over) });

const everyKind: [string, Reply][] = [
  ['text', { kind: 'text', text: 'Hello', buttons: [say('Help')] }],
  [
    'text with links',
    { kind: 'text', text: 'Downloads', links: [{ label: 'CSV', url: 'https://perf.example/r.csv' }] },
  ],
  ['status', statusReply({ components: [], override: null, chartUrl: null })],
  [
    'multi-part status with override',
    statusReply({
      components: [
        { name: 'Violent crime', rag: 'red', ragLabel: 'Significant concern', figures: [], headline: true },
        {
          name: 'Rate',
          rag: 'green',
          ragLabel: 'On target',
          figures: [{ label: 'YTD', value: '3.1' }],
          headline: false,
        },
      ],
      override: { rag: 'amber', ragLabel: 'Some concerns', reason: 'Data lag', by: 'Jo Bloggs' },
    }),
  ],
  ['returnForm', formReply()],
  ['returnForm with warnings and errors', formReply({ warnings: ['Are you sure?'], formError: 'Fix below' })],
  [
    'returnStored',
    { kind: 'returnStored', title: 'Return stored', message: 'Stored', revision: 1, status: statusView() },
  ],
  ['list', bigList(12)],
];

const executes = (card: AdaptiveCard) => ofType(card, 'Action.Execute');

describe('every card', () => {
  it.each(everyKind)('%s is an Adaptive Card 1.5 made only of known element and action types', (_, reply) => {
    const card = renderAdaptiveCard(reply);
    expect(card).toMatchObject({
      type: 'AdaptiveCard',
      version: '1.5',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    });
    const unknown = typedObjects(card).filter((e) => !KNOWN_TYPES.has(e.type));
    expect(unknown).toEqual([]);
  });

  it.each(everyKind)('%s has no nulls and no unfilled template expressions', (_, reply) => {
    const json = JSON.stringify(renderAdaptiveCard(reply));
    expect(json).not.toContain('null');
    expect(json).not.toContain('${');
    expect(json).not.toContain('$when');
    expect(json).not.toContain('$data');
  });

  it.each(everyKind)(
    '%s gives every Action.Execute a verb and an Action.Submit fallback with the same data',
    (_, r) => {
      for (const action of executes(renderAdaptiveCard(r))) {
        expect(CARD_VERBS).toContain(action.verb);
        expect(action.fallback).toEqual({
          type: 'Action.Submit',
          title: action.title,
          data: { ...(action.data as object), verb: action.verb },
          associatedInputs: action.associatedInputs,
          ...(action.style ? { style: action.style } : {}),
        });
      }
    },
  );

  it('is sent as an Adaptive Card attachment', () => {
    const reply: Reply = { kind: 'text', text: 'Hello' };
    expect(cardAttachment(reply)).toEqual({
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: renderAdaptiveCard(reply),
    });
  });

  it('shows user text literally: template syntax in data is not evaluated', () => {
    const evil = 'Up ${evil} and {{x}} and ${$root.token} <b>&amp;';
    const shown = (card: AdaptiveCard) => texts(card).map(shownText);
    const status = renderAdaptiveCard(
      statusReply({ narrative: evil, title: '${title}', actions: [say('Go', evil)] }),
    );
    expect(shown(status)).toContain(evil);
    expect(texts(status)[0]).toBe('2.2 ${title}');
    expect(executes(status)[0]?.data).toEqual({ say: evil });
    const form = renderAdaptiveCard(formReply({ narrative: { value: evil, error: null, maxLength: 2000 } }));
    expect(byId(form, 'narrative').value).toBe(evil);
    expect(shown(renderAdaptiveCard({ kind: 'text', text: evil }))).toEqual([evil]);
    const list = renderAdaptiveCard({
      kind: 'list',
      title: evil,
      intro: null,
      sections: [{ heading: evil, items: [item(evil, { detail: evil })] }],
    });
    expect(shown(list).filter((t) => t === evil)).toHaveLength(4);
  });
});

describe('status card', () => {
  const multiPart = statusView({
    components: [
      {
        name: 'Violent crime',
        rag: 'red',
        ragLabel: 'Significant concern',
        figures: [{ label: 'In period', value: '212' }],
        headline: true,
      },
      {
        name: 'Sexual offences',
        rag: 'green',
        ragLabel: 'On target',
        figures: [{ label: 'In period', value: '31' }],
        headline: false,
      },
    ],
    override: {
      rag: 'amber',
      ragLabel: 'Some concerns',
      reason: 'Recording change in January',
      by: 'Jo Bloggs',
    },
  });
  const card = renderAdaptiveCard({ kind: 'status', view: multiPart });

  it('shows the reference, title, period and theme', () => {
    expect(texts(card).slice(0, 2)).toEqual([
      '2.2 Reduce anti-social behaviour',
      '2015/16 Q4 · Safer neighbourhoods',
    ]);
  });

  it('shows RAG in words and colour together, in a column set', () => {
    const rag = ofType(card, 'ColumnSet')
      .flatMap((cs) => typedObjects(cs))
      .find((t) => t.text === '● RED — Significant concern');
    expect(rag).toMatchObject({ type: 'TextBlock', color: 'attention' });
  });

  it.each([
    ['green', 'On target', '● GREEN — On target', 'good'],
    ['amber', 'Some concerns', '● AMBER — Some concerns', 'warning'],
    ['red', 'Significant concern', '● RED — Significant concern', 'attention'],
    ['none', 'Monitoring only', '● GREY — Monitoring only', 'default'],
  ] as const)('%s reads "%s" as %s in the %s colour', (rag, ragLabel, text, color) => {
    const c = renderAdaptiveCard(statusReply({ rag, ragLabel }));
    expect(ofType(c, 'TextBlock').find((t) => t.text === text)).toMatchObject({ color });
  });

  it('lists the figures as facts', () => {
    expect(ofType(card, 'FactSet')[0]?.facts).toEqual([
      { title: 'In period', value: '560' },
      { title: 'Year to date', value: '1,634' },
      { title: 'Target to date', value: '1,074' },
    ]);
  });

  it('shows each component with its own RAG and figures', () => {
    const all = texts(card);
    expect(all).toContain('Violent crime (headline)');
    expect(all).toContain('Sexual offences');
    expect(ofType(card, 'TextBlock').find((t) => t.text === '● GREEN — On target')).toMatchObject({
      color: 'good',
    });
    expect(ofType(card, 'FactSet').map((f) => f.facts)).toContainEqual([
      { title: 'In period', value: '212' },
    ]);
    expect(ofType(card, 'FactSet').map((f) => f.facts)).toContainEqual([{ title: 'In period', value: '31' }]);
  });

  it('shows the override with its RAG, reason and who set it', () => {
    expect(ofType(card, 'TextBlock').find((t) => t.text === '● AMBER — Some concerns')).toMatchObject({
      color: 'warning',
    });
    expect(texts(card)).toEqual(expect.arrayContaining(['Recording change in January', 'Set by Jo Bloggs']));
  });

  it('shows commentary, corrective action and who submitted', () => {
    expect(texts(card)).toEqual(
      expect.arrayContaining([
        'Rise linked to the summer events programme.',
        'Extra patrols in the town centre.',
        'Submitted by Sam Lee on 2016-04-12 (revision 1)',
      ]),
    );
  });

  it('says when figures are not available', () => {
    const c = renderAdaptiveCard(statusReply({ notAvailable: 'Police data late (expected 2016-05-01)' }));
    expect(texts(c)).toEqual(
      expect.arrayContaining(['Figures not available', 'Police data late (expected 2016-05-01)']),
    );
  });

  it('includes the chart with alt text describing it', () => {
    expect(ofType(card, 'Image')).toEqual([
      expect.objectContaining({
        url: 'https://bot.example/chart?c=abc',
        altText: 'Chart of 2.2 Reduce anti-social behaviour by period, up to 2015/16 Q4',
      }),
    ]);
  });

  it('leaves out chart, override, commentary and facts that are not there', () => {
    const bare = renderAdaptiveCard(
      statusReply({
        chartUrl: null,
        narrative: null,
        correctiveAction: '',
        submitted: null,
        figures: [],
        actions: [],
      }),
    );
    expect(ofType(bare, 'Image')).toEqual([]);
    expect(ofType(bare, 'FactSet')).toEqual([]);
    expect(texts(bare)).toEqual([
      '2.2 Reduce anti-social behaviour',
      '2015/16 Q4 · Safer neighbourhoods',
      'Status',
      '● RED — Significant concern',
    ]);
  });

  it('turns each suggested action into a button that says its text', () => {
    expect(card.actions).toEqual([
      expect.objectContaining({
        type: 'Action.Execute',
        title: 'Exceptions',
        verb: 'say',
        data: { say: 'exceptions' },
      }),
      expect.objectContaining({
        type: 'Action.Execute',
        title: 'Status of 2.1',
        verb: 'say',
        data: { say: 'status of 2.1' },
      }),
    ]);
    expect(card.actions?.[0]?.fallback).toMatchObject({
      type: 'Action.Submit',
      data: { verb: 'say', say: 'exceptions' },
    });
  });
});

describe('return form card', () => {
  const form = returnForm({
    unitLabel: '%',
    fields: [
      field('value', {
        label: 'Repeat victims',
        value: '12.5',
        min: 0,
        max: 100,
        error: 'Use a percentage from 0 to 100',
      }),
      field('cases', { label: 'Cases', value: '1,234' }),
      field('other', { label: 'Other', value: 'lots' }),
    ],
    narrative: { value: 'Improving.', error: 'Say why the figure changed', maxLength: 2000 },
    notAvailable: {
      checked: true,
      reason: 'Awaiting police data',
      expected: '2016-05-01',
      error: 'Give a date',
    },
    correctiveAction: { required: true, value: '', error: 'Say what is being done' },
    preview: { rag: 'red', text: '+560 (+52.4%) against target to date' },
    formError: 'Please fix the fields marked below',
  });
  const card = renderAdaptiveCard({ kind: 'returnForm', form });

  it('starts with the form error in the attention colour, then the title', () => {
    expect(card.body[0]).toMatchObject({
      type: 'TextBlock',
      text: 'Please fix the fields marked below',
      color: 'attention',
    });
    expect(texts(card)).toContain('Return for 2.2 2015/16 Q4');
  });

  it('shows the context lines', () => {
    expect(texts(card)).toEqual(
      expect.arrayContaining(['Last quarter (2015/16 Q3): 439', 'Same quarter last year (2014/15 Q4): 315']),
    );
  });

  it('has one text input per figure, named figure.<key>, labelled with the unit', () => {
    const inputs = ofType(card, 'Input.Text').filter((i) => String(i.id).startsWith('figure.'));
    expect(inputs.map((i) => i.id)).toEqual(['figure.value', 'figure.cases', 'figure.other']);
    expect(inputs.map((i) => i.label)).toEqual(['Repeat victims (%)', 'Cases (%)', 'Other (%)']);
    expect(inputs.every((i) => i.isRequired === false)).toBe(true);
  });

  it('keeps what was typed, as typed', () => {
    expect(byId(card, 'figure.value').value).toBe('12.5');
    expect(byId(card, 'figure.cases').value).toBe('1,234');
    expect(byId(card, 'figure.other').value).toBe('lots');
  });

  it.each(['25,5', '1.000,00', '1 000,00', 'abc', '-3', '140'])(
    'keeps "%s" in the box for the owner to correct: nothing typed is lost, no number is guessed',
    (value) => {
      const typed = renderAdaptiveCard({
        kind: 'returnForm',
        form: returnForm({ fields: [field('value', { value })] }),
      });
      expect(byId(typed, 'figure.value').value).toBe(value);
    },
  );

  it('leaves limits to the server, which says what is wrong: no min or max blocks Submit silently', () => {
    expect(byId(card, 'figure.value')).not.toHaveProperty('min');
    expect(byId(card, 'figure.value')).not.toHaveProperty('max');
  });

  it('shows a field error directly under its input', () => {
    const input = byId(card, 'figure.value');
    expect(input.errorMessage).toBe('Use a percentage from 0 to 100');
    expect(nextSibling(card, input)).toMatchObject({
      type: 'TextBlock',
      text: 'Use a percentage from 0 to 100',
      color: 'attention',
    });
    expect(nextSibling(card, byId(card, 'figure.cases'))).toBeUndefined();
  });

  it('asks for commentary with its length limit, and shows its error under it', () => {
    const narrative = byId(card, 'narrative');
    expect(narrative).toMatchObject({
      type: 'Input.Text',
      isMultiline: true,
      maxLength: 2000,
      value: 'Improving.',
      label: 'Commentary (required, up to 2000 characters)',
    });
    expect(nextSibling(card, narrative)).toMatchObject({
      text: 'Say why the figure changed',
      color: 'attention',
    });
  });

  it('offers "not available" with a reason and an expected date', () => {
    expect(byId(card, 'notAvailable')).toMatchObject({
      type: 'Input.Toggle',
      title: 'Figures not available yet',
      value: 'true',
      valueOn: 'true',
      valueOff: 'false',
    });
    expect(byId(card, 'notAvailableReason')).toMatchObject({
      type: 'Input.Text',
      value: 'Awaiting police data',
    });
    expect(nextSibling(card, byId(card, 'expected'))).toMatchObject({
      text: 'Give a date',
      color: 'attention',
    });
    expect(byId(card, 'expected')).toMatchObject({ type: 'Input.Date', value: '2016-05-01' });
    const unchecked = renderAdaptiveCard(formReply());
    expect(byId(unchecked, 'notAvailable').value).toBe('false');
    expect(byId(unchecked, 'expected')).not.toHaveProperty('value');
  });

  it('asks what is being done, required or optional', () => {
    expect(byId(card, 'correctiveAction')).toMatchObject({
      type: 'Input.Text',
      label: 'What is being done about it (required)',
    });
    expect(nextSibling(card, byId(card, 'correctiveAction'))).toMatchObject({
      text: 'Say what is being done',
    });
    expect(byId(renderAdaptiveCard(formReply()), 'correctiveAction').label).toBe(
      'What is being done about it (optional)',
    );
  });

  it('previews the RAG the figures would give, in words and colour', () => {
    expect(ofType(card, 'TextBlock').find((t) => String(t.text).startsWith('Would be'))).toMatchObject({
      text: 'Would be RED: +560 (+52.4%) against target to date',
      color: 'attention',
    });
  });

  it('says when the return replaces an earlier revision', () => {
    expect(texts(renderAdaptiveCard(formReply({ revision: 3 })))).toContain(
      'This will be revision 3 (replaces revision 2)',
    );
    expect(texts(card).some((t) => t.includes('revision'))).toBe(false);
  });

  it('offers Submit when there are no warnings', () => {
    expect(card.actions).toEqual([
      expect.objectContaining({ type: 'Action.Execute', title: 'Submit', verb: 'submitReturn' }),
    ]);
  });

  it('shows warnings in the warning colour and offers Confirm or Edit', () => {
    const warned = renderAdaptiveCard(formReply({ warnings: ['Are you sure? Last quarter was 336'] }));
    expect(
      ofType(warned, 'TextBlock').find((t) => t.text === 'Are you sure? Last quarter was 336'),
    ).toMatchObject({
      color: 'warning',
    });
    expect(warned.actions?.map((a) => [a.title, a.verb])).toEqual([
      ['Confirm', 'confirmReturn'],
      ['Edit', 'editReturn'],
    ]);
  });

  it('sends ref, period and token with every action, and the inputs', () => {
    for (const reply of [formReply(), formReply({ warnings: ['Sure?'] })]) {
      for (const action of executes(renderAdaptiveCard(reply))) {
        const data = { ref: '2.2', period: '2015/16 Q4', token: 'tok-7f3a' };
        expect(action).toMatchObject({ data, associatedInputs: 'auto' });
        expect(action.fallback).toMatchObject({
          data: { ...data, verb: action.verb },
          associatedInputs: 'auto',
        });
      }
    }
  });
});

describe('return stored card', () => {
  const card = renderAdaptiveCard({
    kind: 'returnStored',
    title: 'Return stored for 2.2 2015/16 Q4',
    message: 'Stored as revision 2 (replaces revision 1)',
    revision: 2,
    status: statusView(),
  });

  it('confirms, then shows the status card', () => {
    expect(texts(card).slice(0, 3)).toEqual([
      'Return stored for 2.2 2015/16 Q4',
      'Stored as revision 2 (replaces revision 1)',
      '2.2 Reduce anti-social behaviour',
    ]);
    expect(texts(card)).toContain('● RED — Significant concern');
    expect(ofType(card, 'Image')).toHaveLength(1);
    expect(card.actions?.map((a) => a.title)).toEqual(['Exceptions', 'Status of 2.1']);
  });
});

describe('list card', () => {
  const list: Reply = {
    kind: 'list',
    title: 'Exceptions 2015/16 Q4',
    intro: 'Two measures need attention.',
    sections: [
      {
        heading: 'Red',
        items: [
          item('2.2 Reduce ASB', { detail: 'Sam Lee', rag: 'red', button: say('Status', 'status of 2.2') }),
        ],
      },
      { heading: 'Amber', items: [item('1.4 Repeat victims', { rag: 'amber' }), item('1.5 Hate crime')] },
    ],
    buttons: [say('Overdue')],
  };
  const card = renderAdaptiveCard(list);

  it('shows title, intro, section headings, items and details', () => {
    expect(texts(card)).toEqual([
      'Exceptions 2015/16 Q4',
      'Two measures need attention.',
      'Red',
      '● RED · 2.2 Reduce ASB',
      'Sam Lee',
      'Amber',
      '● AMBER · 1.4 Repeat victims',
      '1.5 Hate crime',
    ]);
  });

  it("gives each line of an item's detail a block of its own, so they do not run into one paragraph", () => {
    const exceptions = renderAdaptiveCard({
      ...list,
      sections: [
        {
          heading: 'Red',
          items: [
            item('2.1 Reduce violence with injury', {
              detail: 'YTD 1,440\nInsp. Dan Mercer: 412 offences',
              rag: 'red',
            }),
          ],
        },
      ],
    });
    const lines = ofType(exceptions, 'TextBlock').filter((t) => t.isSubtle);
    expect(lines.map((t) => t.text)).toEqual(['YTD 1,440', 'Insp. Dan Mercer: 412 offences']);
  });

  it('gives an item with a RAG its word and colour, and leaves others uncoloured', () => {
    const block = (text: string) => ofType(card, 'TextBlock').find((t) => t.text === text);
    expect(block('● RED · 2.2 Reduce ASB')).toMatchObject({ color: 'attention' });
    expect(block('● AMBER · 1.4 Repeat victims')).toMatchObject({ color: 'warning' });
    expect(block('1.5 Hate crime')).not.toHaveProperty('color');
  });

  it('gives an item its button and the list its buttons', () => {
    expect(ofType(card, 'ActionSet')).toHaveLength(1);
    expect(ofType(card, 'ActionSet')[0]?.actions).toEqual([
      expect.objectContaining({ verb: 'say', data: { say: 'status of 2.2' } }),
    ]);
    expect(card.actions).toEqual([expect.objectContaining({ title: 'Overdue', data: { say: 'overdue' } })]);
  });

  it('shows a summary chart under the intro, with its alt text, and no image without one', () => {
    const chart = { url: 'https://perfbot.example.org/chart?c=rag', alt: 'RAG status: Red 4, Amber 1' };
    const withChart = renderAdaptiveCard({ ...list, image: chart } as Reply);
    const images = ofType(withChart, 'Image');
    expect(images).toEqual([expect.objectContaining({ url: chart.url, altText: chart.alt })]);
    expect(withChart.body[2]).toMatchObject({ type: 'Image', url: chart.url });
    expect(ofType(card, 'Image')).toEqual([]);
  });

  const shownItems = (card: AdaptiveCard) => texts(card).filter((t) => / \d+\.\d+ /.test(` ${t}`));

  it('keeps every item its button while the card is small', () => {
    const card = renderAdaptiveCard(bigList(30));
    expect(shownItems(card)).toHaveLength(30);
    expect(ofType(card, 'ActionSet')).toHaveLength(30);
  });

  it('stays under 28 KB with 60 items, showing all of them without their own buttons', () => {
    const big = renderAdaptiveCard(bigList(60));
    expect(cardBytes(big)).toBeLessThan(MAX_CARD_BYTES);
    expect(shownItems(big)).toHaveLength(60);
    expect(shownItems(big).at(-1)).toBe('6.10 Reduce robbery');
    expect(ofType(big, 'ActionSet')).toEqual([]);
  });

  it('keeps a very long list under the limit and says how many it left out', () => {
    const huge = renderAdaptiveCard(bigList(400));
    expect(cardBytes(huge)).toBeLessThan(MAX_CARD_BYTES);
    const shown = shownItems(huge).length;
    expect(shown).toBeGreaterThan(60);
    expect(texts(huge).at(-1)).toBe(
      `Showing the first ${shown} of 400: the list is too long for one message.`,
    );
  });
});

describe('text card', () => {
  it('shows the text wrapped, with its buttons', () => {
    const card = renderAdaptiveCard({ kind: 'text', text: 'Try "status of 2.2".', buttons: [say('Help')] });
    expect(card.body).toEqual([
      { type: 'TextBlock', text: 'Try "status of 2.2".', wrap: true, spacing: 'none' },
    ]);
    expect(card.actions).toEqual([
      expect.objectContaining({ title: 'Help', verb: 'say', data: { say: 'help' } }),
    ]);
  });

  it('gives each line its own TextBlock, so a list does not run on in one paragraph in Teams', () => {
    const card = renderAdaptiveCard({
      kind: 'text',
      text: 'Here is what I can do:\n• status of 2.2\n\n• help',
    });
    expect(card.body).toEqual([
      { type: 'TextBlock', text: 'Here is what I can do:', wrap: true, spacing: 'none' },
      { type: 'TextBlock', text: '• status of 2.2', wrap: true, spacing: 'none' },
      { type: 'TextBlock', text: '• help', wrap: true, spacing: 'medium' },
    ]);
  });

  it('has no buttons when none are given', () => {
    expect(renderAdaptiveCard({ kind: 'text', text: 'Hi' }).actions).toEqual([]);
  });

  it('turns links into Action.OpenUrl buttons before its say buttons, the long URL out of sight', () => {
    const url = `https://perf.example/reports/stockton/2015-16-Q4.docx?by=priya-sandhu&expires=1&sig=${'a'.repeat(64)}`;
    const card = renderAdaptiveCard({
      kind: 'text',
      text: 'Board dashboard.',
      links: [
        { label: 'Word board paper', url },
        { label: 'CSV for analysts', url: url.replace('.docx', '.csv') },
      ],
      buttons: [say('Exceptions')],
    });
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Word board paper', url },
      { type: 'Action.OpenUrl', title: 'CSV for analysts', url: url.replace('.docx', '.csv') },
      expect.objectContaining({ type: 'Action.Execute', title: 'Exceptions', verb: 'say' }),
    ]);
    expect(JSON.stringify(card.body)).not.toContain('https://');
    // Microsoft's own parser reads the buttons as OpenUrl actions with their URLs, and finds nothing wrong.
    const parsed = new AC.AdaptiveCard();
    const context = new AC.SerializationContext();
    parsed.parse(card, context);
    const actions = Array.from({ length: parsed.getActionCount() }, (_, i) => parsed.getActionAt(i));
    expect(actions.map((a) => (a instanceof AC.OpenUrlAction ? a.url : a?.getJsonTypeName()))).toEqual([
      url,
      url.replace('.docx', '.csv'),
      'Action.Execute',
    ]);
    const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i));
    expect([...events, ...parsed.validateProperties().validationEvents]).toEqual([]);
  });
});

describe('status card refresh', () => {
  it('asks Teams to refresh the status per viewer with the read-only refreshStatus verb', () => {
    const card = renderAdaptiveCard({ kind: 'status', view: statusView() });
    expect(card.refresh).toMatchObject({
      action: { type: 'Action.Execute', verb: 'refreshStatus', data: { ref: '2.2', period: '2015/16 Q4' } },
    });
  });
});
