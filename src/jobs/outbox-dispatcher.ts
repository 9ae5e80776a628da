// Delivers outbox rows to Slack after commit: claims due rows with a lease (renewed while a delivery
// is under way), renders and sends each, and records the outcome. 429s wait for Retry-After; 5xx and
// network errors back off exponentially, a timed-out call at least one more timeout; after the
// attempt budget a row is marked failed for the desk admins to see. Posts into one channel
// are spaced (Slack allows about one message per second per channel); different channels go in parallel.

import type { WebClient } from '@slack/web-api';
import type { DeskConfig } from '../config/desk-config.ts';
import type { OutboxMessage } from '../db/generated/client.ts';
import {
  claimDueOutbox,
  failOutbox,
  markOutboxSent,
  nextOutboxDue,
  renewOutboxLeases,
  rescheduleOutbox,
} from '../db/outbox.ts';
import type { Db } from '../db/types.ts';
import type { Clock } from '../domain/clock.ts';
import type { PlaybookRegistry } from '../domain/playbook/registry.ts';
import type { Logger } from '../logger.ts';
import { ChannelPacer, pacedSlackClient } from './channel-pacer.ts';
import type { Delivery } from './deliveries/delivery.ts';
import { classifySlackFailure } from './slack-failure.ts';

export interface OutboxDispatcherOptions {
  /** Identifies this process's claims. */
  owner: string;
  /**
   * How long a claim lasts unless renewed; the dispatcher renews its deliveries' claims every third
   * of it, so a crashed dispatcher's rows are picked up one lease after it died.
   */
  leaseMs: number;
  batchSize: number;
  /** Attempts before a row is given up. */
  maxAttempts: number;
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** Longest idle sleep between polls (other instances may have written rows). */
  pollMs: number;
  /** Least real time between two posts into one channel from this process (0: no pacing). */
  channelIntervalMs: number;
  /** The longest wait for one Slack answer (the outbox's client gives up after it). */
  slackTimeoutMs: number;
}

export const DEFAULT_OUTBOX_OPTIONS: Omit<OutboxDispatcherOptions, 'owner'> = {
  leaseMs: 15_000,
  batchSize: 20,
  maxAttempts: 10,
  baseBackoffMs: 1_000,
  maxBackoffMs: 5 * 60_000,
  pollMs: 1_000,
  channelIntervalMs: 1_000,
  slackTimeoutMs: 10_000,
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
  /** Counts the messages given up (the desk's metrics). */
  metrics?: { outboxMessageFailed(kind: string): void };
}

export class OutboxDispatcher {
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private wakeRequested = false;
  private renewTimer: NodeJS.Timeout | null = null;
  /** Deliveries under way, by outbox row id. */
  private readonly inFlight = new Map<bigint, Promise<void>>();
  /** What deliveries call: the client whose posts wait for their channel's turn. */
  private readonly pacedSlack: WebClient;

  constructor(private readonly deps: OutboxDispatcherDeps) {
    this.pacedSlack = pacedSlackClient(deps.slack, new ChannelPacer(deps.options.channelIntervalMs));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
    const every = Math.max(50, Math.floor(this.deps.options.leaseMs / 3));
    this.renewTimer = setInterval(() => void this.renewLeases(), every);
    this.renewTimer.unref();
  }

  /** Stops claiming, then lets the in-flight deliveries finish; nothing stays claimed. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
    this.loop = null;
    await Promise.all(this.inFlight.values());
    if (this.renewTimer) clearInterval(this.renewTimer);
    this.renewTimer = null;
  }

  /** Keeps the claims of the deliveries under way from lapsing (a slow Slack, a busy channel). */
  private async renewLeases(): Promise<void> {
    const { db, clock, logger, options } = this.deps;
    if (this.inFlight.size === 0) return;
    const until = new Date(clock.now().getTime() + options.leaseMs);
    try {
      await renewOutboxLeases(db, options.owner, [...this.inFlight.keys()], until);
    } catch (error) {
      logger.warn('outbox claims could not be renewed', { error });
    }
  }

  /**
   * Delivers soon. Deferred to the next turn of the event loop so that the request that wrote the
   * rows answers Slack first: an embedded database runs on this thread, and its queries would
   * otherwise delay the ack.
   */
  wake(): void {
    setImmediate(() => this.nudge());
  }

  /** Claims and delivers one batch; returns how many rows it handled. */
  async drainOnce(): Promise<number> {
    const rows = await this.claim(this.deps.options.batchSize);
    await Promise.all(rows.map((row) => this.startDelivery(row)));
    return rows.length;
  }

