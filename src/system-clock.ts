import type { Clock } from './domain/clock.ts';

/** The wall clock; only the composition roots hand it out. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that runs at real speed from a chosen instant and can be moved forward: for end-to-end
 * tests, the demo and the playground, where retries must come due but a test also jumps hours.
 */
export class ShiftedClock implements Clock {
  private offsetMs: number;

  constructor(
    start: Date,
    private readonly realNow: () => number = Date.now,
  ) {
    this.offsetMs = start.getTime() - realNow();
  }

  now(): Date {
    return new Date(this.realNow() + this.offsetMs);
  }

  advanceMinutes(minutes: number): void {
    this.offsetMs += minutes * 60_000;
  }

  set(instant: Date): void {
    this.offsetMs = instant.getTime() - this.realNow();
  }
}
