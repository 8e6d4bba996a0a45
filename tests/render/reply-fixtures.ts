// Small builders for Reply values: a realistic default, changed only where a test cares.
import type {
  FormField,
  ListSection,
  Reply,
  ReturnFormView,
  SayButton,
  StatusView,
} from '../../src/bot/reply.js';

export const say = (label: string, text = label.toLowerCase()): SayButton => ({ label, say: text });

export function statusView(over: Partial<StatusView> = {}): StatusView {
  return {
    ref: '2.2',
    title: 'Reduce anti-social behaviour',
    period: '2015/16 Q4',
    theme: 'Safer neighbourhoods',
    rag: 'red',
    ragLabel: 'Significant concern',
    override: null,
    figures: [
      { label: 'In period', value: '560' },
      { label: 'Year to date', value: '1,634' },
      { label: 'Target to date', value: '1,074' },
    ],
    components: [],
    narrative: 'Rise linked to the summer events programme.',
    correctiveAction: 'Extra patrols in the town centre.',
    notAvailable: null,
    submitted: 'Submitted by Sam Lee on 2016-04-12 (revision 1)',
    signOff: null,
    chartUrl: 'https://bot.example/chart?c=abc',
    actions: [say('Exceptions'), say('Status of 2.1', 'status of 2.1')],
    ...over,
  };
}

/** A form field for component `key`: its input id is `figure.<key>`, as the conversation builds it. */
export function field(key: string, over: Partial<FormField> = {}): FormField {
  return {
    key: `figure.${key}`,
    label: key[0]?.toUpperCase() + key.slice(1),
    value: '',
    placeholder: 'e.g. 412',
    error: null,
    min: null,
    max: null,
    whole: true,
    ...over,
  };
}

export function returnForm(over: Partial<ReturnFormView> = {}): ReturnFormView {
  return {
    ref: '2.2',
    title: 'Reduce anti-social behaviour',
    period: '2015/16 Q4',
    unitLabel: 'incidents',
    fields: [field('value')],
    narrative: { value: '', error: null, maxLength: 2000 },
    notAvailable: { checked: false, reason: '', expected: '', error: null },
    correctiveAction: { required: false, value: '', error: null },
    context: ['Last quarter (2015/16 Q3): 439', 'Same quarter last year (2014/15 Q4): 315'],
    preview: null,
    warnings: [],
    formError: null,
    token: 'tok-7f3a',
    revision: 1,
    ...over,
  };
}

export function item(
  text: string,
  over: Partial<ListSection['items'][number]> = {},
): ListSection['items'][number] {
  return { text, detail: null, rag: null, button: null, ...over };
}

const TITLES = [
  'Reduce police recorded ASB incidents',
  'Reduce violence with injury',
  'Maintain 90% client satisfaction with the ASB service',
  'Monitor Drug Rehabilitation Requirements (DRR)',
  'Reduce robbery',
];

/** A list of `n` overdue returns, in themes of ten, each with owner, due date, RAG and a button. */
export function bigList(n: number): Extract<Reply, { kind: 'list' }> {
  const sections: ListSection[] = [];
  for (let i = 0; i < n; i++) {
    const ref = `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`;
    if (i % 10 === 0)
      sections.push({ heading: `Theme ${Math.floor(i / 10) + 1}: safer neighbourhoods`, items: [] });
    sections.at(-1)?.items.push(
      item(`${ref} ${TITLES[i % TITLES.length]}`, {
        detail: `Sam Lee · due 2016-04-${String((i % 28) + 1).padStart(2, '0')} · 3 working days late`,
        rag: i % 3 === 0 ? 'red' : i % 3 === 1 ? 'amber' : null,
        button: say('Status', `status of ${ref}`),
      }),
    );
  }
  return { kind: 'list', title: 'Overdue returns', intro: `${n} returns are overdue.`, sections };
}
