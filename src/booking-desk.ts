// The composition root: builds the Slack app, the services and the jobs from configuration, and
// starts and stops them together. main.ts, the tests, the demo and the benchmark all start here.

import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { App, LogLevel } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { ServiceContext } from './app/context.ts';
import { coverageAt } from './app/coverage.ts';
import { type KpiQuery, loadDeskKpis } from './app/kpis.ts';
import { type DeskConfig, deskCalendars } from './config/desk-config.ts';
import type { Env } from './config/env.ts';
import type { Database } from './db/client.ts';
import { releaseAllOutboxLeases, releaseOutboxLeasesOf } from './db/outbox.ts';
import type { Clock } from './domain/clock.ts';
import { DEFAULT_PLAYBOOK } from './domain/playbook/default-playbook.ts';
import { createPlaybookRegistry } from './domain/playbook/registry.ts';
import { createDeliveries } from './jobs/deliveries/index.ts';
import {
  DEFAULT_OUTBOX_OPTIONS,
  OutboxDispatcher,
  type OutboxDispatcherOptions,
} from './jobs/outbox-dispatcher.ts';
import { RetentionJob } from './jobs/retention.ts';
import { SlaSweeper } from './jobs/sla-sweep.ts';
import { SurveyJob } from './jobs/survey.ts';
import type { Logger } from './logger.ts';
import { DeskMetrics } from './metrics/desk-metrics.ts';
import { metricsRoute } from './metrics/metrics-route.ts';
import { processMetrics } from './metrics/process-metrics.ts';
import { instrumentedFetch } from './metrics/slack-api.ts';
import type { SlackDeps } from './slack/deps.ts';
import { exportRoute } from './slack/export-route.ts';
import { HomePublisher } from './slack/home-publisher.ts';
import { KPI_HOME_REFRESH_MS, KpiHomeCache } from './slack/kpi-home-cache.ts';
import { latestSatisfaction } from './slack/listeners/commands/book-stats.ts';
import { registerListeners } from './slack/listeners/index.ts';
import { createHttpReceiver, healthRoute } from './slack/receiver.ts';
import { traceSlackRequests } from './slack/request-context.ts';
import { poolMention, RoleDirectory } from './slack/role-directory.ts';
import { slackLogger } from './slack/slack-logger.ts';
import { UserDirectory } from './slack/user-directory.ts';
import { kpiHomeBlocks } from './slack/views/kpi-report.ts';
import { Workspace } from './slack/workspace.ts';

export interface BookingDeskOptions {
  env: Pick<
    Env,
    | 'SLACK_BOT_TOKEN'
    | 'SLACK_SIGNING_SECRET'
    | 'SLACK_APP_TOKEN'
    | 'SLACK_API_URL'
    | 'PORT'
    | 'LOG_LEVEL'
    | 'ADMIN_TOKEN'
  > &
    Partial<Pick<Env, 'METRICS_ENABLED' | 'SLACK_TIMEOUT_MS'>>;
  deskConfig: DeskConfig;
  database: Database;
  clock: Clock;
  logger: Logger;
  outbox?: Partial<OutboxDispatcherOptions>;
  /** Runs the SLA sweep every minute (default). Tests turn it off and call `sla.sweepNow()`. */
  scheduleSlaSweep?: boolean;
  /**
   * Runs the quarterly survey job every 15 minutes (default: as scheduleSlaSweep). Tests turn it off
   * and call `survey.runNow()`.
   */
  scheduleSurvey?: boolean;
  /** Runs the retention purge daily at 03:15 UTC (default: as scheduleSlaSweep). Tests call `retention.runNow()`. */
  scheduleRetention?: boolean;
}

