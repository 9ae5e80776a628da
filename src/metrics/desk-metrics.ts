// The desk's Prometheus metrics, in a registry of its own (several desks can run in one process, as
// the tests do). Counters and histograms are fed as things happen; the outbox and SLA gauges are
// read from the database when Prometheus scrapes. docs/observability.md lists them with the alerts.

import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { runningClockHealth } from '../app/sla-health.ts';
import type { DeskConfig } from '../config/desk-config.ts';
import type { Db } from '../db/types.ts';
import type { Clock } from '../domain/clock.ts';
import { REGIONS } from '../domain/regions.ts';
import { SLA_KINDS } from '../domain/sla/clock.ts';
import type { Logger } from '../logger.ts';

/** What Slack sent: the label of the ack histogram. */
export const SURFACES = ['command', 'view_submission', 'block_actions', 'event', 'options', 'other'] as const;
export type Surface = (typeof SURFACES)[number];

export interface DeskMetricsDeps {
  db: Db;
  config: DeskConfig;
  clock: Clock;
  logger: Logger;
}

const ACK_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 2.5, 3, 5];
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

export class DeskMetrics {
  readonly registry = new Registry();
  private readonly ack: Histogram<'surface'>;
  private readonly slackErrors: Counter<'method' | 'code'>;
  private readonly rateLimited: Counter<'method'>;
  private readonly outboxFailed: Counter<'kind'>;
  private readonly jobDuration: Histogram<'job' | 'outcome'>;

  constructor(deps: DeskMetricsDeps) {
    const registers = [this.registry];
    this.ack = new Histogram({
      name: 'booking_desk_ack_seconds',
      help: 'Time from a Slack request arriving to its ack (Slack gives up after 3 s).',
      labelNames: ['surface'],
      buckets: ACK_BUCKETS,
      registers,
    });
    this.slackErrors = new Counter({
      name: 'booking_desk_slack_api_errors_total',
      help: 'Slack Web API calls that failed, by method and error code (429s are counted apart).',
      labelNames: ['method', 'code'],
      registers,
    });
    this.rateLimited = new Counter({
      name: 'booking_desk_slack_rate_limited_total',
      help: 'Slack Web API calls answered 429 (rate limited), by method.',
      labelNames: ['method'],
      registers,
    });
    this.outboxFailed = new Counter({
      name: 'booking_desk_outbox_failed_total',
      help: 'Outbox messages given up (permanent Slack error or attempts used up), by kind.',
      labelNames: ['kind'],
      registers,
    });
    this.jobDuration = new Histogram({
      name: 'booking_desk_job_duration_seconds',
      help: 'Duration of scheduled job runs (SLA sweep, survey, retention), by job and outcome.',
      labelNames: ['job', 'outcome'],
      buckets: JOB_BUCKETS,
      registers,
    });
    scrapeGauges(deps, registers);
  }

  observeAck(surface: Surface, seconds: number): void {
    this.ack.observe({ surface }, seconds);
  }

  slackCallFailed(method: string, code: string): void {
    this.slackErrors.inc({ method, code });
  }

  slackRateLimited(method: string): void {
    this.rateLimited.inc({ method });
  }

  outboxMessageFailed(kind: string): void {
    this.outboxFailed.inc({ kind });
  }

  observeJobRun(job: string, seconds: number, outcome: 'ok' | 'error'): void {
    this.jobDuration.observe({ job: jobLabel(job), outcome }, seconds);
  }
}

/** "SLA sweep" → sla_sweep. */
function jobLabel(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/**
 * Gauges read from the database on each scrape (one query each). A failed read leaves the gauge
 * without samples for that scrape, and says so in the log, rather than failing the whole scrape.
 */
function scrapeGauges(deps: DeskMetricsDeps, registers: Registry[]): void {
  const { db, clock, logger } = deps;
  const guarded = async (gauge: Gauge<string>, read: () => Promise<void>) => {
    try {
      await read();
    } catch (error) {
      gauge.reset();
      logger.warn('a metric could not be read', { error });
    }
  };
  new Gauge({
    name: 'booking_desk_outbox_pending',
    help: 'Outbox messages waiting to be delivered to Slack.',
    registers,
    async collect() {
      await guarded(this, async () => {
        this.set(await db.outboxMessage.count({ where: { status: 'pending' } }));
      });
    },
  });
  new Gauge({
    name: 'booking_desk_outbox_oldest_pending_seconds',
    help: 'Age of the oldest outbox message still waiting to be delivered (0 when none waits).',
    registers,
    async collect() {
      await guarded(this, async () => {
        const oldest = await db.outboxMessage.aggregate({
          where: { status: 'pending' },
          _min: { createdAt: true },
        });
        const since = oldest._min.createdAt;
        this.set(since ? Math.max(0, (clock.now().getTime() - since.getTime()) / 1000) : 0);
      });
    },
  });
  const slaGauge = (name: string, help: string, wanted: 'at_risk' | 'breached') =>
    new Gauge({
      name,
      help,
      labelNames: ['region', 'kind'],
      registers,
      async collect() {
        await guarded(this, async () => {
          const counts = new Map<string, number>();
          const now = clock.now();
          for (const running of await runningClockHealth({ db, config: deps.config, now })) {
            if (running.health !== wanted) continue;
            const key = `${running.region}/${running.kind}`;
            counts.set(key, (counts.get(key) ?? 0) + 1);
          }
          // Every region and kind, zero included, so that a series does not vanish when it clears.
          for (const region of REGIONS) {
            for (const kind of SLA_KINDS) this.set({ region, kind }, counts.get(`${region}/${kind}`) ?? 0);
          }
        });
      },
    });
  slaGauge(
    'booking_desk_sla_at_risk',
    'Running SLA clocks with at least 75 % of their business minutes used, by region and kind.',
    'at_risk',
  );
  slaGauge(
    'booking_desk_sla_breached',
    'Running SLA clocks past their target (breached and not yet stopped), by region and kind.',
    'breached',
  );
}
