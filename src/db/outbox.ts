// The Slack outbox: rows written in the same transaction as the state they announce, delivered after
// commit. Claims are leases taken with FOR UPDATE SKIP LOCKED, so several dispatchers never share a
// row and a crashed dispatcher's rows come back when its lease ends.

import type { OutboxMessage } from './generated/client.ts';
import { type Db, type DbOrTx, type Tx, toJson } from './types.ts';

export interface OutboxEntry {
  requestId: string | null;
  kind: string;
  method: string;
  args: unknown;
  /** Unique per intended message: enqueueing the same key twice is refused by the database. */
  idempotencyKey: string;
  /** Rows sharing a key are delivered strictly in insertion order (one thread, one DM). */
  orderingKey: string;
  at: Date;
}

export async function enqueueOutbox(tx: Tx, entries: readonly OutboxEntry[]): Promise<void> {
  await tx.outboxMessage.createMany({
    data: entries.map((entry) => ({
      requestId: entry.requestId,
      kind: entry.kind,
      method: entry.method,
      args: toJson(entry.args),
      idempotencyKey: entry.idempotencyKey,
      orderingKey: entry.orderingKey,
      createdAt: entry.at,
      nextAttemptAt: entry.at,
    })),
  });
}

export interface ClaimOptions {
  owner: string;
  now: Date;
  leaseMs: number;
  limit: number;
}

/**
 * Claims up to `limit` due rows, at most one per ordering key: the oldest pending row of each key,
 * so a later message never overtakes an earlier one that is waiting for a retry.
 *
 * The rows are picked once (a MATERIALIZED CTE) and each key's head found with one GROUP BY, so the
 * cost stays linear in the pending rows whatever the planner believes about the table. Written as
 * `UPDATE … WHERE id IN (SELECT … LIMIT … FOR UPDATE SKIP LOCKED)` with a NOT EXISTS per row, a
 * table the statistics still think empty (embedded PGlite never auto-analyzes; a server only after
 * a while) got a nested loop that ran the picking once per outbox row: 1,000 SLA pings took over
 * 20 s per claim, on the app's own thread with PGlite, and claimed more rows than `limit`.
 */
export async function claimDueOutbox(
  db: Db,
  { owner, now, leaseMs, limit }: ClaimOptions,
): Promise<OutboxMessage[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  return db.$queryRaw<OutboxMessage[]>`
    WITH "picked" AS MATERIALIZED (
      SELECT m."id" FROM "OutboxMessage" m
      WHERE m."id" IN (
          SELECT min(h."id") FROM "OutboxMessage" h WHERE h."status" = 'pending' GROUP BY h."orderingKey"
        )
        AND m."status" = 'pending' AND m."nextAttemptAt" <= ${now}
        AND (m."leaseUntil" IS NULL OR m."leaseUntil" < ${now})
      ORDER BY m."id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "OutboxMessage" o
    SET "leaseOwner" = ${owner}, "leaseUntil" = ${leaseUntil}, "attempts" = o."attempts" + 1
    FROM "picked" p WHERE o."id" = p."id"
    RETURNING o.*`;
}

export async function markOutboxSent(
  db: Db | Tx,
  id: bigint,
  owner: string,
  result: unknown,
  now: Date,
): Promise<boolean> {
  const updated = await db.outboxMessage.updateMany({
    where: { id, status: 'pending', leaseOwner: owner },
    data: {
      status: 'sent',
      sentAt: now,
      result: toJson(result),
      leaseOwner: null,
      leaseUntil: null,
      lastError: null,
    },
  });
  return updated.count === 1;
}

/**
 * Extends the leases `owner` still holds on `ids` (its deliveries under way), so a lease lapses only
 * when its owner has stopped renewing it: a crashed process's rows come back after one short lease,
 * while a slow delivery is never handed to a second dispatcher.
 */
export async function renewOutboxLeases(
  db: Db,
  owner: string,
  ids: readonly bigint[],
  leaseUntil: Date,
): Promise<number> {
  if (ids.length === 0) return 0;
  const renewed = await db.outboxMessage.updateMany({
    where: { id: { in: [...ids] }, status: 'pending', leaseOwner: owner },
    data: { leaseUntil },
  });
  return renewed.count;
}

