// The framework's floor: a bare botbuilder echo bot (CloudAdapter + ActivityHandler, no
// authentication, as perfbot in local mode) on its own node:http server on 127.0.0.1. It echoes a
// message through the connector and answers a card action with a one-line invoke response, so the
// load that drives perfbot drives it the same way. Usage (forked by the benchmark):
//   node --import tsx bench/echo-process.ts
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
  type AdaptiveCardInvokeResponse,
  type Request,
  type Response,
  type TurnContext,
} from 'botbuilder';
import { cpuSince, memoryNow, tellParent, type ParentMessage } from './child-messages.js';
import { recordServerTimes } from './server-timing.js';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.text(`Echo: ${context.activity.text ?? ''}`));
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(): Promise<AdaptiveCardInvokeResponse> {
    return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Echo' } as never;
  }
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () =>
      resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>),
    );
    req.on('error', reject);
  });
}

const timing = recordServerTimes();
const cpu = cpuSince();
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new EchoBot();
const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/messages') return void res.writeHead(404).end();
  void readJson(req).then((body) => {
    let sent: string | undefined;
    const response: Response = {
      socket: res.socket,
      status: (code: number) => void (res.statusCode = code),
      header: (name: string, value: unknown) => void res.setHeader(name, String(value)),
      send: (payload: unknown) => {
        if (payload === undefined || payload === null) return;
        sent = typeof payload === 'string' ? payload : JSON.stringify(payload);
        res.setHeader('content-type', 'application/json');
      },
      end: () => void (res.writableEnded || res.end(sent)),
    };
    const request: Request = { body, headers: req.headers, method: req.method };
    return adapter.process(request, response, (context: TurnContext) => bot.run(context));
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;

process.on('message', (m: ParentMessage) => {
  if (m.cmd === 'timings')
    tellParent({
      kind: 'timings',
      times: timing.take(),
      maxRssKB: process.resourceUsage().maxRSS,
      memory: memoryNow(),
      cpuMs: cpu(),
    });
  else if (m.cmd === 'stop') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  } else tellParent({ kind: 'failed', error: `the echo bot does not do ${m.cmd}` });
});
tellParent({ kind: 'ready', url: `http://127.0.0.1:${port}` });
