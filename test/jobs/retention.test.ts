// The retention purge against the store: old closed requests go with all their rows, open and recent
// ones stay, old orphan audit events go, each run is audited, a second run finds nothing more, and
// an instance that cannot take the lock leaves the purge to the one that holds it.

import { describe, expect, it } from 'vitest';
import { actOnRequest } from '../../src/app/act-on-request.ts';
import { purgeExpired, RETENTION_ACTION, retentionCutoff } from '../../src/app/retention.ts';
import { submitBooking } from '../../src/app/submit-booking.ts';
import { RetentionJob } from '../../src/jobs/retention.ts';
import { createLogger } from '../../src/logger.ts';
import { forEachDatabase } from '../support/database.ts';
import { aDraft, serviceContext } from '../support/services.ts';
import { signal } from '../support/signal.ts';

const REP = { userId: 'U_REP', roles: [], isDeskAdmin: false };

describe('retentionCutoff', () => {
  it('is whole calendar months back in UTC, never fewer than 12', () => {
    expect(retentionCutoff(new Date('2028-11-23T03:15:00Z'), 24)).toEqual(new Date('2026-11-23T03:15:00Z'));
    expect(retentionCutoff(new Date('2028-03-31T03:15:00Z'), 13)).toEqual(new Date('2027-02-28T03:15:00Z'));
    expect(() => retentionCutoff(new Date(), 11)).toThrow(/at least 12/);
  });
});

