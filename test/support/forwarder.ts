// A tiny load balancer between the Slack emulator and several app instances: round-robin over the
// instances that are up, failing over to the next one only when a connection is refused (the request
// never reached an app, so sending it elsewhere cannot apply it twice). An instance that dies with a
// request in hand answers 502, as a real balancer would; one that has not answered within Slack's
// ack limit gets its connection closed and the emulator a 504, because Slack stops waiting then and
// shows the person an error (the modal stays open), whatever the app does afterwards.

import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ForwarderOptions {
  slots: number;
  /** Slack gives up on an ack after 3 s; a little less here, so the emulator sees the failure itself. */
  ackLimitMs?: number;
}

export interface ForwarderStats {
  forwarded: number;
  /** Connections refused by a dead instance, sent on to another. */
  failedOver: number;
  /** The instance died with the request in hand (502). */
  reset: number;
  /** Not acknowledged in time (504). */
  timedOut: number;
  /** No instance up (503). */
  noInstance: number;
}

export interface Forwarder {
  /** What the emulator posts to (its app URL). */
  readonly url: string;
  readonly stats: ForwarderStats;
  /** Where instance `slot` listens (`http://127.0.0.1:port`), or null while it is down. */
  setBackend(slot: number, baseUrl: string | null): void;
  close(): Promise<void>;
}

type Attempt = 'refused' | 'answered';

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(text);
}

export async function startForwarder(options: ForwarderOptions): Promise<Forwarder> {
  const ackLimitMs = options.ackLimitMs ?? 2800;
  const backends: (string | null)[] = Array.from({ length: options.slots }, () => null);
  const stats: ForwarderStats = { forwarded: 0, failedOver: 0, reset: 0, timedOut: 0, noInstance: 0 };
  let turn = 0;
  const sockets = new Set<Socket>();

  /** The instances up, starting with the next one's turn. */
  function rotation(): string[] {
    const up = backends.filter((url): url is string => url !== null);
    turn = (turn + 1) % Math.max(1, up.length);
    return [...up.slice(turn), ...up.slice(0, turn)];
  }

  function send(base: string, req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<Attempt> {
    return new Promise((resolve) => {
      const headers = { ...req.headers, 'content-length': String(body.length) };
      delete headers.host;
      delete headers.connection;
      const outgoing = request(
        new URL(req.url ?? '/', base),
        { method: req.method, headers, agent: false },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', () => undefined);
          incoming.on('close', () => {
            clearTimeout(timer);
            if (!incoming.complete) {
              stats.reset += 1;
              answer(res, 502, 'the instance went away');
            } else if (!res.headersSent && !res.destroyed) {
              stats.forwarded += 1;
              const { connection: _connection, 'transfer-encoding': _encoding, ...kept } = incoming.headers;
              res.writeHead(incoming.statusCode ?? 502, kept);
              res.end(Buffer.concat(chunks));
            }
            resolve('answered');
          });
        },
      );
      const timer = setTimeout(() => {
        stats.timedOut += 1;
        answer(res, 504, 'no acknowledgement in time');
        outgoing.destroy();
      }, ackLimitMs);
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        if (error.code === 'ECONNREFUSED' && !res.headersSent) {
          resolve('refused');
          return;
        }
        if (!res.headersSent) stats.reset += 1;
        answer(res, 502, 'the instance went away');
        resolve('answered');
      });
      outgoing.end(body);
    });
  }

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      for (const base of rotation()) {
        if ((await send(base, req, body, res)) === 'answered') return;
        stats.failedOver += 1;
      }
      stats.noInstance += 1;
      answer(res, 503, 'no instance is up');
    })().catch(() => answer(res, 502, 'forwarder error'));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    stats,
    setBackend(slot, baseUrl) {
      backends[slot] = baseUrl;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
