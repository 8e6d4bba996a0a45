// Adaptive Card TextBlocks (and facts, toggle titles, input error messages) render a Markdown subset:
// links, emphasis, lists, and in some hosts headings, code, quotes and HTML. Escaping a text makes it
// display as typed: "[Reset your password](https://…)" stays those characters and never becomes a link.
// Backslash escapes are CommonMark's; ordinary prose ("2.2 rose 12% (from 439): see Q3's note") is left
// exactly as it was, so a host that shows a stray backslash would only ever do so beside markup.

/**
 * What formats wherever it stands: emphasis, links, code, HTML, strikethrough, tables, and an `&` that
 * starts an entity ("&lt;"); any other `&` is left, so a link's query string reads as it was sent.
 */
const ANYWHERE = /[\\`*_[\]<>~|]|&(?=#?[a-z0-9]+;)/gi;

export function escapeCardMarkdown(text: string): string {
  return (
    text
      .replace(ANYWHERE, '\\$&')
      // Indentation would make a code block; Markdown hosts do not show it anyway.
      .replace(/^[ \t]+/gm, '')
      // At the start of a line: headings, bullets, setext underlines and breaks, numbered items.
      .replace(/^#(?=#{0,5}(?:[ \t]|$))/gm, '\\#')
      .replace(/^[+-](?=[ \t]|$)|^-(?=-)|^=(?==*[ \t]*$)/gm, '\\$&')
      .replace(/^(\d{1,9})([.)])(?=[ \t]|$)/gm, '$1\\$2')
  );
}
