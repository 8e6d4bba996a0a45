// What someone typed, as the conversation reads it: Slack sends mentions as `<@U123>` and escapes
// `&`, `<` and `>`; the mentions go and the escapes are undone.
export function messageText(text: string): string {
  return text
    .replace(/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
