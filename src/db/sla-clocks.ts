// Stored SLA clocks: rows to domain clocks and back, and the sweep's claim on due rows. A claim is a
// row lock taken with FOR UPDATE SKIP LOCKED inside the sweep's transaction: two instances never
// handle the same clock, and a crashed instance's locks end with its connection.

import type { SlaClock, SlaKind, SlaOutcome, SlaStatus } from '../domain/sla/clock.ts';
import { SlaPolicySchema } from '../domain/sla/policy.ts';
import type { SlaClock as SlaClockRow } from './generated/client.ts';
import { type DbOrTx, type Tx, toJson } from './types.ts';

export interface StoredClock {
  id: string;
  requestId: string;
  region: string;
  clock: SlaClock;
}

export function clockFromRow(row: SlaClockRow): StoredClock {
  return {
    id: row.id,
    requestId: row.requestId,
    region: row.region,
    clock: {
      key: row.key,
      kind: row.kind as SlaKind,
      stepId: row.stepId,
      targetMinutes: row.targetMinutes,
      policy: SlaPolicySchema.parse(row.policy),
      startedAt: row.startedAt,
      consumedMinutes: row.consumedMinutes,
      runningSince: row.runningSince,
      status: row.status as SlaStatus,
      dueAt: row.dueAt,
      breachedAt: row.breachedAt,
      alertsFired: row.alertsFired,
      stoppedAt: row.stoppedAt,
      outcome: row.outcome as SlaOutcome | null,
      nextCheckAt: row.nextCheckAt,
    },
  };
}

function columns(clock: SlaClock) {
  return {
    kind: clock.kind,
    stepId: clock.stepId,
    targetMinutes: clock.targetMinutes,
    policy: toJson(clock.policy),
    startedAt: clock.startedAt,
    consumedMinutes: clock.consumedMinutes,
    runningSince: clock.runningSince,
    status: clock.status,
    dueAt: clock.dueAt,
    breachedAt: clock.breachedAt,
    alertsFired: clock.alertsFired,
    stoppedAt: clock.stoppedAt,
    outcome: clock.outcome,
    nextCheckAt: clock.nextCheckAt,
  };
}

/**
 * A request's clocks, locked for this transaction: a workflow change waits for a sweep that holds
 * one of them and then reads what the sweep wrote, so neither overwrites the other's alert count.
 */
export async function lockClocks(tx: Tx, requestId: string): Promise<StoredClock[]> {
  await tx.$executeRaw`SELECT 1 FROM "SlaClock" WHERE "requestId" = ${requestId}::uuid FOR UPDATE`;
  return loadClocks(tx, requestId);
}

export async function loadClocks(db: DbOrTx, requestId: string): Promise<StoredClock[]> {
  const rows = await db.slaClock.findMany({ where: { requestId }, orderBy: { startedAt: 'asc' } });
  return rows.map(clockFromRow);
}

/** Inserts the clock, or replaces the one with the same key (a step activated again starts afresh). */
export async function saveClock(
  tx: Tx,
  target: { requestId: string; region: string; clock: SlaClock; at: Date },
): Promise<void> {
  const { requestId, region, clock, at } = target;
  await tx.slaClock.upsert({
    where: { requestId_key: { requestId, key: clock.key } },
    create: { requestId, region, key: clock.key, ...columns(clock), updatedAt: at },
    update: { region, ...columns(clock), updatedAt: at },
  });
}

/** Locks up to `limit` clocks whose next check has come, oldest first, skipping rows others hold. */
export async function claimDueClocks(tx: Tx, now: Date, limit: number): Promise<StoredClock[]> {
  const ids = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "SlaClock"
    WHERE "nextCheckAt" <= ${now}
    ORDER BY "nextCheckAt"
    LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`;
  if (ids.length === 0) return [];
  const rows = await tx.slaClock.findMany({ where: { id: { in: ids.map((row) => row.id) } } });
  return rows.map(clockFromRow).sort((a, b) => due(a) - due(b));
}

function due(stored: StoredClock): number {
  return stored.clock.nextCheckAt?.getTime() ?? 0;
}
