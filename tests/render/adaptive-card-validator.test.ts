// Every card the bot can send, read by Microsoft's own Adaptive Cards parser (the `adaptivecards`
// package the local chat page renders with): the cards of a tour of the conversation (every kind of
// reply, the return card's errors, sign-off, reminders and notices from the outbox), and the templates
// in cards/. At version 1.5 neither parsing nor `validateProperties` may report anything.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as AdaptiveCards from 'adaptivecards';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/bot/reply.js';
import { renderAdaptiveCard } from '../../src/render/adaptive-card/index.js';
import { replyTour, type TourStep } from './reply-tour.js';

// The package's own bundle: its ES module build imports files without extensions, which Node refuses.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.min.js') as typeof AdaptiveCards;

const CARDS = fileURLToPath(new URL('../../cards/', import.meta.url));

/** What the parser and the validator say of a card at version 1.5: nothing, for a good card. */
function problems(json: object): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  const parsing = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  const validating = card.validateProperties().validationEvents.map((e) => e.message);
  return [...parsing, ...validating];
}

let steps: TourStep[];
beforeAll(async () => {
  ({ steps } = await replyTour());
}, 120_000);

const replies = (): { step: TourStep; reply: Reply }[] =>
  steps.flatMap((step) => step.replies.map((reply) => ({ step, reply })));

describe('the cards of a tour of the conversation', () => {
  it('meet every kind of reply', () => {
    const kinds = new Set(replies().map((r) => r.reply.kind));
    expect([...kinds].sort()).toEqual(['list', 'returnForm', 'returnStored', 'review', 'status', 'text']);
  });

  it('parse and validate at Adaptive Cards 1.5 with no events', () => {
    const found = replies().flatMap(({ step, reply }) =>
      // A review card refreshes for the Teams users it lists; it is sent with and without them.
      [renderAdaptiveCard(reply), renderAdaptiveCard(reply, ['29:1a2b3c', '29:4d5e6f'])].flatMap((card) =>
        problems(card).map((p) => `${step.who} "${step.said}" → ${reply.kind}: ${p}`),
      ),
    );
    expect(found).toEqual([]);
  });

  it('are checked by a parser that does find faults', () => {
    expect(
      problems({
        type: 'AdaptiveCard',
        version: '1.5',
        body: [
          { type: 'TextBlok', text: 'typo in the type' },
          { type: 'Input.Text', id: 'a', isRequired: true },
          { type: 'Input.Text', id: 'a', label: 'Same id' },
        ],
      }),
    ).toEqual([
      'Unknown element type "TextBlok". Fallback will be used if present.',
      expect.stringMatching(/label/),
      expect.stringMatching(/error message/i),
      expect.stringMatching(/Duplicate id/i),
    ]);
  });
});

describe('the templates in cards/', () => {
  const templates = readdirSync(CARDS).filter((f) => f.endsWith('.json'));

  it('are one for each kind of reply, every one drawn in the tour above', () => {
    expect(templates.sort()).toEqual([
      'list.json',
      'return-form.json',
      'return-stored.json',
      'review.json',
      'status.json',
      'text.json',
    ]);
  });

  it.each(templates)('%s parses at 1.5 with nothing wrong but the bindings it is filled with', (file) => {
    const template = JSON.parse(readFileSync(`${CARDS}${file}`, 'utf8')) as object;
    // Before expansion an enum such as a colour holds "${rag.color}": the only thing the parser may
    // question, and only for a binding (the expanded cards are validated above).
    const left = problems(template).filter(
      (p) => !/^Invalid value "\$\{[^}]+\}" for property "\w+"\.$/.test(p),
    );
    expect(left).toEqual([]);
  });
});
