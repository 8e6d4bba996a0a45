// GET and POST /return/<link>: the web return form for people outside Teams and Slack. The link names
// the person and the return; the form is the conversation's own return form (the same rules, preview,
// plausibility question, corrective action, "not available", revisions, idempotency, audit and
// sign-off as the chat card), drawn as an HTML page. The POST is checked against cross-site request
// forgery (a per-form secret in a SameSite cookie and in the form), rate-limited per address, and a
// tampered, expired or revoked link gets a page saying what to do, with nothing stored.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Conversation, Turn } from '../../bot/conversation.js';
import { submitSay, type CardAction, type Reply } from '../../bot/reply.js';
import { readBody } from '../../http/read-body.js';
import type { RateLimit } from '../../http/rate-limit.js';
import type { Route, Routes } from '../../http/route.js';
import type { Logger } from '../../log.js';
import { replyText } from '../../render/reply-text.js';
import type { Db } from '../../store/db.js';
import { loadPartnershipById } from '../../store/partnership-store.js';
import { queueNotice } from '../../store/undelivered-store.js';
import { buildTurn, type TurnClock } from '../teams/build-turn.js';
import { formPage, messagePage } from './form-page.js';
import { RETURN_PATH, type OpenedLink, type ReturnLinks } from './return-links.js';

export interface FormRouteDeps {
  db: Db;
  log: Logger;
  clock: TurnClock;
  conversation: Conversation;
  links: ReturnLinks;
  rateLimit: RateLimit;
}

const COOKIE = 'perfbot_form';
const RESEND =
  'Please check and send this form again: it did not come from the page we gave you, or that page is too old. Nothing has been stored yet.';
const FORM_LIMIT = 64 * 1024;

const REFUSED: Record<Exclude<OpenedLink, { ok: true }>['why'], [number, string, string]> = {
  invalid: [
    404,
    'This link does not work',
    'It may have been copied incompletely. Open the link from the email again, or ask the partnership coordinator for a new one.',
  ],
  expired: [
    410,
    'This link has expired',
    'Links work for a limited time. Reply to the email or ask the partnership coordinator to send a new reminder with a fresh link. Nothing has been stored from this page.',
  ],
  revoked: [
    410,
    'This link has been withdrawn',
    'The partnership coordinator withdrew it. Ask them for a new link. Nothing has been stored from this page.',
  ],
};

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res
    .writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'",
      ...headers,
    })
    .end(body);
}

const cookieOf = (req: IncomingMessage): string | null =>
  (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim().split('='))
    .find(([k]) => k === COOKIE)?.[1] ?? null;

const sameSecret = (a: string | null, b: string | null) =>
  !!a && !!b && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

interface Opened {
  turn: Turn;
  link: { ref: string; period: string };
}

/** The link's person and return, or the page saying why the link does not work. */
async function openLink(d: FormRouteDeps, token: string): Promise<Opened | [number, string]> {
  const opened = await d.links.open(token, d.clock.now());
  if (!opened.ok) {
    const [status, heading, text] = REFUSED[opened.why];
    return [status, messagePage(heading, [text])];
  }
  const partnership = await loadPartnershipById(d.db, opened.link.partnershipId);
  const person = partnership?.people.find((p) => p.id === opened.link.person);
  if (!partnership || !person)
    return [
      410,
      messagePage('This link no longer works', [
        'You are not in the plan any more. Ask the partnership coordinator.',
      ]),
    ];
  const turn = buildTurn({ partnership, person }, randomBytes(9).toString('base64url'), 'web', d.clock);
  return { turn, link: opened.link };
}

/** The page for the conversation's answer: the form again (errors, a question), or what happened. */
function pageOf(replies: Reply[], action: string, csrf: string, notice?: string): [number, string] {
  const form = replies.find((r) => r.kind === 'returnForm');
  if (form?.kind === 'returnForm') {
    const bad = form.form.fields.some((f) => f.error) || form.form.formError !== null;
    return [bad ? 422 : 200, formPage(form.form, { csrf, action, ...(notice ? { notice } : {}) })];
  }
  const stored = replies.find((r) => r.kind === 'returnStored');
  if (stored?.kind === 'returnStored')
    return [
      200,
      messagePage(
        stored.title,
        [
          stored.message,
          'We have emailed you a copy. You can open the link again to change the return until it is approved.',
        ],
        true,
      ),
    ];
  return [200, messagePage('Your return', replies.map(replyText))];
}

function limited(d: FormRouteDeps, req: IncomingMessage, res: ServerResponse): boolean {
  const taken = d.rateLimit.take(`web:${req.socket.remoteAddress ?? ''}`);
  if (taken.ok) return false;
  send(
    res,
    429,
    messagePage('Too many requests', [`Please wait ${taken.retryInSeconds} seconds and try again.`]),
    {
      'retry-after': String(taken.retryInSeconds),
    },
  );
  return true;
}

