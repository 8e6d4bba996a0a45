// Slack reads `&`, `<` and `>` as control characters in mrkdwn: `<!channel>`, `<@U123>` and
// `<https://x|label>` are all spelled with them. Escaping the three makes stored text display as typed
// and never ping or link.
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A mrkdwn source in which every interpolated value is escaped and only the literal template text
 * (ours) can format: md`*${ref} ${title}*`.
 */
export function md(literals: TemplateStringsArray, ...values: (string | number)[]): string {
  return literals.reduce((out, literal, i) => {
    const value = i < values.length ? escapeMrkdwn(String(values[i])) : '';
    return out + literal + value;
  }, '');
}
