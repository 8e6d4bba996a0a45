// A Reply as an email, in plain text and HTML: the title as the subject, the intro, each item with its
// details (due date, last period, the same period last year) and, where a chat card would have a
// "Submit return" button, a signed link to the web return form. Other buttons say things only a chat
// can hear, so an email leaves them out.
import type { Reply, SayButton } from '../../bot/reply.js';
import { replyText } from '../../render/reply-text.js';
import { escapeHtml, html } from '../../reports/escape-html.js';

export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
}

/** A block of the message: a heading, paragraphs, and links (label → URL). */
interface Block {
  heading?: string;
  lines: string[];
  links: { label: string; url: string }[];
}

/** The URL of a button's signed link, when the button opens a return (see `submitAsked`). */
export type LinkOf = (button: SayButton) => string | undefined;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The first sentence (or clause before a colon), as an email's subject. */
const firstSentence = (text: string) =>
  clip(text.split(/(?<=[.:!?])\s/)[0]?.replace(/[.:]$/, '') ?? text, 100);

/** The subject, whether the body repeats it as its heading (not when it is the body's first words), the blocks. */
function blocksOf(reply: Reply, linkOf: LinkOf): { subject: string; heading: boolean; blocks: Block[] } {
  const links = (buttons: (SayButton | null)[] = []) =>
    buttons.flatMap((b) => {
      const url = b && linkOf(b);
      return b && url ? [{ label: b.label, url }] : [];
    });
  switch (reply.kind) {
    case 'list':
      return {
        subject: reply.title,
        heading: true,
        blocks: [
          { lines: reply.intro ? [reply.intro] : [], links: [] },
          ...reply.sections.flatMap((s) =>
            s.items.map((i) => ({
              heading: i.text,
              lines: [i.detail ? `The return ${i.detail}` : ''].filter(Boolean),
              links: links([i.button]),
            })),
          ),
          { lines: [], links: links(reply.buttons) },
        ],
      };
    case 'text': {
      const lines = reply.text.split('\n').filter((l) => l.trim());
      return {
        subject: firstSentence(lines[0] ?? 'A message from the performance bot'),
        heading: false,
        blocks: [{ lines, links: links(reply.buttons) }],
      };
    }
    default: {
      const all = replyText(reply);
      return { subject: firstSentence(all), heading: false, blocks: [{ lines: [all], links: [] }] };
    }
  }
}

const FOOTER =
  'The link is for you alone: please do not forward it. It opens a form on which you can enter or change the figures until the return is approved. No figures are sent in links.';

export function emailMessage(reply: Reply, linkOf: LinkOf, expires: string | null): EmailMessage {
  const { subject, heading, blocks } = blocksOf(reply, linkOf);
  const used = blocks.filter((b) => b.heading || b.lines.length > 0 || b.links.length > 0);
  const anyLink = used.some((b) => b.links.length > 0);
  const footer = anyLink ? `${FOOTER}${expires ? ` It works until ${expires}.` : ''}` : null;
  const text = [
    heading ? subject : null,
    ...used.map((b) =>
      [b.heading, ...b.lines, ...b.links.map((l) => `${l.label}: ${l.url}`)].filter(Boolean).join('\n'),
    ),
    footer,
  ]
    .filter(Boolean)
    .join('\n\n');
  const body = used
    .map(
      (b) =>
        (b.heading ? html`<h2 style="font-size:18px;margin:24px 0 8px">${b.heading}</h2>` : '') +
        b.lines.map((l) => html`<p style="margin:0 0 12px">${l}</p>`).join('') +
        b.links
          .map(
            (l) =>
              html`<p style="margin:0 0 16px">
                <a
                  href="${l.url}"
                  style="display:inline-block;background:#00703c;color:#ffffff;padding:8px 12px;text-decoration:none;font-weight:bold"
                  >${l.label}</a
                >
              </p>`,
          )
          .join(''),
    )
    .join('');
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:Arial,sans-serif;font-size:16px;color:#0b0c0c;max-width:640px">${heading ? `<h1 style="font-size:22px">${escapeHtml(subject)}</h1>` : ''}${body}${footer ? html`<p style="color:#505a5f;font-size:14px">${footer}</p>` : ''}</body></html>`;
  return { subject, text, html: page };
}
