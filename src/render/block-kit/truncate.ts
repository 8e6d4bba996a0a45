// Cut text to a Slack length limit with "…", without splitting an emoji's surrogate pair or an
// escaped entity (`&amp;`), so what remains still displays correctly.
const PARTIAL_ENTITY = /&(a|am|amp|l|lt|g|gt)?$/;

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(max - 1, 0));
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut.replace(PARTIAL_ENTITY, '')}…`;
}
