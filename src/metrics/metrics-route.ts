// GET /metrics: the desk's metrics and the process's, in Prometheus's text exposition format. A Bolt
// custom route, so HTTP mode serves it next to /slack/events and Socket Mode on its HTTP port
// (with /healthz). Unauthenticated, like /healthz: keep the port off the internet, or turn it off
// with METRICS_ENABLED=false.

import type { CustomRoute } from '@slack/bolt';
import type { Registry } from 'prom-client';
import type { Logger } from '../logger.ts';

export const METRICS_PATH = '/metrics';

export function metricsRoute(registries: readonly Registry[], logger: Logger): CustomRoute {
  return {
    path: METRICS_PATH,
    method: ['GET'],
    handler: (_req, res) => {
      const [first] = registries;
      Promise.all(registries.map((registry) => registry.metrics()))
        .then((texts) => {
          res.writeHead(200, {
            'content-type': first?.contentType ?? 'text/plain; version=0.0.4; charset=utf-8',
            'cache-control': 'no-store',
          });
          res.end(texts.join(''));
        })
        .catch((error: unknown) => {
          logger.error('metrics could not be collected', { error });
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
          res.end('The metrics could not be collected.\n');
        });
    },
  };
}
