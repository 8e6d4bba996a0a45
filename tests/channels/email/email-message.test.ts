// A Reply as an email: what the subject and body say, which buttons become links (those that open a
// return), and that typed text is never markup in the HTML part.
import { describe, expect, it } from 'vitest';
import { submitSay, type Reply } from '../../../src/bot/reply.js';
import { emailMessage } from '../../../src/channels/email/email-message.js';

const linkOf = (b: { say: string }) =>
  b.say.startsWith('submit ') ? `https://x/return/${b.say.length}` : undefined;

describe('emails drawn from replies', () => {
  it('a sent-back notice: its first sentence as the subject, said once, its "Change the return" as a link', () => {
    const reply: Reply = {
      kind: 'text',
      text: 'Priya Sandhu sent back 1.4 Monitor service requests for 2015/16 Q4: "Check the March figure." Please change it and submit again.',
      buttons: [
        { label: 'Change the return', say: submitSay('1.4', '2015/16 Q4') },
        { label: 'Status', say: 'status of 1.4' },
      ],
    };
    const m = emailMessage(reply, linkOf, 'Thursday 21 April 2016');
    expect(m.subject).toBe('Priya Sandhu sent back 1.4 Monitor service requests for 2015/16 Q4');
    expect(m.text.match(/Priya Sandhu sent back/g)).toHaveLength(1);
    expect(m.text).toContain('Change the return: https://x/return/');
    expect(m.text).not.toContain('Status:');
    expect(m.text).toContain('It works until Thursday 21 April 2016.');
    expect(m.html).toContain('href="https://x/return/');
  });

  it('a notice with no return to open has no link and no word about links', () => {
    const m = emailMessage({ kind: 'text', text: 'Reminders are paused.' }, linkOf, null);
    expect(m.subject).toBe('Reminders are paused');
    expect(m.text).toBe('Reminders are paused.');
    expect(m.html).not.toContain('<a ');
  });

  it('escapes what people typed in the HTML part', () => {
    const m = emailMessage(
      { kind: 'text', text: 'Note: <script>alert(1)</script> & "quotes"' },
      linkOf,
      null,
    );
    expect(m.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(m.html).not.toContain('<script>');
  });
});
