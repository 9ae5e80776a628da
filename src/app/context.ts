import type { Db } from '../db/types.ts';
import type { BusinessCalendar } from '../domain/calendar/index.ts';
import type { Clock } from '../domain/clock.ts';
import type { PlaybookRegistry } from '../domain/playbook/registry.ts';
import type { Playbook } from '../domain/playbook/schema.ts';
import type { Region } from '../domain/regions.ts';
import type { SlaPolicy } from '../domain/sla/policy.ts';

/** What every application service needs: the store, the time, the playbooks, and a nudge for the outbox. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
  /** Every playbook version requests may have started with. */
  playbooks: PlaybookRegistry;
  /** The version new requests start with. */
  playbook: Playbook;
  /** Each region's business calendar (support hours, holidays, period ends). */
  calendars: Readonly<Record<Region, BusinessCalendar>>;
  /** Reminders and escalation levels new SLA clocks start with. */
  slaPolicy: SlaPolicy;
  /** Called after a commit that wrote outbox rows, so they go out now rather than at the next poll. */
  outboxWritten(): void;
}
