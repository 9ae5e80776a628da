import type { Clock } from './domain/clock.ts';

/** The wall clock; only the composition root hands it out. */
export const systemClock: Clock = { now: () => new Date() };
