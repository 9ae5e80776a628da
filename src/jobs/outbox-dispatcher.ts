// Delivers outbox rows to Slack after commit: claims due rows with a lease, renders and sends each,
// and records the outcome. 429s wait for Retry-After; 5xx and network errors back off exponentially;
// after the attempt budget a row is marked failed for the desk admins to see.

import type { WebClient } from '@slack/web-api';
import type { DeskConfig } from '../config/desk-config.ts';
import type { OutboxMessage } from '../db/generated/client.ts';
import { claimDueOutbox, failOutbox, markOutboxSent, nextOutboxDue, rescheduleOutbox } from '../db/outbox.ts';
import type { Db } from '../db/types.ts';
import type { Clock } from '../domain/clock.ts';
import type { PlaybookRegistry } from '../domain/playbook/registry.ts';
import type { Logger } from '../logger.ts';
import type { Delivery } from './deliveries/delivery.ts';
import { classifySlackFailure } from './slack-failure.ts';

export interface OutboxDispatcherOptions {
  /** Identifies this process's claims. */
  owner: string;
  /** How long a claim lasts; a crashed dispatcher's rows are picked up after it. */
  leaseMs: number;
  batchSize: number;
  /** Attempts before a row is given up. */
  maxAttempts: number;
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** Longest idle sleep between polls (other instances may have written rows). */
  pollMs: number;
}

export const DEFAULT_OUTBOX_OPTIONS: Omit<OutboxDispatcherOptions, 'owner'> = {
  leaseMs: 60_000,
  batchSize: 20,
  maxAttempts: 10,
  baseBackoffMs: 1_000,
  maxBackoffMs: 5 * 60_000,
  pollMs: 1_000,
};

export interface OutboxDispatcherDeps {
  db: Db;
  slack: WebClient;
  playbooks: PlaybookRegistry;
  config: DeskConfig;
  clock: Clock;
  logger: Logger;
  deliveries: Record<string, Delivery>;
  options: OutboxDispatcherOptions;
}

export class OutboxDispatcher {
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private wakeRequested = false;

  constructor(private readonly deps: OutboxDispatcherDeps) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the in-flight batch; nothing stays claimed. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
    this.loop = null;
  }

  /**
   * Delivers soon. Deferred to the next turn of the event loop so that the request that wrote the
   * rows answers Slack first: an embedded database runs on this thread, and its queries would
   * otherwise delay the ack.
   */
  wake(): void {
    setImmediate(() => {
      this.wakeRequested = true;
      this.wakeUp?.();
    });
  }

  /** Claims and delivers one batch; returns how many rows it handled. */
  async drainOnce(): Promise<number> {
    const { db, clock, options } = this.deps;
    const rows = await claimDueOutbox(db, {
      owner: options.owner,
      now: clock.now(),
      leaseMs: options.leaseMs,
      limit: options.batchSize,
    });
    await Promise.all(rows.map((row) => this.deliver(row)));
    return rows.length;
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.wakeRequested = false;
      let handled = 0;
      try {
        handled = await this.drainOnce();
      } catch (error) {
        this.deps.logger.error('outbox drain failed', { error });
      }
      if (handled > 0 || this.wakeRequested) continue;
      await this.sleep(await this.idleDelay());
    }
  }

  private async idleDelay(): Promise<number> {
    try {
      const due = await nextOutboxDue(this.deps.db);
      if (!due) return this.deps.options.pollMs;
      return Math.max(
        10,
        Math.min(this.deps.options.pollMs, due.getTime() - this.deps.clock.now().getTime()),
      );
    } catch {
      return this.deps.options.pollMs;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.wakeUp = null;
        resolve();
      }
      this.wakeUp = done;
      if (!this.running || this.wakeRequested) done();
    });
  }

  private async deliver(row: OutboxMessage): Promise<void> {
    const { db, slack, clock, logger, deliveries, options } = this.deps;
    const delivery = deliveries[row.kind];
    if (!delivery) {
      await failOutbox(db, row.id, options.owner, `no delivery for kind ${row.kind}`, clock.now());
      logger.error('outbox row of unknown kind', { outboxId: row.id, kind: row.kind });
      return;
    }
    try {
      const result = await delivery(row, {
        db,
        slack,
        clock,
        playbooks: this.deps.playbooks,
        config: this.deps.config,
      });
      await markOutboxSent(db, row.id, options.owner, result, clock.now());
      logger.debug('outbox delivered', { outboxId: row.id, kind: row.kind });
    } catch (error) {
      await this.recordFailure(row, error);
    }
  }

  private async recordFailure(row: OutboxMessage, error: unknown): Promise<void> {
    const { db, clock, logger, options } = this.deps;
    const failure = classifySlackFailure(error);
    const now = clock.now();
    const fields = { outboxId: row.id, kind: row.kind, attempts: row.attempts, failure: failure.detail };
    if (failure.kind === 'permanent' || row.attempts >= options.maxAttempts) {
      await failOutbox(db, row.id, options.owner, failure.detail, now);
      logger.error('outbox message failed for good', fields);
      return;
    }
    const waitMs =
      failure.kind === 'rate_limited'
        ? failure.retryAfterSeconds * 1000
        : Math.min(options.maxBackoffMs, options.baseBackoffMs * 2 ** (row.attempts - 1));
    await rescheduleOutbox(db, row.id, options.owner, new Date(now.getTime() + waitMs), failure.detail);
    logger.warn('outbox message will be retried', { ...fields, waitMs });
  }
}
