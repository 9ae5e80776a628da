/**
 * Slack's rate limits, opt-in: per-method tiers (calls per minute per workspace) and chat.postMessage's
 * special pace of about one message per second per channel with short bursts. A call over its limit is
 * answered as Slack answers it, HTTP 429 with `Retry-After` in whole seconds, and is not counted.
 *
 * Each limit is a token bucket refilled at its rate, in real elapsed time (Slack's limiter does not
 * follow the emulator's `now`). `speed` runs every rate faster by a factor, so a benchmark can drain
 * what would take Slack minutes; Retry-After stays whole seconds, as Slack sends it.
 */
import type { MethodContract } from './contracts.ts';
import type { FaultSpec, Interceptor } from './faults.ts';
import type { JsonObject } from './types.ts';

/** Slack's documented floors, calls per minute (`t5` is "special": limited per method, below). */
export const SLACK_TIER_LIMITS: Readonly<Record<string, number>> = { t1: 1, t2: 20, t3: 50, t4: 100 };

/** chat.postMessage into one channel: ~1 per second, a short burst allowed. */
export const SLACK_CHANNEL_POST_PACE: ChannelPostPace = { perSecond: 1, burst: 3 };

export interface ChannelPostPace {
  /** Messages per second into one channel. */
  perSecond: number;
  /** Messages that may go in at once after a quiet spell. */
  burst: number;
}

export interface RateLimitOptions {
  /** Calls per minute by tier; default SLACK_TIER_LIMITS. `false`: no tier is limited. */
  tiers?: Partial<Record<string, number>> | false;
  /** Calls per minute for named methods, over their tier (e.g. a special-tier method). */
  methods?: Readonly<Record<string, number>>;
  /** chat.postMessage per channel; default SLACK_CHANNEL_POST_PACE. `false`: not paced. */
  channelPosts?: Partial<ChannelPostPace> | false;
  /** Every rate times this (10: ten times Slack's pace). Default 1. */
  speed?: number;
  /** Milliseconds of real time; default performance.now. For tests. */
  now?: () => number;
}

/**
 * A token bucket kept as its theoretical arrival time (GCRA): one call per `intervalMs`, `burst` at
 * once after a quiet spell. Whole milliseconds stay exact, unlike counting fractional tokens.
 */
class Bucket {
  private tat: number;
  private readonly tolerance: number;

  constructor(
    private readonly intervalMs: number,
    burst: number,
    now: number,
  ) {
    this.tat = now;
    this.tolerance = (Math.max(1, burst) - 1) * intervalMs;
  }

  /** Milliseconds until a call would go through (0: now). */
  waitMs(now: number): number {
    return Math.max(0, Math.max(this.tat, now) - this.tolerance - now);
  }

  take(now: number): void {
    this.tat = Math.max(this.tat, now) + this.intervalMs;
  }
}

export class RateLimiter implements Interceptor {
  private readonly buckets = new Map<string, Bucket>();
  private readonly tiers: Partial<Record<string, number>>;
  private readonly pace: ChannelPostPace | undefined;
  private readonly speed: number;
  private readonly now: () => number;

  constructor(private readonly options: RateLimitOptions = {}) {
    this.tiers = options.tiers === false ? {} : { ...SLACK_TIER_LIMITS, ...options.tiers };
    this.pace =
      options.channelPosts === false ? undefined : { ...SLACK_CHANNEL_POST_PACE, ...options.channelPosts };
    this.speed = options.speed ?? 1;
    if (!(this.speed > 0)) throw new Error(`speed must be positive, got ${this.speed}`);
    this.now = options.now ?? (() => performance.now());
  }

  intercept(method: string, contract: MethodContract, args: JsonObject): FaultSpec | undefined {
    const now = this.now();
    const buckets: Bucket[] = [];
    const perMinute = this.options.methods?.[method] ?? this.tiers[contract.rateTier ?? ''];
    // A minute's allowance may go at once: Slack counts per minute and allows bursts within it.
    if (perMinute !== undefined)
      buckets.push(this.bucket(`method:${method}`, 60_000 / perMinute, perMinute, now));
    if (method === 'chat.postMessage' && this.pace && typeof args.channel === 'string') {
      buckets.push(this.bucket(`channel:${args.channel}`, 1000 / this.pace.perSecond, this.pace.burst, now));
    }
    const waitMs = Math.max(0, ...buckets.map((bucket) => bucket.waitMs(now)));
    // Only a call that goes through is counted, against every limit it falls under.
    if (waitMs === 0) for (const bucket of buckets) bucket.take(now);
    return waitMs > 0 ? { status: 429, retryAfter: Math.max(1, Math.ceil(waitMs / 1000)) } : undefined;
  }

  private bucket(key: string, intervalMs: number, burst: number, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new Bucket(intervalMs / this.speed, burst, now);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
