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

/**
 * A bare web address made only of characters Markdown does not read (an "_" only between letters or
 * digits, where it never makes emphasis): left exactly as it is, so a link the bot made (a signed
 * download) still works; its text is its address, so it cannot pass for another. Anything else in it
 * is escaped with the rest of the text.
 */
const BARE_URL =
  /https?:\/\/(?:[A-Za-z0-9\-.~:/?#@!$'()+,;=%]|&(?!#?[a-z0-9]+;)|(?<=[A-Za-z0-9])_(?=[A-Za-z0-9]))+/gi;

/**
 * Whether the escapes below could change the text: a character they escape anywhere (or the placeholder's),
 * or a line starting with what they look at there. Most texts on a card (names, periods, figures, plain
 * commentary) have none, and are returned as they are without running them.
 */
const MAY_NEED_ESCAPES = /[\\`*_[\]<>~|&\uE000]|^[ \t#+\-=\d]/m;

export function escapeCardMarkdown(text: string): string {
  return MAY_NEED_ESCAPES.test(text) ? escapeAll(text) : text;
}

/** Every escape, on any text (exported for the test that the shortcut above changes nothing). */
export function escapeAll(text: string): string {
  const urls: string[] = [];
  // Set aside before escaping (a private-use placeholder), put back after; a text that already holds
  // the placeholder's character has its addresses escaped with the rest rather than be misread.
  const held = text.includes('\uE000')
    ? text
    : text.replace(BARE_URL, (url) => `\uE000${urls.push(url) - 1}\uE001`);
  return (
    held
      .replace(ANYWHERE, '\\$&')
      // Indentation would make a code block; Markdown hosts do not show it anyway.
      .replace(/^[ \t]+/gm, '')
      // At the start of a line: headings, bullets, setext underlines and breaks, numbered items.
      .replace(/^#(?=#{0,5}(?:[ \t]|$))/gm, '\\#')
      .replace(/^[+-](?=[ \t]|$)|^-(?=-)|^=(?==*[ \t]*$)/gm, '\\$&')
      .replace(/^(\d{1,9})([.)])(?=[ \t]|$)/gm, '$1\\$2')
      .replace(/\uE000(\d+)\uE001/g, (held, i: string) => urls[Number(i)] ?? held)
  );
}
