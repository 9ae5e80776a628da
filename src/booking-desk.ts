// The composition root: builds the Slack app, the services and the jobs from configuration, and
// starts and stops them together. main.ts, the tests, the demo and the benchmark all start here.

import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { App, LogLevel } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { ServiceContext } from './app/context.ts';
import { coverageAt } from './app/coverage.ts';
import { type DeskConfig, deskCalendars } from './config/desk-config.ts';
import type { Env } from './config/env.ts';
import type { Database } from './db/client.ts';
import { releaseAllOutboxLeases } from './db/outbox.ts';
import type { Clock } from './domain/clock.ts';
import { DEFAULT_PLAYBOOK } from './domain/playbook/default-playbook.ts';
import { createPlaybookRegistry } from './domain/playbook/registry.ts';
import { DELIVERIES } from './jobs/deliveries/index.ts';
import {
  DEFAULT_OUTBOX_OPTIONS,
  OutboxDispatcher,
  type OutboxDispatcherOptions,
} from './jobs/outbox-dispatcher.ts';
import { SlaSweeper } from './jobs/sla-sweep.ts';
import type { Logger } from './logger.ts';
import type { SlackDeps } from './slack/deps.ts';
import { registerListeners } from './slack/listeners/index.ts';
import { createHttpReceiver, healthRoute } from './slack/receiver.ts';
import { poolMention, RoleDirectory } from './slack/role-directory.ts';
import { UserDirectory } from './slack/user-directory.ts';
import { Workspace } from './slack/workspace.ts';

export interface BookingDeskOptions {
  env: Pick<
    Env,
    'SLACK_BOT_TOKEN' | 'SLACK_SIGNING_SECRET' | 'SLACK_APP_TOKEN' | 'SLACK_API_URL' | 'PORT' | 'LOG_LEVEL'
  >;
  deskConfig: DeskConfig;
  database: Database;
  clock: Clock;
  logger: Logger;
  outbox?: Partial<OutboxDispatcherOptions>;
  /** Runs the SLA sweep every minute (default). Tests turn it off and call `sla.sweepNow()`. */
  scheduleSlaSweep?: boolean;
}

export interface BookingDesk {
  readonly app: App;
  readonly dispatcher: OutboxDispatcher;
  readonly sla: SlaSweeper;
  /** Starts taking Slack requests and delivering the outbox; resolves with the HTTP port (HTTP mode). */
  start(): Promise<{ port: number | null }>;
  /** Stops taking requests, then lets the outbox finish its in-flight batch. */
  stop(): Promise<void>;
}

const BOLT_LOG_LEVEL: Record<Env['LOG_LEVEL'], LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

export function createBookingDesk(options: BookingDeskOptions): BookingDesk {
  const { env, database, clock, logger } = options;
  const logLevel = BOLT_LOG_LEVEL[env.LOG_LEVEL];
  const slackApiUrl = env.SLACK_API_URL;
  const healthCheck = () => database.ping();

  const app = env.SLACK_APP_TOKEN
    ? new App({
        token: env.SLACK_BOT_TOKEN,
        appToken: env.SLACK_APP_TOKEN,
        socketMode: true,
        logLevel,
        clientOptions: { slackApiUrl, retryConfig: { retries: 2 } },
        customRoutes: [healthRoute(healthCheck)],
        installerOptions: { port: env.PORT },
      })
    : new App({
        token: env.SLACK_BOT_TOKEN,
        receiver: createHttpReceiver({
          signingSecret: env.SLACK_SIGNING_SECRET ?? '',
          healthCheck,
          logLevel,
        }),
        logLevel,
        clientOptions: { slackApiUrl, retryConfig: { retries: 2 } },
      });

  // The outbox schedules its own retries, so its client must not retry or sleep on 429s by itself.
  const outboxClient = new WebClient(env.SLACK_BOT_TOKEN, {
    slackApiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
    logLevel,
  });
  const playbooks = createPlaybookRegistry([DEFAULT_PLAYBOOK]);
  const dispatcher = new OutboxDispatcher({
    db: database.prisma,
    slack: outboxClient,
    playbooks,
    config: options.deskConfig,
    clock,
    logger,
    deliveries: DELIVERIES,
    options: { ...DEFAULT_OUTBOX_OPTIONS, owner: `desk-${randomUUID()}`, ...options.outbox },
  });

  const services: ServiceContext = {
    db: database.prisma,
    clock,
    playbooks,
    playbook: DEFAULT_PLAYBOOK,
    calendars: deskCalendars(options.deskConfig),
    slaPolicy: options.deskConfig.sla,
    outboxWritten: () => dispatcher.wake(),
  };
  const deps: SlackDeps = {
    services,
    config: options.deskConfig,
    logger,
    users: new UserDirectory(app.client),
    roles: new RoleDirectory(app.client, options.deskConfig, {
      clock,
      coverage: async (region, role, at) =>
        (await coverageAt({ ...services, config: options.deskConfig }, region, role, at)).backup,
    }),
    workspace: new Workspace(app.client),
  };
  registerListeners(app, deps);
  const sla = new SlaSweeper({
    db: database.prisma,
    clock,
    config: options.deskConfig,
    playbooks,
    logger,
    outboxWritten: () => dispatcher.wake(),
    groupMention: async (role, region, at) =>
      poolMention(
        options.deskConfig,
        role,
        region,
        (await coverageAt({ ...services, config: options.deskConfig }, region, role, at)).backup,
      ),
  });
  app.error(async (error) => {
    logger.error('unhandled error in a Slack listener', { error });
  });

  return {
    app,
    dispatcher,
    sla,
    async start() {
      const started = (await app.start(env.PORT)) as unknown;
      if (database.kind === 'pglite') await releaseAllOutboxLeases(database.prisma);
      dispatcher.start();
      if (options.scheduleSlaSweep ?? true) sla.start();
      const address = env.SLACK_APP_TOKEN ? null : (started as Server).address();
      return { port: address && typeof address === 'object' ? address.port : null };
    },
    async stop() {
      await app.stop();
      await sla.stop();
      await dispatcher.stop();
    },
  };
}
