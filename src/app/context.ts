import type { Db } from '../db/types.ts';
import type { Clock } from '../domain/clock.ts';

/** What every application service needs: the store, the time, and a nudge for the outbox. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
  /** Called after a commit that wrote outbox rows, so they go out now rather than at the next poll. */
  outboxWritten(): void;
}
