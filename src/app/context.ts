import type { Db } from '../db/types.ts';
import type { Clock } from '../domain/clock.ts';
import type { PlaybookRegistry } from '../domain/playbook/registry.ts';
import type { Playbook } from '../domain/playbook/schema.ts';

/** What every application service needs: the store, the time, the playbooks, and a nudge for the outbox. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
  /** Every playbook version requests may have started with. */
  playbooks: PlaybookRegistry;
  /** The version new requests start with. */
  playbook: Playbook;
  /** Called after a commit that wrote outbox rows, so they go out now rather than at the next poll. */
  outboxWritten(): void;
}
