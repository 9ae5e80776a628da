// The sweep job against the store: what it writes for due clocks, that a second sweep at the same
// minute writes nothing, and that one clock it cannot handle never holds up the others.

import { expect, it } from 'vitest';
import { submitBooking } from '../../src/app/submit-booking.ts';
import { sweepSlaClocks } from '../../src/jobs/sla-sweep.ts';
import { createLogger } from '../../src/logger.ts';
import { forEachDatabase } from '../support/database.ts';
import { aDeskConfig } from '../support/desk-config.ts';
import { aDraft, serviceContext } from '../support/services.ts';

forEachDatabase('the SLA sweep', (database) => {
  async function twoRequests() {
    const { ctx, clock } = serviceContext(database.prisma, new Date('2026-11-23T09:00:00Z'));
    const ids: string[] = [];
    for (const quoteNumber of ['Q-1001', 'Q-1002']) {
      const result = await submitBooking(ctx, {
        requesterId: 'U_REP',
        deskChannel: 'C_DESK',
        intakeViewId: null,
        draft: aDraft({ quoteNumber }),
      });
      if (!result.ok) throw new Error('booking failed');
      ids.push(result.requestId);
    }
    const deps = {
      db: database.prisma,
      clock,
      config: aDeskConfig(),
      playbooks: ctx.playbooks,
      logger: createLogger('silent'),
      outboxWritten: () => {},
    };
    return { ids, clock, deps };
  }

  const alertRows = (requestId: string) =>
    database.prisma.outboxMessage.count({ where: { requestId, kind: 'sla.alert' } });

  it('writes each due nudge once, with its audit event and a card update', async () => {
    const { ids, clock, deps } = await twoRequests();
    clock.set(new Date('2026-11-23T14:59:00Z'));
    expect(await sweepSlaClocks(deps)).toEqual({ clocks: 0, alerts: 0 });
    clock.set(new Date('2026-11-23T15:00:00Z'));
    expect(await sweepSlaClocks(deps)).toEqual({ clocks: 2, alerts: 2 });
    expect(await sweepSlaClocks(deps)).toEqual({ clocks: 0, alerts: 0 });
    for (const id of ids) {
      expect(await alertRows(id)).toBe(1);
      expect(
        await database.prisma.auditEvent.count({ where: { requestId: id, action: 'sla.reminder' } }),
      ).toBe(1);
    }
    const next = await database.prisma.slaClock.findFirstOrThrow({ where: { requestId: ids[0]! } });
    expect(next.nextCheckAt).toEqual(new Date('2026-11-24T09:00:00Z'));
  });

  it('sets a clock it cannot handle aside for 15 minutes and sweeps the others', async () => {
    const { ids, clock, deps } = await twoRequests();
    await database.prisma.bookingRequest.update({
      where: { id: ids[0]! },
      data: { workflow: { broken: true } },
    });
    clock.set(new Date('2026-11-23T15:00:00Z'));
    expect(await sweepSlaClocks(deps)).toMatchObject({ clocks: 2 });
    expect(await alertRows(ids[0]!)).toBe(0);
    expect(await alertRows(ids[1]!)).toBe(1);
    const broken = await database.prisma.slaClock.findFirstOrThrow({ where: { requestId: ids[0]! } });
    expect(broken.nextCheckAt).toEqual(new Date('2026-11-23T15:15:00Z'));
    expect(broken.alertsFired).toBe(0);
  });
});