  /**
   * Keeps up to batchSize deliveries in flight and claims more as each ends, rather than waiting for
   * a whole batch: a delivery may be waiting its turn in a busy channel, and rows for other channels
   * (and other requests) must not queue behind it.
   */
  private async run(): Promise<void> {
    const { batchSize } = this.deps.options;
    while (this.running) {
      this.wakeRequested = false;
      const room = batchSize - this.inFlight.size;
      let claimed = 0;
      if (room > 0) {
        try {
          const rows = await this.claim(room);
          for (const row of rows) void this.startDelivery(row);
          claimed = rows.length;
        } catch (error) {
          this.deps.logger.error('outbox claim failed', { error });
        }
      }
      if ((claimed > 0 && this.inFlight.size < batchSize) || this.wakeRequested) continue;
      await this.sleep(await this.idleDelay());
    }
  }

  /** Oldest first, so that a busy channel's queue serves the rows written first. */
  private async claim(limit: number): Promise<OutboxMessage[]> {
    const { db, clock, options } = this.deps;
    const rows = await claimDueOutbox(db, {
      owner: options.owner,
      now: clock.now(),
      leaseMs: options.leaseMs,
      limit,
    });
    return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * Delivers one claimed row; its end wakes the loop, which may claim the next row of its key. A row
   * already under way is not started twice: its lease can lapse while it waits for its channel when
   * the business clock is moved forward (tests, the demo), and this dispatcher then claims it again.
   */
  private startDelivery(row: OutboxMessage): Promise<void> {
    const running = this.inFlight.get(row.id);
    if (running) return running;
    const delivery = this.deliver(row)
      .catch((error: unknown) => {
        this.deps.logger.error('outbox delivery could not be recorded', { outboxId: row.id, error });
      })
      .finally(() => {
        this.inFlight.delete(row.id);
        this.nudge();
      });
    this.inFlight.set(row.id, delivery);
    return delivery;
  }

  private nudge(): void {
    this.wakeRequested = true;
    this.wakeUp?.();
  }

  private async idleDelay(): Promise<number> {
    const { options, clock } = this.deps;
    try {
      const due = await nextOutboxDue(this.deps.db);
      if (!due) return options.pollMs;
      const untilDue = due.getTime() - clock.now().getTime();
      // A row already due but not claimed waits behind one in flight, whose end wakes the loop.
      if (untilDue <= 0 && this.inFlight.size > 0) return options.pollMs;
      return Math.max(10, Math.min(options.pollMs, untilDue));
    } catch {
      return options.pollMs;
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
    const { db, clock, logger, deliveries, options } = this.deps;
    const delivery = deliveries[row.kind];
    if (!delivery) {
      await failOutbox(db, row.id, options.owner, `no delivery for kind ${row.kind}`, clock.now());
      this.deps.metrics?.outboxMessageFailed(row.kind);
      logger.error('outbox row of unknown kind', { outboxId: row.id, kind: row.kind });
      return;
    }
    try {
      const result = await delivery(row, {
        db,
        slack: this.pacedSlack,
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
    // A 429 never uses up an attempt: Slack said when to come back, and it will take the call then.
    const exhausted = failure.kind !== 'rate_limited' && row.attempts >= options.maxAttempts;
    if (failure.kind === 'permanent' || exhausted) {
      await failOutbox(db, row.id, options.owner, failure.detail, now);
      this.deps.metrics?.outboxMessageFailed(row.kind);
      logger.error('outbox message failed for good', fields);
      return;
    }
    const backoffMs =
      failure.kind === 'rate_limited'
        ? failure.retryAfterSeconds * 1000
        : Math.min(options.maxBackoffMs, options.baseBackoffMs * 2 ** (row.attempts - 1));
    // A call given up on may still land in Slack after it: the retry looks for the message by its
    // outbox id, so it waits another timeout first, or it would miss the post and make a second.
    const waitMs =
      failure.kind === 'transient' && failure.timedOut
        ? Math.max(backoffMs, options.slackTimeoutMs)
        : backoffMs;
    const notAttempted = failure.kind === 'rate_limited';
    const retryAt = new Date(now.getTime() + waitMs);
    await rescheduleOutbox(db, row.id, options.owner, retryAt, failure.detail, notAttempted);
    logger.warn('outbox message will be retried', { ...fields, waitMs });
  }
}
