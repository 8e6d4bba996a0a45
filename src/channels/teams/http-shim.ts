// botbuilder's CloudAdapter.process expects an express-like request (with a parsed body) and response;
// these adapt node:http's objects, so no web framework is needed.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'botbuilder';

export function botRequest(req: IncomingMessage, body: Record<string, unknown>): Request {
  return { body, headers: req.headers, method: req.method };
}

export function botResponse(res: ServerResponse): Response {
  let body: string | null = null;
  return {
    socket: res.socket,
    status(code: number) {
      res.statusCode = code;
    },
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
    },
    send(payload: unknown) {
      if (payload === undefined || payload === null) return;
      if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
        body = payload.toString();
        if (!res.hasHeader('content-type')) res.setHeader('content-type', 'text/plain; charset=utf-8');
      } else {
        body = JSON.stringify(payload);
        res.setHeader('content-type', 'application/json; charset=utf-8');
      }
    },
    end() {
      if (!res.writableEnded) res.end(body ?? undefined);
    },
  };
}
