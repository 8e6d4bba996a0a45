// POST /api/messages: the Bot Framework endpoint for Teams and for the local chat page.
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Route } from '../../http/route.js';
import { readJsonObject } from '../../http/read-body.js';
import { isLoopback } from '../../config.js';
import { botRequest, botResponse } from './http-shim.js';
import { InboundActivitySchema } from './inbound-activity.js';

export function messagesRoute(
  adapter: CloudAdapter,
  logic: (context: TurnContext) => Promise<void>,
  localMode: boolean,
): Route {
  return async (req, res) => {
    const body = await readJsonObject(req);
    if (!body.ok)
      return void res.writeHead(body.status, { 'content-type': 'text/plain' }).end(`${body.error}\n`);
    // What the turn logic needs, checked before the adapter, which answers some malformed activities
    // with a 500 and others with nothing.
    const activity = InboundActivitySchema.safeParse(body.value);
    if (!activity.success) {
      const issue = activity.error.issues[0];
      return void res
        .writeHead(400, { 'content-type': 'text/plain' })
        .end(
          `The activity is not valid: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'malformed'}\n`,
        );
    }
    // With authentication off, the bot must not be made to post to other machines.
    if (localMode && !loopbackUrl(body.value.serviceUrl)) {
      return void res
        .writeHead(403, { 'content-type': 'text/plain' })
        .end('In local mode serviceUrl must be a loopback address\n');
    }
    await adapter.process(botRequest(req, body.value), botResponse(res), logic);
  };
}

function loopbackUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return isLoopback(new URL(value).hostname);
  } catch {
    return false;
  }
}
