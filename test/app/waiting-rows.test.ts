// A change that relies on a re-render already waiting in the outbox (a Home refresh, a card update)
// holds that row until it commits, so no dispatcher claims and renders it before the change is
// visible: the render would miss it, and no other would follow.

import { expect, it } from 'vitest';
import { refreshHomes } from '../../src/app/home-refresh.ts';
import { OUTBOX_KIND } from '../../src/app/outbox-kinds.ts';
import { withoutWaitingRenders } from '../../src/app/waiting-renders.ts';
import { claimDueOutbox, enqueueOutbox, type OutboxEntry } from '../../src/db/outbox.ts';
import type { Tx } from '../../src/db/types.ts';
import { type DatabaseHandle, forEachDatabase } from '../support/database.ts';
import { signal } from '../support/signal.ts';

const AT = new Date('2026-11-23T10:00:00Z');
const POOL = { role: 'billing' as const, region: 'EMEA' as const };

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

/** Runs `change` in a transaction held open while another connection tries to claim. */
async function claimsDuring(database: DatabaseHandle, change: (tx: Tx) => Promise<void>) {
  const claim = () =>
    claimDueOutbox(database.prisma, { owner: 'other', now: AT, leaseMs: 15_000, limit: 10 });
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
  let during: unknown[];
  try {
    during = await claim();
  } finally {
    released.fire();
    await holding;
  }
  return { during, after: await claim() };
}

forEachDatabase('waiting re-renders', (database, backend) => {
  // PGlite has one connection: a second dispatcher can only be a second server connection.
  it.skipIf(backend.name === 'pglite')(
    'a waiting Home refresh is not claimed until the change that relies on it commits',
    async () => {
      await database.prisma.$transaction((tx) =>
        refreshHomes(tx, { users: [], roles: [POOL], deskAdmins: false }, AT),
      );
      const { during, after } = await claimsDuring(database, (tx) =>
        refreshHomes(tx, { users: [], roles: [POOL], deskAdmins: false }, AT),
      );
      expect(during).toEqual([]);
      expect(after).toHaveLength(1);
      // The change added no second refresh: the waiting one renders it.
      expect(await database.prisma.outboxMessage.count()).toBe(1);
    },
  );

  it.skipIf(backend.name === 'pglite')(
    'a waiting card update is not claimed until the change that relies on it commits',
    async () => {
      await database.prisma.$transaction((tx) => enqueueOutbox(tx, [cardUpdate('card-1')]));
      const { during, after } = await claimsDuring(database, async (tx) => {
        expect(await withoutWaitingRenders(tx, 'request:waiting-rows', [cardUpdate('card-2')])).toEqual([]);
      });
      expect(during).toEqual([]);
      expect(after).toHaveLength(1);
    },
  );

  it('a refresh already claimed is not relied on: the change adds its own', async () => {
    await database.prisma.$transaction((tx) =>
      refreshHomes(tx, { users: [], roles: [POOL], deskAdmins: false }, AT),
    );
    expect(
      await claimDueOutbox(database.prisma, { owner: 'other', now: AT, leaseMs: 15_000, limit: 10 }),
    ).toHaveLength(1);
    await database.prisma.$transaction((tx) =>
      refreshHomes(tx, { users: [], roles: [POOL], deskAdmins: false }, AT),
    );
    expect(
      await database.prisma.outboxMessage.count({ where: { status: 'pending', leaseOwner: null } }),
    ).toBe(1);
  });
});
