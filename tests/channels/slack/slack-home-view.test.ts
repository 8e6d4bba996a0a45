// App Home's view: the "my returns" list as blocks within Slack's 100, and nothing but the refusal for
// a stranger. What someone typed is read without Slack's mention markup and escapes.
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/bot/reply.js';
import { homeView, strangerHomeView } from '../../../src/channels/slack/home-view.js';
import { messageText } from '../../../src/channels/slack/message-text.js';

function longList(items: number): Reply {
  return {
    kind: 'list',
    title: `You owe ${items} returns`,
    intro: null,
    sections: [
      {
        heading: 'To submit',
        items: Array.from({ length: items }, (_, i) => ({
          text: `1.${i} A measure — 2015/16 Q4`,
          detail: 'overdue since 2016-04-14',
          rag: null,
          button: { label: 'Submit', say: `submit 1.${i} 2015/16 Q4` },
        })),
      },
    ],
  };
}

describe('the App Home view', () => {
  it('shows a short list whole, with how to ask for more at the end', () => {
    const view = homeView([longList(3)]);
    expect(view.type).toBe('home');
    expect(JSON.stringify(view.blocks)).toContain('1.2 A measure');
    expect(JSON.stringify(view.blocks.at(-1))).toMatch(/Messages tab/);
  });

  it('keeps a long list within 100 blocks and says where the rest is', () => {
    const view = homeView([longList(180)]);
    expect(view.blocks).toHaveLength(100);
    expect(JSON.stringify(view.blocks.slice(-2))).toMatch(/more than fits here/i);
  });

  it('shows a stranger only the refusal', () => {
    const text = JSON.stringify(strangerHomeView());
    expect(text).toMatch(/don't recognise your Slack account/);
    expect(text).not.toMatch(/status of|\/perf/);
  });
});

describe('reading a Slack message', () => {
  it("drops mentions and undoes Slack's escapes", () => {
    expect(messageText('<@U0PERFBOT> status of 2.2')).toBe('status of 2.2');
    expect(messageText('<@U0PERFBOT|perfbot>   how is ASB &amp; crime &lt;doing&gt;')).toBe(
      'how is ASB & crime <doing>',
    );
  });
});
