// One paragraph of plain text for any reply: the notification preview beside a card, and what a log
// line may say about a reply. It names measures, periods and RAG but never the figures, commentary
// or form token, which stay on the card (a lock-screen preview or a log is no place for them).
import type { ListSection, Reply, ReturnFormView, StatusView } from '../bot/reply.js';
import type { Rag } from '../domain/plan-schema.js';
import { ragWord } from './rag-style.js';

const LIST_ITEMS_SHOWN = 10;

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const sentence = (s: string) => (/[.!?…:]$/.test(s) ? s : `${s}.`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const ragPhrase = (rag: Rag, label: string) => (label.trim() ? `${ragWord(rag)} (${label})` : ragWord(rag));

function statusSummary(v: StatusView): string {
  const parts = [`${v.ref} ${v.title}, ${v.period}: ${ragPhrase(v.rag, v.ragLabel)}`];
  if (v.override)
    parts.push(`overridden to ${ragPhrase(v.override.rag, v.override.ragLabel)} by ${v.override.by}`);
  if (v.components.length > 1) parts.push(v.components.map((c) => `${c.name} ${ragWord(c.rag)}`).join(', '));
  if (v.notAvailable) parts.push('figures not available yet');
  const said = [parts.join('; '), v.submitted, v.signOff].filter((s): s is string => !!s?.trim());
  return oneLine(said.map(sentence).join(' '));
}

function formSummary(f: ReturnFormView): string {
  const head = `Return for ${f.ref} ${f.period} (${f.title}):`;
  if (f.formError) return oneLine(`${head} ${sentence(f.formError)}`);
  if (f.warnings.length > 0)
    return `${head} ${plural(f.warnings.length, 'question')} to confirm before it is stored.`;
  return `${head} ${plural(f.fields.length, 'figure')} and a commentary to enter.`;
}

function listSummary(title: string, intro: string | null, sections: ListSection[]): string {
  const total = sections.reduce((n, s) => n + s.items.length, 0);
  let left = LIST_ITEMS_SHOWN;
  const shown = sections.flatMap((s) => {
    const items = s.items.slice(0, Math.max(left, 0));
    left -= items.length;
    if (items.length === 0) return [];
    const texts = items.map((i) => (i.rag ? `${i.text} (${ragWord(i.rag)})` : i.text));
    return [`${s.heading}: ${texts.join(', ')}`];
  });
  const parts = [sentence(title)];
  if (intro) parts.push(sentence(intro));
  if (shown.length > 0) parts.push(sentence(shown.join('; ')));
  else parts.push('Nothing to list.');
  if (total > LIST_ITEMS_SHOWN) parts.push(`And ${total - LIST_ITEMS_SHOWN} more.`);
  return oneLine(parts.join(' '));
}

export function replyText(reply: Reply): string {
  switch (reply.kind) {
    case 'text':
      return oneLine(reply.text);
    case 'status':
      return statusSummary(reply.view);
    case 'list':
      return listSummary(reply.title, reply.intro, reply.sections);
    case 'returnForm':
      return formSummary(reply.form);
    case 'returnStored':
      return oneLine(`${sentence(reply.title)} ${sentence(reply.message)} ${statusSummary(reply.status)}`);
    case 'review':
      return oneLine(`Sign-off of ${reply.view.status.ref} ${reply.view.status.period}: ${reply.view.state}`);
    default: {
      const never: never = reply;
      throw new Error(`No text for reply ${JSON.stringify(never)}`);
    }
  }
}
