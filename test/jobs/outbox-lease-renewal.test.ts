// A dispatcher keeps renewing the claims of its deliveries under way, so a lease can be short (a
// crashed instance's rows come back quickly) without a slow delivery being handed to a second one.

import { WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { enqueueOutbox } from '../../src/db/outbox.ts';
import { DEFAULT_PLAYBOOK } from '../../src/domain/playbook/default-playbook.ts';
import { createPlaybookRegistry } from '../../src/domain/playbook/registry.ts';
import type { Delivery } from '../../src/jobs/deliveries/delivery.ts';
import { DEFAULT_OUTBOX_OPTIONS, OutboxDispatcher } from '../../src/jobs/outbox-dispatcher.ts';
import { createLogger } from '../../src/logger.ts';
import { systemClock } from '../../src/system-clock.ts';
import { type Database, forEachBackend } from '../support/database.ts';
import { aDeskConfig } from '../support/desk-config.ts';
import { eventually } from '../support/desk-harness.ts';

const LEASE_MS = 300;

forEachBackend('renewing outbox leases', (backend) => {
  let database: Database;
  const dispatchers: OutboxDispatcher[] = [];

  beforeAll(async () => {
    database = await backend.create();
  });
  afterAll(async () => {
    await database.close();
  });
  afterEach(async () => {
    await Promise.all(dispatchers.splice(0).map((dispatcher) => dispatcher.stop()));
  });

  function dispatcher(owner: string, deliveries: Record<string, Delivery>): OutboxDispatcher {
    const created = new OutboxDispatcher({
      db: database.prisma,
      slack: new WebClient('xoxb-unused', { slackApiUrl: 'http://127.0.0.1:9/api/' }),
      playbooks: createPlaybookRegistry([DEFAULT_PLAYBOOK]),
      config: aDeskConfig(),
      clock: systemClock,
      logger: createLogger('silent'),
      deliveries,
      options: { ...DEFAULT_OUTBOX_OPTIONS, owner, leaseMs: LEASE_MS, pollMs: 20, channelIntervalMs: 0 },
    });
    dispatchers.push(created);
    return created;
  }

  it('never hands a delivery that outlives several leases to another dispatcher', async () => {
    const deliveredBy: string[] = [];
    let finish = () => {};
    const slow = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const delivery =
      (owner: string): Delivery =>
      async () => {
        deliveredBy.push(owner);
        await slow;
        return {};
      };
    await database.prisma.$transaction((tx) =>
      enqueueOutbox(tx, [
        {
          requestId: null,
          kind: 'test.slow',
          method: 'chat.postMessage',
          args: {},
          idempotencyKey: 'slow-1',
          orderingKey: 'slow',
          at: systemClock.now(),
        },
      ]),
    );
    dispatcher('first', { 'test.slow': delivery('first') }).start();
    await eventually(() => deliveredBy.length === 1, 'the first delivery under way');
    dispatcher('second', { 'test.slow': delivery('second') }).start();

    await new Promise((resolve) => setTimeout(resolve, 5 * LEASE_MS));
    finish();
    await eventually(
      async () => (await database.prisma.outboxMessage.findFirst({ where: { status: 'sent' } })) !== null,
      'the row sent',
    );
    expect(deliveredBy).toEqual(['first']);
  });
});
