// Transport only: Bolt's HTTP receiver, plus the two things it lacks here — a refusal of requests
// dated in the future (Bolt rejects only old ones, so a captured request could be replayed later)
// and a health check for load balancers.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { type CustomRoute, HTTPReceiver, type LogLevel } from '@slack/bolt';

export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface HttpReceiverOptions {
  signingSecret: string;
  healthCheck: () => Promise<boolean>;
  logLevel: LogLevel;
  /** More routes besides /healthz (e.g. the admin export). */
  routes?: CustomRoute[];
  /** Wall-clock seconds; injectable for tests of the window itself. */
  nowSeconds?: () => number;
}

export function healthRoute(healthCheck: () => Promise<boolean>) {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req: IncomingMessage, res: ServerResponse) => {
      healthCheck()
        .catch(() => false)
        .then((healthy) => {
          res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: healthy, database: healthy ? 'up' : 'down' }));
        });
    },
  };
}

export function createHttpReceiver(options: HttpReceiverOptions): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    logLevel: options.logLevel,
    customRoutes: [healthRoute(options.healthCheck), ...(options.routes ?? [])],
  });
  const nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const forward = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    if (
      req.method === 'POST' &&
      Number.isFinite(timestamp) &&
      timestamp - nowSeconds() > MAX_CLOCK_SKEW_SECONDS
    ) {
      req.resume();
      res.writeHead(401);
      res.end();
      return;
    }
    forward(req, res);
  };
  return receiver;
}
