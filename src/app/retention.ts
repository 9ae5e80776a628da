// Retention: requests and audit events are kept for `retention.months` months (never fewer than 12).
// A purge deletes the closed requests (completed, rejected, withdrawn, cancelled) submitted before the
// cutoff — never an open one — together with their audit events and outbox rows (which restrict the
// delete) and, by cascade, their terms, lines, thread messages, clocks and escalation cases; then the
// audit events older than the cutoff that belong to no request. Each batch is one transaction, so the
// app keeps working between batches (the embedded database has one connection).
//
// Several instances: every batch takes a PostgreSQL advisory transaction lock with
// pg_try_advisory_xact_lock. An instance that cannot take it stops, leaving the purge to the one that
// holds it, so two instances never purge at the same time. The run ends with one audit event
// `retention.purged` (actor booking-desk, no request) with the cutoff and the counts.

import { DateTime } from 'luxon';
import { recordAudit } from '../db/audit-log.ts';
import type { Db, Tx } from '../db/types.ts';
import type { Clock } from '../domain/clock.ts';
import type { RequestStatus } from '../domain/status.ts';

export const RETENTION_ACTOR = 'booking-desk';
export const RETENTION_ACTION = 'retention.purged';
export const MIN_RETENTION_MONTHS = 12;

/** The only statuses a purge touches: a request still being worked is kept whatever its age. */
export const PURGEABLE_STATUSES: readonly RequestStatus[] = [
  'completed',
  'rejected',
  'withdrawn',
  'cancelled',
];

const LOCK_KEY = 'booking-desk:retention';

export interface RetentionDeps {
  db: Db;
  clock: Clock;
  /** retention.months of the desk config. */
  months: number;
  /** Requests per transaction (default 500). */
  requestBatch?: number;
  /** Orphan audit events per transaction (default 5,000). */
  auditBatch?: number;
}

export type PurgeResult =
  | { ran: false; reason: 'locked' }
  | {
      ran: true;
      cutoff: Date;
      requests: number;
      /** Audit events of the purged requests plus those older than the cutoff with no request. */
      auditEvents: number;
      outboxMessages: number;
      /** Another instance took the lock part-way: it purges the rest. */
      interrupted: boolean;
    };

/** The instant before which data goes: `months` calendar months before now (UTC). */
export function retentionCutoff(now: Date, months: number): Date {
  if (!Number.isInteger(months) || months < MIN_RETENTION_MONTHS) {
    throw new RangeError(`retention must be at least ${MIN_RETENTION_MONTHS} whole months, not ${months}`);
  }
  return DateTime.fromJSDate(now, { zone: 'utc' }).minus({ months }).toJSDate();
}

export async function purgeExpired(deps: RetentionDeps): Promise<PurgeResult> {
  const now = deps.clock.now();
  const cutoff = retentionCutoff(now, deps.months);
  const requestBatch = deps.requestBatch ?? 500;
  const auditBatch = deps.auditBatch ?? 5000;
  const totals = { requests: 0, auditEvents: 0, outboxMessages: 0 };
  let phase: 'requests' | 'orphans' = 'requests';

  for (let batch = 0; ; batch++) {
    const step = await deps.db.$transaction(
      async (tx) => {
        if (!(await tryLock(tx))) return { locked: false as const };
        if (phase === 'requests') {
          const purged = await purgeRequests(tx, cutoff, requestBatch);
          totals.requests += purged.requests;
          totals.auditEvents += purged.auditEvents;
          totals.outboxMessages += purged.outboxMessages;
          if (purged.requests === requestBatch) return { locked: true as const, done: false };
          phase = 'orphans';
        }
        const orphans = await purgeOrphanAudit(tx, cutoff, auditBatch);
        totals.auditEvents += orphans;
        if (orphans === auditBatch) return { locked: true as const, done: false };
        await recordPurge(tx, now, cutoff, deps.months, totals, false);
        return { locked: true as const, done: true };
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    if (!step.locked) {
      if (batch === 0) return { ran: false, reason: 'locked' };
      // Another instance goes on from here; still record what this one did.
      await deps.db.$transaction((tx) => recordPurge(tx, now, cutoff, deps.months, totals, true));
      return { ran: true, cutoff, ...totals, interrupted: true };
    }
    if (step.done) return { ran: true, cutoff, ...totals, interrupted: false };
  }
}

async function tryLock(tx: Tx): Promise<boolean> {
  const rows = await tx.$queryRaw<Array<{ locked: boolean }>>`
    SELECT pg_try_advisory_xact_lock(hashtext(${LOCK_KEY})) AS locked`;
  return rows[0]?.locked === true;
}

async function purgeRequests(tx: Tx, cutoff: Date, limit: number) {
  const ids = (
    await tx.bookingRequest.findMany({
      where: { submittedAt: { lt: cutoff }, status: { in: [...PURGEABLE_STATUSES] } },
      select: { id: true },
      orderBy: { submittedAt: 'asc' },
      take: limit,
    })
  ).map((row) => row.id);
  if (ids.length === 0) return { requests: 0, auditEvents: 0, outboxMessages: 0 };
  const audit = await tx.auditEvent.deleteMany({ where: { requestId: { in: ids } } });
  const outbox = await tx.outboxMessage.deleteMany({ where: { requestId: { in: ids } } });
  // Terms, lines, thread messages, SLA clocks and escalation cases go by ON DELETE CASCADE.
  const requests = await tx.bookingRequest.deleteMany({ where: { id: { in: ids } } });
  return { requests: requests.count, auditEvents: audit.count, outboxMessages: outbox.count };
}

async function purgeOrphanAudit(tx: Tx, cutoff: Date, limit: number): Promise<number> {
  return tx.$executeRaw`
    DELETE FROM "AuditEvent" WHERE id IN (
      SELECT id FROM "AuditEvent" WHERE "requestId" IS NULL AND at < ${cutoff} ORDER BY id LIMIT ${limit}
    )`;
}

function recordPurge(
  tx: Tx,
  now: Date,
  cutoff: Date,
  months: number,
  totals: { requests: number; auditEvents: number; outboxMessages: number },
  interrupted: boolean,
): Promise<void> {
  return recordAudit(tx, {
    requestId: null,
    actorId: RETENTION_ACTOR,
    action: RETENTION_ACTION,
    at: now,
    after: { cutoff: cutoff.toISOString(), months, ...totals, ...(interrupted ? { interrupted } : {}) },
  });
}
