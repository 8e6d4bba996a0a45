// POST /slack/events on our own HTTP server: bolt's HTTPReceiver reads the raw body, checks the signing
// secret and refuses stale timestamps (401). Bolt lets a timestamp from the future through, so those
// are refused here first, by the same five-minute rule.
import type { HTTPReceiver } from '@slack/bolt';
import type { Route } from '../../server/http-server.js';

export const EVENTS_PATH = '/slack/events';

const MAX_SKEW_SECONDS = 5 * 60;
/** Slack's largest requests (a view submission with a full modal) are tens of KB. */
export const SLACK_BODY_LIMIT = 512 * 1024;

/**
 * `wallClock` is the machine's real time, which bolt's stale check uses too: Slack signs with real
 * time, whatever clock the conversation is given.
 */
export function eventsRoute(receiver: HTTPReceiver, wallClock: () => Date): Route {
  return async (req, res) => {
    if (Number(req.headers['content-length']) > SLACK_BODY_LIMIT) {
      req.resume();
      res
        .writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' })
        .end(`The body is larger than ${SLACK_BODY_LIMIT / 1024} KB\n`);
      return;
    }
    const stamp = Number(req.headers['x-slack-request-timestamp']);
    if (Number.isFinite(stamp) && stamp - wallClock().getTime() / 1000 > MAX_SKEW_SECONDS) {
      res.writeHead(401).end();
      return;
    }
    receiver.requestListener(req, res);
  };
}