export async function rescheduleOutbox(
  db: Db,
  id: bigint,
  owner: string,
  nextAttemptAt: Date,
  error: string,
  /** Slack refused to take the call yet (429): it was not an attempt, so it does not count. */
  notAttempted = false,
): Promise<void> {
  await db.outboxMessage.updateMany({
    where: { id, status: 'pending', leaseOwner: owner },
    data: {
      nextAttemptAt,
      lastError: error.slice(0, 1000),
      leaseOwner: null,
      leaseUntil: null,
      ...(notAttempted ? { attempts: { decrement: 1 } } : {}),
    },
  });
}

export async function failOutbox(db: Db, id: bigint, owner: string, error: string, now: Date): Promise<void> {
  await db.outboxMessage.updateMany({
    where: { id, status: 'pending', leaseOwner: owner },
    data: {
      status: 'failed',
      lastError: error.slice(0, 1000),
      leaseOwner: null,
      leaseUntil: null,
      sentAt: now,
    },
  });
}

/** A row the dispatcher gave up on, as the desk admins see it. */
export interface FailedOutboxRow {
  id: bigint;
  kind: string;
  /** The request's human reference, when the row belongs to one. */
  reference: string | null;
  lastError: string | null;
  failedAt: Date | null;
}

/** The most recently failed rows, newest first, and how many failed rows there are in all. */
export async function listFailedOutbox(
  db: DbOrTx,
  limit: number,
): Promise<{ rows: FailedOutboxRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    db.outboxMessage.findMany({
      where: { status: 'failed' },
      orderBy: [{ sentAt: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }],
      take: limit,
      select: {
        id: true,
        kind: true,
        lastError: true,
        sentAt: true,
        request: { select: { reference: true } },
      },
    }),
    db.outboxMessage.count({ where: { status: 'failed' } }),
  ]);
  return {
    rows: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      reference: row.request?.reference ?? null,
      lastError: row.lastError,
      failedAt: row.sentAt,
    })),
    total,
  };
}

/**
 * Puts a failed row back in the queue, due now, with a fresh attempt budget. The budget restarts
 * at one attempt, not zero: the failed run may have reached Slack (a lost answer), and a delivery
 * looks for its earlier message before posting again only on a repeated attempt. Returns the row
 * as it was, or null when it is not failed (someone else retried it first).
 */
export async function requeueFailedOutbox(tx: Tx, id: bigint, now: Date): Promise<OutboxMessage | null> {
  const before = await tx.outboxMessage.findUnique({ where: { id } });
  if (before?.status !== 'failed') return null;
  const requeued = await tx.outboxMessage.updateMany({
    where: { id, status: 'failed' },
    data: {
      status: 'pending',
      attempts: 1,
      nextAttemptAt: now,
      sentAt: null,
      leaseOwner: null,
      leaseUntil: null,
    },
  });
  return requeued.count === 1 ? before : null;
}

/** The earliest time a pending row becomes due, so an idle dispatcher knows how long to sleep. */
export async function nextOutboxDue(db: Db): Promise<Date | null> {
  const row = await db.outboxMessage.findFirst({
    where: { status: 'pending' },
    orderBy: { nextAttemptAt: 'asc' },
    select: { nextAttemptAt: true },
  });
  return row?.nextAttemptAt ?? null;
}

/**
 * Frees every claim. Only for the embedded database: one process owns a PGlite directory, so at
 * start any claim left behind is a dead process's. (On a shared server, claims expire instead.)
 */
export async function releaseAllOutboxLeases(db: Db): Promise<number> {
  const released = await db.outboxMessage.updateMany({
    where: { status: 'pending', leaseOwner: { not: null } },
    data: { leaseOwner: null, leaseUntil: null },
  });
  return released.count;
}

/**
 * Frees the claims of one dispatcher (`owner`), for a clean shutdown once its deliveries have ended:
 * the rows go back to the queue at once instead of waiting for their leases to run out.
 */
export async function releaseOutboxLeasesOf(db: Db, owner: string): Promise<number> {
  const released = await db.outboxMessage.updateMany({
    where: { status: 'pending', leaseOwner: owner },
    data: { leaseOwner: null, leaseUntil: null },
  });
  return released.count;
}