export interface BookingDesk {
  readonly app: App;
  readonly dispatcher: OutboxDispatcher;
  readonly sla: SlaSweeper;
  readonly survey: SurveyJob;
  readonly retention: RetentionJob;
  /** The desk's Prometheus metrics (served at GET /metrics unless METRICS_ENABLED=false). */
  readonly metrics: DeskMetrics;
  /** Starts taking Slack requests and delivering the outbox; resolves with the HTTP port (HTTP mode). */
  start(): Promise<{ port: number | null }>;
  /**
   * Stops taking requests, waits for the listeners still working, stops the jobs, lets the outbox
   * finish its in-flight deliveries and releases this instance's claims. The caller closes the database.
   */
  stop(): Promise<void>;
}

const BOLT_LOG_LEVEL: Record<Env['LOG_LEVEL'], LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

const CURRENT_QUARTER: KpiQuery = { kind: 'quarter', which: 'current', region: null, role: null };

export function createBookingDesk(options: BookingDeskOptions): BookingDesk {
  const { env, database, clock, logger } = options;
  const logLevel = BOLT_LOG_LEVEL[env.LOG_LEVEL];
  const slackApiUrl = env.SLACK_API_URL;
  const healthCheck = () => database.ping();
  // GET /admin/export (CSV exports, ADMIN_TOKEN); Bolt serves custom routes in both modes.
  const adminRoutes = [
    exportRoute({
      adminToken: env.ADMIN_TOKEN,
      logger,
      context: () => ({
        db: database.prisma,
        calendars: deskCalendars(options.deskConfig),
        playbooks,
        now: clock.now(),
      }),
    }),
  ];
  // GET /metrics (Prometheus), unauthenticated like /healthz unless turned off.
  const metrics = new DeskMetrics({ db: database.prisma, config: options.deskConfig, clock, logger });
  if (env.METRICS_ENABLED ?? true)
    adminRoutes.push(metricsRoute([metrics.registry, processMetrics()], logger));
  // Every Slack client counts its failed calls and logs through the desk's logger.
  const slackFetch = instrumentedFetch(metrics);
  // No Slack call waits forever: a hung answer would hold a listener or an outbox slot for good.
  const slackTimeoutMs = env.SLACK_TIMEOUT_MS ?? DEFAULT_OUTBOX_OPTIONS.slackTimeoutMs;
  const clientOptions = {
    slackApiUrl,
    retryConfig: { retries: 2 },
    fetch: slackFetch,
    timeout: slackTimeoutMs,
  };

  const app = env.SLACK_APP_TOKEN
    ? new App({
        token: env.SLACK_BOT_TOKEN,
        appToken: env.SLACK_APP_TOKEN,
        socketMode: true,
        logLevel,
        logger: slackLogger(logger, logLevel),
        clientOptions,
        customRoutes: [healthRoute(healthCheck), ...adminRoutes],
        installerOptions: { port: env.PORT },
      })
    : new App({
        token: env.SLACK_BOT_TOKEN,
        receiver: createHttpReceiver({
          signingSecret: env.SLACK_SIGNING_SECRET ?? '',
          healthCheck,
          routes: adminRoutes,
          logLevel,
          logger: slackLogger(logger, logLevel),
        }),
        logLevel,
        logger: slackLogger(logger, logLevel),
        clientOptions,
      });
  // First of the middleware: the ack histogram, the Slack request id on every log line.
  traceSlackRequests(app, { logger, observeAck: (surface, seconds) => metrics.observeAck(surface, seconds) });

  const outboxOptions = {
    ...DEFAULT_OUTBOX_OPTIONS,
    slackTimeoutMs,
    owner: `desk-${randomUUID()}`,
    ...options.outbox,
  };
  // The outbox schedules its own retries, so its client must not retry or sleep on 429s by itself.
  const outboxClient = new WebClient(env.SLACK_BOT_TOKEN, {
    slackApiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: outboxOptions.slackTimeoutMs,
    logger: slackLogger(logger, logLevel),
    fetch: slackFetch,
  });
  const playbooks = createPlaybookRegistry([DEFAULT_PLAYBOOK]);
  const dispatcher = new OutboxDispatcher({
    db: database.prisma,
    slack: outboxClient,
    playbooks,
    config: options.deskConfig,
    clock,
    logger,
    deliveries: createDeliveries(() => home),
    options: outboxOptions,
    metrics,
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
  const roles = new RoleDirectory(app.client, options.deskConfig, {
    clock,
    coverage: async (region, role, at) =>
      (await coverageAt({ ...services, config: options.deskConfig }, region, role, at)).backup,
  });
  const workspace = new Workspace(app.client);
  // The lead's Home shows this quarter's KPIs with the latest survey's satisfaction, read at most
  // every few minutes (kpi-home-cache.ts).
  const kpiCache = new KpiHomeCache(async (now) => {
    const report = await loadDeskKpis(services, options.deskConfig, CURRENT_QUARTER);
    const freshness = { readAt: now, everyMinutes: KPI_HOME_REFRESH_MS / 60_000 };
    return kpiHomeBlocks(report, await latestSatisfaction(deps, report), freshness);
  });
  const home = new HomePublisher({
    services,
    config: options.deskConfig,
    roles,
    workspace,
    kpiBlocks: (now) => kpiCache.blocks(now),
  });
  const deps: SlackDeps = {
    services,
    config: options.deskConfig,
    logger,
    users: new UserDirectory(app.client),
    roles,
    workspace,
    home,
  };
  // Listener work still running after its ack (a click's transaction): stop() waits for it.
  const handling = new Set<Promise<void>>();
  app.use(async ({ next }) => {
    const work = next();
    handling.add(work);
    try {
      await work;
    } finally {
      handling.delete(work);
    }
  });
  registerListeners(app, deps);
  const sla = new SlaSweeper({
    db: database.prisma,
    clock,
    config: options.deskConfig,
    playbooks,
    logger,
    jobMetrics: metrics,
    outboxWritten: () => dispatcher.wake(),
    groupMention: async (role, region, at) =>
      poolMention(
        options.deskConfig,
        role,
        region,
        (await coverageAt({ ...services, config: options.deskConfig }, region, role, at)).backup,
      ),
  });
  const survey = new SurveyJob({
    db: database.prisma,
    clock,
    config: options.deskConfig,
    logger,
    jobMetrics: metrics,
    outboxWritten: () => dispatcher.wake(),
  });
  const retention = new RetentionJob({
    db: database.prisma,
    clock,
    months: options.deskConfig.retention.months,
    logger,
    jobMetrics: metrics,
  });
  app.error(async (error) => {
    logger.error('unhandled error in a Slack listener', { error });
  });

  return {
    app,
    dispatcher,
    sla,
    survey,
    retention,
    metrics,
    async start() {
      const started = (await app.start(env.PORT)) as unknown;
      if (database.kind === 'pglite') await releaseAllOutboxLeases(database.prisma);
      dispatcher.start();
      if (options.scheduleSlaSweep ?? true) sla.start();
      if (options.scheduleSurvey ?? options.scheduleSlaSweep ?? true) survey.start();
      if (options.scheduleRetention ?? options.scheduleSlaSweep ?? true) retention.start();
      const address = env.SLACK_APP_TOKEN ? null : (started as Server).address();
      return { port: address && typeof address === 'object' ? address.port : null };
    },
    async stop() {
      // Stop taking requests, let the ones already taken finish, then the jobs, then the outbox's
      // deliveries in flight; finally hand back any claim left, so another instance sends it at once.
      await app.stop();
      await Promise.allSettled(handling);
      await Promise.all([sla.stop(), survey.stop(), retention.stop()]);
      await dispatcher.stop();
      await releaseOutboxLeasesOf(database.prisma, outboxOptions.owner).catch((error: unknown) => {
        logger.warn('outbox claims could not be released; they expire on their own', { error });
      });
    },
  };
}
