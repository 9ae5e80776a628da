// A change that relies on a re-render already waiting in the outbox (a Home refresh, a card update)
// holds that row until it commits, so no dispatcher claims and renders it before the change is
// visible: the render would miss it, and no other would follow.

import { expect, it } from 'vitest';
import { refreshHomes } from '../../src/app/home-refresh.ts';
import { OUTBOX_KIND } from '../../src/app/outbox-kinds.ts';
import { withoutWaitingRenders } from '../../src/app/waiting-renders.ts';
import { claimDueOutbox, enqueueOutbox, type OutboxEntry } from '../../src/db/outbox.ts';
import type { Tx } from '../../src/db/types.ts';
import type { Role } from '../../src/domain/roles.ts';
import { type DatabaseHandle, forEachDatabase } from '../support/database.ts';
import { signal } from '../support/signal.ts';

const AT = new Date('2026-11-23T10:00:00Z');

/** A change touching the EMEA billing pool's Homes. */
const refreshPool = (tx: Tx) =>
  refreshHomes(tx, { users: [], roles: [{ role: 'billing', region: 'EMEA' }], deskAdmins: false }, AT);

function cardUpdate(key: string): OutboxEntry {
  return {
    requestId: null,
    kind: OUTBOX_KIND.statusCardUpdate,
    method: 'chat.update',
    args: {},
    idempotencyKey: key,
    orderingKey: 'request:waiting-rows',
    at: AT,
  };
}

/** Runs `change` in a transaction held open while `meanwhile` runs on another connection. */
async function whileHeld<T>(
  database: DatabaseHandle,
  change: (tx: Tx) => Promise<unknown>,
  meanwhile: () => Promise<T>,
): Promise<T> {
  const released = signal();
  const applied = signal();
  const holding = database.prisma.$transaction(
    async (tx) => {
      await change(tx);
      applied.fire();
      await released.done;
    },
    { timeout: 20_000 },
  );
  await applied.done;
  try {
    return await meanwhile();
  } finally {
    released.fire();
    await holding;
  }
}

forEachDatabase('waiting re-renders', (database, backend) => {
  const claim = () =>
    claimDueOutbox(database.prisma, { owner: 'other', now: AT, leaseMs: 15_000, limit: 10 });
  // PGlite has one connection: a second dispatcher can only be a second server connection.
  const onServer = it.skipIf(backend.name === 'pglite');

  onServer('a waiting Home refresh is not claimed until the change that relies on it commits', async () => {
    await database.prisma.$transaction(refreshPool);
    expect(await whileHeld(database, refreshPool, claim)).toEqual([]);
    expect(await claim()).toHaveLength(1);
    // The change added no second refresh: the waiting one renders it.
    expect(await database.prisma.outboxMessage.count()).toBe(1);
  });

  onServer(
    'changes touching the same Homes in any order all commit, relying on the refreshes waiting',
    async () => {
      const touch = (roles: readonly Role[]) => (tx: Tx) =>
        refreshHomes(
          tx,
          { users: [], roles: roles.map((role) => ({ role, region: 'EMEA' })), deskAdmins: true },
          AT,
        );
      await database.prisma.$transaction(touch(['billing', 'order_management']));
      const orders: Role[][] = [
        ['billing', 'order_management'],
        ['order_management', 'billing'],
      ];
      await Promise.all(
        Array.from({ length: 8 }, (_, index) => database.prisma.$transaction(touch(orders[index % 2]!))),
      );
      // Three audiences (two pools and the desk leads), one waiting refresh each.
      expect(await database.prisma.outboxMessage.count()).toBe(3);
    },
  );

  onServer('a waiting card update is not claimed until the change that relies on it commits', async () => {
    await database.prisma.$transaction((tx) => enqueueOutbox(tx, [cardUpdate('card-1')]));
    const relyOnIt = async (tx: Tx) => {
      expect(await withoutWaitingRenders(tx, 'request:waiting-rows', [cardUpdate('card-2')])).toEqual([]);
    };
    expect(await whileHeld(database, relyOnIt, claim)).toEqual([]);
    expect(await claim()).toHaveLength(1);
  });

  it('a refresh already claimed is not relied on: the change adds its own', async () => {
    await database.prisma.$transaction(refreshPool);
    expect(await claim()).toHaveLength(1);
    await database.prisma.$transaction(refreshPool);
    expect(
      await database.prisma.outboxMessage.count({ where: { status: 'pending', leaseOwner: null } }),
    ).toBe(1);
  });
});
