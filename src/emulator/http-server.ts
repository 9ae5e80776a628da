/** The emulator's HTTP listener on 127.0.0.1: `/api/<method>` and `/response/<id>`. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { ResponseUrls } from './platform/response-urls.ts';
import type { ApiOutcome, WebApi } from './web-api/dispatch.ts';
import { parseApiRequest } from './web-api/request.ts';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, outcome: ApiOutcome): void {
  if (outcome.kind === 'drop') {
    res.socket?.destroy();
    return;
  }
  if (outcome.kind === 'text') {
    res.writeHead(outcome.status, { 'content-type': 'text/html; charset=utf-8' });
    res.end(outcome.body);
    return;
  }
  res.writeHead(outcome.status, { 'content-type': 'application/json; charset=utf-8', ...outcome.headers });
  res.end(JSON.stringify(outcome.body));
}

export interface ListeningServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 (`port` 0: a free one). `close` destroys the open sockets first, so a
 * keep-alive client or a long-lived stream never holds it up.
 */
export async function listenOnLoopback(server: Server, port: number, name: string): Promise<ListeningServer> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error(`${name} has no TCP address`);
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export function listen(webApi: WebApi, responseUrls: ResponseUrls, port = 0): Promise<ListeningServer> {
  const server: Server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`emulator error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const api = /^\/api\/([^/]+)$/.exec(url.pathname);
    if (api) {
      const method = decodeURIComponent(api[1]!);
      const parsed = parseApiRequest(method, req.method ?? 'GET', url, req.headers, raw);
      send(
        res,
        parsed.ok
          ? await webApi.handle(parsed.request)
          : webApi.rejectBody(method, parsed.error, parsed.message),
      );
      return;
    }
    const hook = /^\/response\/([0-9a-f]+)$/.exec(url.pathname);
    if (hook && req.method === 'POST') {
      const answer = responseUrls.receive(hook[1]!, raw);
      res.writeHead(answer.status, { 'content-type': 'text/plain' });
      res.end(answer.text);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }

  return listenOnLoopback(server, port, 'the emulator server');
}
