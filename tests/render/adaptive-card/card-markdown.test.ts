// Typed text never formats an Adaptive Card: a link, emphasis, list, heading or HTML in commentary, a
// reason, a name or an echoed message shows as typed on every card the bot draws, and nothing is lost.
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/bot/reply.js';
import { renderAdaptiveCard } from '../../../src/render/adaptive-card/index.js';
import { liveMarkup, markdownTexts, shownText } from '../card-markdown.js';
import { field, item, returnForm, say, statusView } from '../reply-fixtures.js';
import { texts } from '../card-walk.js';

const LINK = '[Reset your password](https://evil.example/login)';

/** Markdown a person might type, by construct. */
const TYPED: [string, string][] = [
  ['a link', LINK],
  ['an image', '![logo](https://evil.example/pixel.png)'],
  ['an autolink', '<https://evil.example/login>'],
  ['a reference link', '[the report]\n\n[the report]: https://evil.example/login'],
  ['bold', '**urgent** action'],
  ['italic', 'a _quiet_ quarter'],
  ['a heading', '# Headline figure'],
  ['a setext heading', 'Headline\n---'],
  ['a bullet list', '- one\n- two\n+ three'],
  ['a numbered list', '1. first\n2) second'],
  ['a quote', '> said the inspector'],
  ['code', 'run `rm -rf` now'],
  ['a code block', '    indented like code'],
  ['a fence', '```\ncode\n```'],
  ['strikethrough', '~~gone~~'],
  ['a table', '| a | b |\n|---|---|\n| 1 | 2 |'],
  ['HTML', '<b>bold</b> <script>alert(1)</script>'],
  ['an entity', 'R&amp;D &lt;b&gt;'],
  ['backslashes', 'C:\\temp \\*not bold\\*'],
  ['a thematic break', '***'],
];

/** One reply of every kind, with `text` wherever a person's words (or words quoting them) can appear. */
function everyReply(text: string): Record<Reply['kind'], Reply> {
  const status = statusView({
    title: text,
    theme: text,
    narrative: text,
    correctiveAction: text,
    notAvailable: text,
    submitted: `Submitted by ${text}`,
    signOff: `Sent back by Priya Sandhu: ${text}`,
    override: { rag: 'amber', ragLabel: 'Some concerns', reason: text, by: text },
    figures: [{ label: text, value: text }],
    components: [{ name: text, rag: 'green', ragLabel: 'On target', figures: [], headline: true }],
    actions: [say(text)],
  });
  return {
    text: { kind: 'text', text: `Sorry, I did not understand "${text}".`, buttons: [say('Help')] },
    status: { kind: 'status', view: status },
    list: {
      kind: 'list',
      title: text,
      intro: text,
      sections: [{ heading: text, items: [item(text, { detail: text, rag: 'red', button: say(text) })] }],
      buttons: [say(text)],
    },
    returnForm: {
      kind: 'returnForm',
      form: returnForm({
        title: text,
        fields: [field('value', { value: text, error: `"${text}" is not a number` })],
        narrative: { value: text, error: `The commentary ${text}`, maxLength: 2000 },
        notAvailable: { checked: true, reason: text, expected: '', error: text },
        correctiveAction: { required: true, value: text, error: text },
        context: [text],
        preview: { rag: 'red', text },
        warnings: [text],
        formError: text,
      }),
    },
    returnStored: { kind: 'returnStored', title: text, message: text, revision: 2, status },
    review: {
      kind: 'review',
      view: {
        status,
        revision: 2,
        state: text,
        canDecide: true,
        deciders: [],
        commentError: text,
      },
    },
  };
}

describe('typed Markdown shows as typed on every card', () => {
  describe.each(TYPED)('%s', (_what, typed) => {
    it.each(Object.entries(everyReply(typed)))('on the %s card: nothing formats', (_kind, reply) => {
      expect(liveMarkup(renderAdaptiveCard(reply))).toEqual([]);
    });

    it('on the status card: the commentary reads exactly as typed', () => {
      const card = renderAdaptiveCard(everyReply(typed).status);
      const shown = markdownTexts(card).map(shownText);
      expect(shown).toContain(typed.replace(/\s+/g, ' ').trim());
    });
  });

  it('a link-shaped commentary is never a live link, on any card', () => {
    for (const reply of Object.values(everyReply(LINK))) {
      const card = renderAdaptiveCard(reply);
      expect(liveMarkup(card)).toEqual([]);
      expect(markdownTexts(card).filter((t) => t.includes(LINK))).toEqual([]);
    }
  });
});

describe('what is not typed stays as written', () => {
  it('leaves ordinary prose and our labels untouched', () => {
    const prose = "2.2 rose 12% (from 439 to 489): see Q3's note; up 11.4%, isn't it? Yes!";
    const card = renderAdaptiveCard({ kind: 'status', view: statusView({ narrative: prose }) });
    expect(texts(card)).toContain(prose);
    expect(texts(card)).toEqual(
      expect.arrayContaining(['Status', 'Commentary', 'What is being done about it']),
    );
  });

  it('keeps what was typed in the inputs exactly, for editing', () => {
    const card = renderAdaptiveCard(everyReply(LINK).returnForm);
    const inputs = JSON.stringify(card.body);
    expect(inputs).toContain(`"value":${JSON.stringify(LINK)}`);
  });

  it('keeps action titles, button data and image addresses exactly', () => {
    const card = renderAdaptiveCard({
      kind: 'status',
      view: statusView({ actions: [say('Status of 2_1', 'status of 2_1 *now*')] }),
    });
    const json = JSON.stringify(card);
    expect(json).toContain('"title":"Status of 2_1"');
    expect(json).toContain('status of 2_1 *now*');
    expect(json).toContain('"url":"https://bot.example/chart?c=abc"');
  });
});
