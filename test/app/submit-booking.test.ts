import { expect, it } from 'vitest';
import { submitBooking } from '../../src/app/submit-booking.ts';
import { loadBooking } from '../../src/db/bookings.ts';
import { forEachDatabase } from '../support/database.ts';
import { aDraft, serviceContext } from '../support/services.ts';

forEachDatabase('submitting a booking', (database) => {
  const command = (overrides: Parameters<typeof aDraft>[0] = {}, intakeViewId: string | null = null) => ({
    requesterId: 'U_REP',
    deskChannel: 'C_DESK',
    intakeViewId,
    draft: aDraft(overrides),
  });

  it('writes the request, its terms and lines, an audit event and the outbox rows for card, first step and DM, in one go', async () => {
    const { ctx, nudges } = serviceContext(database.prisma);
    const result = await submitBooking(ctx, command());
    expect(result).toMatchObject({ ok: true, reference: 'BK-2026-000001', replayed: false });
    const requestId = result.ok ? result.requestId : '';

    const booking = await loadBooking(database.prisma, requestId);
    expect(booking).toMatchObject({
      reference: 'BK-2026-000001',
      status: 'submitted',
      version: 1,
      commercialVersion: 1,
      region: 'EMEA',
      parentTs: null,
      draft: { quoteNumber: 'Q-1234', currency: 'GBP', subscriptionStart: '2026-12-01' },
    });
    expect(booking?.draft.lines.map((line) => [line.sku, line.quantity, line.unitPriceMinor])).toEqual([
      ['PRO-SEAT', 25, 4000n],
      ['SUPPORT', 1, 50000n],
    ]);
    const audit = await database.prisma.auditEvent.findMany({ where: { requestId } });
    expect(audit).toMatchObject([{ action: 'request.submitted', actorId: 'U_REP' }]);
    expect((audit[0]!.after as { lines: { unitPriceMinor: string }[] }).lines[0]?.unitPriceMinor).toBe(
      '4000',
    );
    const outbox = await database.prisma.outboxMessage.findMany({
      where: { requestId },
      orderBy: { id: 'asc' },
    });
    expect(outbox.map((row) => [row.kind, row.status, row.orderingKey])).toEqual([
      ['status_card.post', 'pending', `request:${requestId}`],
      ['step_message.post', 'pending', `request:${requestId}`],
      ['requester.confirmation', 'pending', `request:${requestId}`],
    ]);
    expect(outbox[1]?.args).toMatchObject({ stepId: 'verify_quote' });
    expect(booking?.workflow).toMatchObject({
      status: 'submitted',
      version: 1,
      playbook: { id: 'subscription_booking' },
    });
    expect(nudges.count).toBe(1);
  });

  it('asks for the Homes it touched to be published again, once while one is still waiting', async () => {
    const { ctx } = serviceContext(database.prisma);
    await submitBooking(ctx, command({ quoteNumber: 'Q-1' }));
    await submitBooking(ctx, command({ quoteNumber: 'Q-2' }));
    const refreshes = await database.prisma.outboxMessage.findMany({
      where: { kind: 'home.refresh' },
      orderBy: { id: 'asc' },
    });
    expect(refreshes.map((row) => row.orderingKey)).toEqual([
      'home:users:U_REP',
      'home:role:EMEA:order_management',
      'home:desk-admins',
    ]);
  });

  it('numbers references per year', async () => {
    const { ctx, clock } = serviceContext(database.prisma);
    await submitBooking(ctx, command({ quoteNumber: 'Q-1' }));
    const second = await submitBooking(ctx, command({ quoteNumber: 'Q-2' }));
    clock.set(new Date('2027-01-01T09:00:00Z'));
    const nextYear = await submitBooking(
      ctx,
      command({ quoteNumber: 'Q-3', subscriptionStart: '2026-12-20' }),
    );
    expect([second, nextYear].map((result) => result.ok && result.reference)).toEqual([
      'BK-2026-000002',
      'BK-2027-000001',
    ]);
  });

  it('refuses a second request for a quote that has an open one, naming it, and writes nothing', async () => {
    const { ctx } = serviceContext(database.prisma);
    await submitBooking(ctx, command());
    const again = await submitBooking(ctx, command({ customerAccountName: 'Someone else' }));
    expect(again).toMatchObject({
      ok: false,
      reason: 'duplicate_quote',
      holder: { reference: 'BK-2026-000001', status: 'submitted', deskChannel: 'C_DESK' },
    });
    expect(await database.prisma.bookingRequest.count()).toBe(1);
    expect(await database.prisma.outboxMessage.count({ where: { requestId: { not: null } } })).toBe(3);
    expect(await database.prisma.referenceCounter.findUnique({ where: { year: 2026 } })).toMatchObject({
      last: 1,
    });
  });

  it('frees the quote number once its request is withdrawn', async () => {
    const { ctx } = serviceContext(database.prisma);
    await submitBooking(ctx, command());
    await database.prisma.bookingRequest.updateMany({ data: { status: 'withdrawn' } });
    expect((await submitBooking(ctx, command())).ok).toBe(true);
  });

  it('records exactly one of many concurrent submissions of the same quote', async () => {
    const { ctx } = serviceContext(database.prisma);
    const results = await Promise.all(Array.from({ length: 6 }, () => submitBooking(ctx, command())));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toHaveLength(5);
    expect(await database.prisma.bookingRequest.count()).toBe(1);
    expect(await database.prisma.outboxMessage.count({ where: { requestId: { not: null } } })).toBe(3);
  });

  it('answers a replayed submission of the same modal with the first reference', async () => {
    const { ctx, nudges } = serviceContext(database.prisma);
    const first = await submitBooking(ctx, command({}, 'V_1'));
    const replay = await submitBooking(ctx, command({}, 'V_1'));
    expect(replay).toMatchObject({ ok: true, reference: first.ok ? first.reference : '', replayed: true });
    expect(await database.prisma.bookingRequest.count()).toBe(1);
    expect(nudges.count).toBe(1);
  });
});
