// The local chat page and its assets: public/ and Microsoft's Adaptive Cards renderer from
// node_modules. Only served in local mode.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Route } from '../../http/route.js';

const PUBLIC = fileURLToPath(new URL('../../../public/', import.meta.url));
const require = createRequire(import.meta.url);

function fileRoute(path: () => string, type: string): Route {
  return async (_req, res) => {
    const body = await readFile(path());
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' }).end(body);
  };
}

export function localPageRoutes(): Record<string, Route> {
  return {
    'GET /': fileRoute(() => `${PUBLIC}index.html`, 'text/html; charset=utf-8'),
    'GET /chat.js': fileRoute(() => `${PUBLIC}chat.js`, 'text/javascript; charset=utf-8'),
    'GET /chat.css': fileRoute(() => `${PUBLIC}chat.css`, 'text/css; charset=utf-8'),
    'GET /vendor/adaptivecards.js': fileRoute(
      () => require.resolve('adaptivecards/dist/adaptivecards.min.js'),
      'text/javascript; charset=utf-8',
    ),
  };
}
