// Server-side time of each request, measured inside the server process from node:http's own
// diagnostics channels: from the request's arrival (headers parsed) to the response's last byte handed
// to the socket. Requests are grouped by the load generator's `x-bench-kind` header.
import { subscribe } from 'node:diagnostics_channel';

export type ServerTimes = Record<string, number[]>;

export function recordServerTimes(): { take(): ServerTimes } {
  const started = new WeakMap<object, number>();
  let times: ServerTimes = {};
  subscribe('http.server.request.start', (message) => {
    started.set((message as { response: object }).response, performance.now());
  });
  subscribe('http.server.response.finish', (message) => {
    const { request, response } = message as {
      request: { headers: Record<string, unknown> };
      response: object;
    };
    const at = started.get(response);
    const kind = request.headers['x-bench-kind'];
    if (at === undefined || typeof kind !== 'string') return;
    (times[kind] ??= []).push(performance.now() - at);
  });
  return {
    take: () => {
      const taken = times;
      times = {};
      return taken;
    },
  };
}
