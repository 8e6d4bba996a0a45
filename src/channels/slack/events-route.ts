// POST /slack/events on our own HTTP server, in front of bolt's HTTPReceiver. The body is read here (with
// our size limit), its signature checked as bolt checks it (HMAC-SHA256 compared in constant time, stale
// timestamps refused) and its shape checked, and only then handed to bolt, which finds the body already
// read (req.rawBody) and checks the signature again. A bad signature is a bare 401 whatever the body, so
// only Slack learns why a body was refused. Bolt lets a timestamp from the future through, so those are
// refused here by the same five-minute rule.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isValidSlackRequest, type HTTPReceiver } from '@slack/bolt';
import type { Logger } from '../../log.js';
import type { Route } from '../../http/route.js';
import { readBody } from '../../http/read-body.js';
import { checkSlackBody, isSslCheck } from './check-slack-body.js';

export const EVENTS_PATH = '/slack/events';

const MAX_SKEW_SECONDS = 5 * 60;
/** Slack's largest requests (a view submission with a full modal) are tens of KB. */
export const SLACK_BODY_LIMIT = 512 * 1024;

export interface EventsRouteOptions {
  signingSecret: string;
  /**
   * The machine's real time, which bolt's stale check uses too: Slack signs with real time, whatever
   * clock the conversation is given.
   */
  wallClock: () => Date;
  log: Logger;
}

const text = (res: ServerResponse, status: number, body: string): void =>
  void res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${body}\n`);

function signedBySlack(req: IncomingMessage, raw: Buffer, o: EventsRouteOptions): boolean {
  const signature = req.headers['x-slack-signature'];
  return isValidSlackRequest({
    signingSecret: o.signingSecret,
    body: raw.toString('utf8'),
    headers: {
      'x-slack-signature': typeof signature === 'string' ? signature : '',
      'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']),
    },
    nowMilliseconds: o.wallClock().getTime(),
  });
}

export function eventsRoute(receiver: HTTPReceiver, o: EventsRouteOptions): Route {
  return async (req, res) => {
    const stamp = Number(req.headers['x-slack-request-timestamp']);
    if (Number.isFinite(stamp) && stamp - o.wallClock().getTime() / 1000 > MAX_SKEW_SECONDS) {
      res.writeHead(401).end();
      return;
    }
    const raw = await readBody(req, SLACK_BODY_LIMIT);
    if (!raw) return text(res, 413, `The body is larger than ${SLACK_BODY_LIMIT / 1024} KB`);
    const contentType = req.headers['content-type'];
    if (isSslCheck(raw, contentType)) return void res.writeHead(200).end();
    if (!signedBySlack(req, raw, o)) {
      o.log.warn('slack request refused: signature not valid');
      return void res.writeHead(401).end();
    }
    const checked = checkSlackBody(raw, contentType);
    if (!checked.ok) {
      o.log.warn({ status: checked.status, reason: checked.error }, 'signed slack body refused');
      return text(res, checked.status, checked.error);
    }
    if (checked.kind === 'rate-limited') {
      o.log.warn('slack is holding back events: the app is over its rate limit');
      return void res.writeHead(200).end();
    }
    // Bolt reads a form only under exactly this content-type, and takes a read body as req.rawBody.
    req.headers['content-type'] = checked.mediaType;
    receiver.requestListener(Object.assign(req, { rawBody: raw }), res);
  };
}