forEachDatabase('the retention purge', (database, backend) => {
  async function desk() {
    const { ctx, clock } = serviceContext(database.prisma, new Date('2026-01-05T10:00:00Z'));
    const submit = async (quoteNumber: string, at: string) => {
      clock.set(new Date(at));
      const result = await submitBooking(ctx, {
        requesterId: REP.userId,
        deskChannel: 'C_DESK',
        intakeViewId: null,
        draft: aDraft({ quoteNumber }),
      });
      if (!result.ok) throw new Error('booking failed');
      return result.requestId;
    };
    const withdraw = async (requestId: string, at: string) => {
      clock.set(new Date(at));
      const result = await actOnRequest(ctx, {
        requestId,
        command: { type: 'withdraw', actor: REP, at: clock.now() },
      });
      expect(result.ok).toBe(true);
    };
    return { ctx, clock, submit, withdraw };
  }

  const rowsOf = async (requestId: string) => ({
    request: await database.prisma.bookingRequest.count({ where: { id: requestId } }),
    audit: await database.prisma.auditEvent.count({ where: { requestId } }),
    outbox: await database.prisma.outboxMessage.count({ where: { requestId } }),
    terms: await database.prisma.commercialTerms.count({ where: { requestId } }),
    lines: await database.prisma.bookingLine.count({ where: { requestId } }),
    clocks: await database.prisma.slaClock.count({ where: { requestId } }),
  });

  it('purges old closed requests with their rows and old orphan events, keeps the rest, and records it', async () => {
    const { clock, submit, withdraw } = await desk();
    const oldClosed = await submit('Q-OLD-CLOSED', '2026-01-05T10:00:00Z');
    await withdraw(oldClosed, '2026-01-06T10:00:00Z');
    const oldOpen = await submit('Q-OLD-OPEN', '2026-01-05T11:00:00Z');
    const recentClosed = await submit('Q-RECENT', '2027-12-01T10:00:00Z');
    await withdraw(recentClosed, '2027-12-02T10:00:00Z');
    await database.prisma.auditEvent.createMany({
      data: [
        {
          requestId: null,
          actorId: 'U_ADMIN',
          action: 'coverage.marked',
          at: new Date('2026-01-04T00:00:00Z'),
        },
        {
          requestId: null,
          actorId: 'U_ADMIN',
          action: 'coverage.marked',
          at: new Date('2027-06-01T00:00:00Z'),
        },
      ],
    });
    const before = await rowsOf(oldClosed);
    expect(before.audit).toBeGreaterThanOrEqual(2);
    expect(before.outbox).toBeGreaterThan(0);

    clock.set(new Date('2028-01-10T03:15:00Z'));
    const job = new RetentionJob({ db: database.prisma, clock, months: 24, logger: createLogger('silent') });
    const result = await job.runNow();
    expect(result).toEqual({
      ran: true,
      cutoff: new Date('2026-01-10T03:15:00Z'),
      requests: 1,
      auditEvents: before.audit + 1,
      outboxMessages: before.outbox,
      interrupted: false,
    });
    expect(await rowsOf(oldClosed)).toEqual({
      request: 0,
      audit: 0,
      outbox: 0,
      terms: 0,
      lines: 0,
      clocks: 0,
    });
    // An open request is never purged, however old; a recent closed one is within retention.
    expect((await rowsOf(oldOpen)).request).toBe(1);
    expect((await rowsOf(oldOpen)).audit).toBeGreaterThan(0);
    expect((await rowsOf(recentClosed)).request).toBe(1);
    expect(await database.prisma.auditEvent.count({ where: { action: 'coverage.marked' } })).toBe(1);

    const recorded = await database.prisma.auditEvent.findMany({ where: { action: RETENTION_ACTION } });
    expect(recorded).toMatchObject([
      {
        requestId: null,
        actorId: 'booking-desk',
        at: new Date('2028-01-10T03:15:00Z'),
        after: {
          cutoff: '2026-01-10T03:15:00.000Z',
          months: 24,
          requests: 1,
          auditEvents: before.audit + 1,
          outboxMessages: before.outbox,
        },
      },
    ]);

    // Again: nothing more to purge; the run is still recorded.
    clock.set(new Date('2028-01-10T03:16:00Z'));
    expect(await job.runNow()).toMatchObject({ ran: true, requests: 0, auditEvents: 0, outboxMessages: 0 });
    expect((await rowsOf(oldOpen)).request).toBe(1);
    expect((await rowsOf(recentClosed)).request).toBe(1);
    expect(await database.prisma.auditEvent.count({ where: { action: RETENTION_ACTION } })).toBe(2);
    await job.stop();
  });

  it('works in batches', async () => {
    const { clock, submit, withdraw } = await desk();
    for (let i = 0; i < 5; i++) {
      const id = await submit(`Q-${i}`, `2026-01-05T1${i}:00:00Z`);
      await withdraw(id, `2026-01-05T1${i}:30:00Z`);
    }
    clock.set(new Date('2027-02-01T00:00:00Z'));
    const result = await purgeExpired({
      db: database.prisma,
      clock,
      months: 12,
      requestBatch: 2,
      auditBatch: 1,
    });
    expect(result).toMatchObject({ ran: true, requests: 5, interrupted: false });
    expect(await database.prisma.bookingRequest.count()).toBe(0);
  });

  // PGlite has one connection, so a second instance can only be a second server connection.
  it.skipIf(backend.name === 'pglite')('skips when another instance holds the lock', async () => {
    const { clock, submit, withdraw } = await desk();
    const id = await submit('Q-LOCKED', '2026-01-05T10:00:00Z');
    await withdraw(id, '2026-01-05T11:00:00Z');
    clock.set(new Date('2028-01-10T03:15:00Z'));
    const released = signal();
    const lockTaken = signal();
    // Another instance: a transaction on another pooled connection holding the lock.
    const holder = database.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('booking-desk:retention'))`;
        lockTaken.fire();
        await released.done;
      },
      { timeout: 20_000 },
    );
    await lockTaken.done;
    try {
      expect(await purgeExpired({ db: database.prisma, clock, months: 24 })).toEqual({
        ran: false,
        reason: 'locked',
      });
      expect(await database.prisma.bookingRequest.count({ where: { id } })).toBe(1);
      expect(await database.prisma.auditEvent.count({ where: { action: RETENTION_ACTION } })).toBe(0);
    } finally {
      released.fire();
      await holder;
    }
    expect(await purgeExpired({ db: database.prisma, clock, months: 24 })).toMatchObject({
      ran: true,
      requests: 1,
    });
  });
});
