// The daily retention purge (node-cron, 03:15 UTC): see src/app/retention.ts for what it deletes and
// how several instances stay out of each other's way. `runNow()` runs one purge at once (tests, ops).

import { type PurgeResult, purgeExpired, type RetentionDeps } from '../app/retention.ts';
import type { Logger } from '../logger.ts';
import { type JobRunMetrics, ScheduledJob } from './scheduled-job.ts';

export const RETENTION_SCHEDULE = '15 3 * * *';

export interface RetentionJobDeps extends RetentionDeps {
  logger: Logger;
  /** Told how long each purge took. */
  jobMetrics?: JobRunMetrics;
}

/** Runs the purge daily, never two at once in this process; the advisory lock keeps instances apart. */
export class RetentionJob extends ScheduledJob<PurgeResult | null> {
  constructor(deps: RetentionJobDeps) {
    super({
      name: 'retention purge',
      schedule: RETENTION_SCHEDULE,
      runOnStart: false,
      run: async () => {
        const result = await purgeExpired(deps);
        logPurge(deps.logger, result);
        return result;
      },
      onError: () => null,
      logger: deps.logger,
      metrics: deps.jobMetrics,
    });
  }
}

function logPurge(logger: Logger, result: PurgeResult): void {
  if (!result.ran) {
    logger.info('retention purge skipped: another instance holds the lock');
    return;
  }
  const { cutoff, requests, auditEvents, outboxMessages, interrupted } = result;
  logger.info('retention purge done', {
    cutoff: cutoff.toISOString(),
    requests,
    auditEvents,
    outboxMessages,
    interrupted,
  });
}
