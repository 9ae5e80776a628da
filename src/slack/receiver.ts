// Transport only: Bolt's HTTP receiver, plus the things it lacks here — a refusal of requests dated
// in the future (Bolt rejects only old ones, so a captured request could be replayed later), a health
// check for load balancers, and each request's arrival time (for the ack latency metric).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { type CustomRoute, HTTPReceiver, type Logger, type LogLevel } from '@slack/bolt';
import { ARRIVAL_KEY } from './request-context.ts';

export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface HttpReceiverOptions {
  signingSecret: string;
  healthCheck: () => Promise<boolean>;
  logLevel: LogLevel;
  /** Bolt's logger for the receiver's own lines (default: Bolt's console logger). */
  logger?: Logger;
  /** More routes besides /healthz (e.g. the admin export, /metrics). */
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
  // When each request arrived, before its body was read and its signature checked.
  const arrivals = new WeakMap<IncomingMessage, number>();
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    logLevel: options.logLevel,
    ...(options.logger ? { logger: options.logger } : {}),
    customRoutes: [healthRoute(options.healthCheck), ...(options.routes ?? [])],
    customPropertiesExtractor: (req) => ({ [ARRIVAL_KEY]: arrivals.get(req) ?? performance.now() }),
    // The app's error handler takes every listener's error, so what reaches here is Bolt failing to
    // read the body itself (e.g. `"channel": null`, a payload without `user`): 400, not 500.
    processEventErrorHandler: async ({ error, logger, response }) => {
      if (response.headersSent) return false;
      logger.warn(`Malformed request body: ${String(error)}`);
      response.writeHead(400);
      response.end();
      return true;
    },
  });
  const nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const forward = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    arrivals.set(req, performance.now());
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
