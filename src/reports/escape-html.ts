// Text from plans and returns is shown in HTML as typed: never as markup, never as script.
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** An HTML source in which every interpolated value is escaped: html`<td>${title}</td>`. */
export function html(literals: TemplateStringsArray, ...values: (string | number)[]): string {
  return literals.reduce(
    (out, literal, i) => out + literal + (i < values.length ? escapeHtml(String(values[i])) : ''),
    '',
  );
}
