// A route of the one HTTP server, as the server and the channels' endpoints both write them: a handler of
// one request, with the ":name" segments of its path as parameters.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Route = (
  req: IncomingMessage,
  res: ServerResponse,
  params: Record<string, string>,
) => Promise<void>;

export type Routes = Record<string, Route>;