/** The link's person and return within the rate limit; null when a page saying why was sent instead. */
async function admitted(d: FormRouteDeps, req: IncomingMessage, res: ServerResponse, token: string) {
  if (limited(d, req, res)) return null;
  const opened = await openLink(d, token);
  if (!Array.isArray(opened)) return opened;
  send(res, ...opened);
  return null;
}

function showForm(d: FormRouteDeps): Route {
  return async (req, res, params) => {
    const token = params.link ?? '';
    const opened = await admitted(d, req, res, token);
    if (!opened) return;
    const { turn, link } = opened;
    const replies = await d.conversation.onMessage(turn, submitSay(link.ref, link.period));
    const csrf = secretOf(req);
    const [status, body] = pageOf(replies, `${RETURN_PATH}/${token}`, csrf);
    send(res, status, body, { 'set-cookie': cookieFor(csrf) });
  };
}

/**
 * The browser's form secret, kept when it has one: forms opened from several links of one email, in
 * several tabs, each send the same secret, so none of them is refused for another tab's newer one.
 */
function secretOf(req: IncomingMessage): string {
  const had = cookieOf(req);
  return had && /^[\w-]{24}$/.test(had) ? had : randomBytes(18).toString('base64url');
}

const cookieFor = (csrf: string) =>
  `${COOKIE}=${csrf}; Path=${RETURN_PATH}; HttpOnly; SameSite=Strict; Max-Age=${7 * 86400}`;

/** The POST body as the card's inputs; the measure and period come from the link, never the form. */
function actionOf(fields: URLSearchParams, link: { ref: string; period: string }): CardAction {
  const data: Record<string, string> = {};
  for (const [k, v] of fields) if (k !== 'csrf' && k !== 'action') data[k] = v;
  if (!data.notAvailable) data.notAvailable = 'false';
  const verb = fields.get('action') === 'confirm' ? 'confirmReturn' : 'submitReturn';
  return { verb, data: { ...data, ref: link.ref, period: link.period } };
}

function submitForm(d: FormRouteDeps): Route {
  return async (req, res, params) => {
    const token = params.link ?? '';
    const opened = await admitted(d, req, res, token);
    if (!opened) return;
    const { turn, link } = opened;
    if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? ''))
      return send(
        res,
        415,
        messagePage('This form could not be read', ['Send the form from the page itself.']),
      );
    const raw = await readBody(req, FORM_LIMIT);
    if (!raw)
      return send(
        res,
        413,
        messagePage('Too much text', ['The form is too large. Shorten the commentary and try again.']),
      );
    const fields = new URLSearchParams(raw.toString('utf8'));
    const cookie = cookieOf(req);
    if (!sameSecret(cookie, fields.get('csrf'))) {
      // Not sent from our form (or its secret expired): nothing is stored, and what was typed comes
      // back on a fresh form to check and send again.
      const typed = await d.conversation.onAction(turn, { ...actionOf(fields, link), verb: 'editReturn' });
      const csrf = secretOf(req);
      const [, body] = pageOf(typed, `${RETURN_PATH}/${token}`, csrf, RESEND);
      return send(res, 403, body, { 'set-cookie': cookieFor(csrf) });
    }
    const replies = await d.conversation.onAction(turn, actionOf(fields, link));
    await confirmByEmail(d, turn, replies);
    const [status, body] = pageOf(replies, `${RETURN_PATH}/${token}`, cookie as string);
    send(res, status, body);
  };
}

/** A stored return is confirmed by email too: the person keeps a copy of what they sent. */
async function confirmByEmail(d: FormRouteDeps, turn: Turn, replies: Reply[]) {
  for (const r of replies) {
    if (r.kind !== 'returnStored') continue;
    await queueNotice(
      d.db,
      {
        id: `web-stored:${turn.partnership.id}:${turn.person.id}:${r.status.ref}:${r.status.period}:${r.revision}`,
        partnershipId: turn.partnership.id,
        person: turn.person.id,
        ref: r.status.ref,
        period: r.status.period,
        text: storedText(r),
      },
      turn.now,
    );
  }
}

/** What the confirmation says: the message, then the figures and commentary as stored. */
function storedText(r: Extract<Reply, { kind: 'returnStored' }>): string {
  const v = r.status;
  return [
    `${r.title}: ${r.message}`,
    ...v.figures.map((f) => `${f.label}: ${f.value}`),
    ...v.components.flatMap((c) => [`${c.name}:`, ...c.figures.map((f) => `  ${f.label}: ${f.value}`)]),
    v.notAvailable ? `Not available: ${v.notAvailable}` : null,
    v.narrative ? `Commentary: ${v.narrative}` : null,
    v.correctiveAction ? `Corrective action: ${v.correctiveAction}` : null,
  ]
    .filter(Boolean)
    .join('\n');
}

export function formRoutes(d: FormRouteDeps): Routes {
  return {
    [`GET ${RETURN_PATH}/:link`]: showForm(d),
    [`POST ${RETURN_PATH}/:link`]: submitForm(d),
  };
}
