// The web return form, server-rendered and usable without JavaScript, after the GOV.UK Design System's
// patterns: a title, the context (last period, the same period last year), one labelled field per
// figure with its hint, an error summary at the top linking to each field, each error beside its field,
// and what was typed kept. It draws the same ReturnFormView the chat cards draw.
import type { FormField, ReturnFormView } from '../../bot/reply.js';
import { escapeHtml as e, html } from '../../reports/escape-html.js';
import { PAGE_STYLE } from './page-style.js';

export interface FormPageHidden {
  csrf: string;
  action: string;
  /** A message above the form ("send this form again"). */
  notice?: string;
}

const idOf = (key: string) => `f-${key.replace(/[^\w-]/g, '-')}`;

export function page(title: string, body: string, error = false): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${error ? 'Error: ' : ''}${e(title)}</title><style>${PAGE_STYLE}</style></head>
<body><a href="#main" class="skip">Skip to main content</a>
<header class="header"><span>Performance return</span></header>
<main id="main" class="main">${body}</main></body></html>`;
}

interface Err {
  id: string;
  text: string;
}

function errorsOf(f: ReturnFormView): Err[] {
  return [
    ...f.fields.flatMap((x) => (x.error ? [{ id: idOf(x.key), text: x.error }] : [])),
    ...(f.notAvailable.error ? [{ id: idOf('notAvailableReason'), text: f.notAvailable.error }] : []),
    ...(f.correctiveAction.error ? [{ id: idOf('correctiveAction'), text: f.correctiveAction.error }] : []),
    ...(f.narrative.error ? [{ id: idOf('narrative'), text: f.narrative.error }] : []),
  ];
}

function errorSummary(errs: Err[], formError: string | null): string {
  if (errs.length === 0 && !formError) return '';
  const items = errs.map((x) => html`<li><a href="#${x.id}">${x.text}</a></li>`).join('');
  return `<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
<h2 id="error-summary-title">There is a problem</h2>${formError ? html`<p>${formError}</p>` : ''}<ul>${items}</ul></div>`;
}

/** One form group: label, hint, error and the control, tied together by ids for screen readers. */
function group(
  key: string,
  label: string,
  hint: string | null,
  error: string | null,
  control: (attrs: string) => string,
) {
  const id = idOf(key);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const attrs = `id="${id}" name="${e(key)}"${describedBy ? ` aria-describedby="${describedBy}"` : ''}${error ? ' aria-invalid="true"' : ''}`;
  return `<div class="group${error ? ' group-error' : ''}">
<label class="label" for="${id}">${e(label)}</label>
${hint ? html`<div id="${id}-hint" class="hint">${hint}</div>` : ''}
${error ? `<p id="${id}-error" class="error-message"><span class="visually-hidden">Error:</span> ${e(error)}</p>` : ''}
${control(attrs)}</div>`;
}

function figureField(x: FormField): string {
  const hint = x.placeholder ? `For example, ${x.placeholder.replace(/^e\.g\.\s*/, '')}` : null;
  return group(
    x.key,
    x.label,
    hint,
    x.error,
    (a) =>
      `<input class="input input-figure" type="text" inputmode="decimal" spellcheck="false" autocomplete="off" value="${e(x.value)}" ${a}>`,
  );
}

function notAvailableFields(f: ReturnFormView): string {
  const n = f.notAvailable;
  return `<fieldset class="fieldset"><legend class="legend">If the figures are not available yet</legend>
<div class="checkbox"><input type="checkbox" id="${idOf('notAvailable')}" name="notAvailable" value="true"${n.checked ? ' checked' : ''}>
<label for="${idOf('notAvailable')}">Figures not available yet</label></div>
${group('notAvailableReason', 'Why not', 'Only when the box above is ticked: what the figures are waiting for', n.error, (a) => `<input class="input" type="text" value="${e(n.reason)}" ${a}>`)}
${group('expected', 'When they will be available', 'For example, 2016-05-24 (year-month-day)', null, (a) => `<input class="input input-date" type="text" value="${e(n.expected)}" ${a}>`)}
</fieldset>`;
}

export function formPage(f: ReturnFormView, hidden: FormPageHidden): string {
  const errs = errorsOf(f);
  const title = `${f.ref} ${f.title}: ${f.period}`;
  const context = f.context.length
    ? `<div class="inset"><p>${f.context.map((c) => e(c)).join('<br>')}</p></div>`
    : '';
  const preview = f.preview
    ? html`<div class="inset preview">
        <p><strong>With these figures:</strong> ${f.preview.text}</p>
      </div>`
    : '';
  const warnings = f.warnings.length
    ? `<div class="warning" role="status"><h2 class="heading-s">Please check before it is stored</h2>${f.warnings.map((w) => html`<p>${w}</p>`).join('')}</div>`
    : '';
  const corrective = group(
    'correctiveAction',
    f.correctiveAction.required
      ? 'Corrective action (needed: these figures are off target)'
      : 'Corrective action',
    'What is being done where the figures are off target',
    f.correctiveAction.error,
    (a) => `<textarea class="textarea" rows="3" ${a}>${e(f.correctiveAction.value)}</textarea>`,
  );
  const narrative = group(
    'narrative',
    'Commentary',
    `What explains the figures (up to ${f.narrative.maxLength} characters)`,
    f.narrative.error,
    (a) => `<textarea class="textarea" rows="5" ${a}>${e(f.narrative.value)}</textarea>`,
  );
  const buttons = f.warnings.length
    ? `<button class="button" name="action" value="confirm">Yes, store these figures</button>
<button class="button button-secondary" name="action" value="submit">Check the changed figures again</button>`
    : '<button class="button" name="action" value="submit">Submit return</button>';
  const notice = hidden.notice ? html`<div class="warning" role="alert"><p>${hidden.notice}</p></div>` : '';
  const body = `${notice}${errorSummary(errs, f.formError)}
<span class="caption">${e(f.unitLabel)} · revision ${f.revision}</span>
<h1 class="heading-l">${e(title)}</h1>${context}${preview}${warnings}
<form method="post" action="${e(hidden.action)}" novalidate>
<input type="hidden" name="csrf" value="${e(hidden.csrf)}"><input type="hidden" name="token" value="${e(f.token)}">
${f.fields.map(figureField).join('\n')}
${notAvailableFields(f)}
${corrective}
${narrative}
<div class="button-group">${buttons}</div>
</form>`;
  return page(title, body, errs.length > 0 || f.formError !== null);
}

/** A page with a heading and paragraphs (a stored return, a refused link, a closed period). */
export function messagePage(heading: string, paragraphs: string[], panel = false): string {
  const text = paragraphs.map((p) => html`<p>${p}</p>`).join('');
  const head = html`<h1 class="heading-l">${heading}</h1>`;
  return page(heading, panel ? `<div class="panel">${head}</div>${text}` : `${head}${text}`);
}
