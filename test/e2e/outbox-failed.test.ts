// Messages the outbox gave up on are shown to the desk admins on their Home, each with a Retry that
// sends it again once the cause is fixed; nobody else sees them or can retry them.

import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import type { SlackEmulator, StoredView } from '../../src/emulator/index.ts';
import { retryDeliveryActionId } from '../../src/slack/ids.ts';
import { FAILED_DELIVERIES_TITLE, RETRY_REFUSAL_TEXT } from '../../src/slack/views/failed-deliveries.ts';
import { homeView } from '../../src/slack/views/home.ts';
import { asView } from '../../src/slack/web-api-types.ts';
import { PEOPLE } from '../support/desk-config.ts';
import { type DeskHarness, eventually, outboxIdle } from '../support/desk-harness.ts';
import { bookThroughSlack, cardsIn, waitForMessages } from '../support/flows.ts';
import { useDesk } from '../support/use-desk.ts';

const admin = PEOPLE.lead.id;
const rep = PEOPLE.rep.id;

/** Opens a person's Home tab and waits for the view the app publishes for it. */
async function openHome(emulator: SlackEmulator, userId: string): Promise<StoredView> {
  const before = emulator.homeOf(userId)?.hash;
  await emulator.sendEvent({ type: 'app_home_opened', user: userId, tab: 'home' });
  return eventually(() => {
    const home = emulator.homeOf(userId);
    return home && home.hash !== before ? home : null;
  }, `the Home of ${userId}`);
}

const textOf = (view: StoredView | undefined) => JSON.stringify(view?.blocks ?? []);

/** Books a request whose status card Slack refuses for good (the desk channel "does not exist"). */
async function bookWithLostCard(harness: DeskHarness) {
  harness.emulator.fault('chat.postMessage', { error: 'channel_not_found' });
  await bookThroughSlack(harness.emulator);
  await waitForMessages(() => harness.emulator.dmWith(rep), 1, 'the confirmation DM');
  const row = await harness.database.prisma.outboxMessage.findFirstOrThrow({
    where: { kind: 'status_card.post' },
  });
  expect(row).toMatchObject({ status: 'failed', lastError: 'channel_not_found' });
  const request = await harness.database.prisma.bookingRequest.findFirstOrThrow();
  return { row, reference: request.reference };
}

describe('Slack messages that could not be delivered', () => {
  const start = useDesk();

  it('shows a failed message on a desk admin’s Home, not on a rep’s, and Retry delivers it', async () => {
    const harness = await start();
    const { emulator, database } = harness;
    const { row, reference } = await bookWithLostCard(harness);

    const adminHome = await openHome(emulator, admin);
    for (const text of [FAILED_DELIVERIES_TITLE, reference, 'status_card.post', 'channel_not_found'])
      expect(textOf(adminHome)).toContain(text);
    expect(textOf(await openHome(emulator, rep))).not.toContain(FAILED_DELIVERIES_TITLE);
    expect(cardsIn(emulator)).toHaveLength(0);

    await emulator.clickButton({
      userId: admin,
      actionId: retryDeliveryActionId(row.id.toString()),
      viewId: adminHome.id,
    });
    const [card] = await waitForMessages(() => cardsIn(emulator), 1, 'the card, sent again');
    const sent = await eventually(async () => {
      const again = await database.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
      return again.status === 'sent' ? again : null;
    }, 'the row sent');
    expect(sent.result).toMatchObject({ ts: card!.ts });
    expect((await database.prisma.bookingRequest.findFirstOrThrow()).parentTs).toBe(card!.ts);
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: 'outbox.retry' } });
    expect(audit).toMatchObject({ actorId: admin, requestId: row.requestId });
    // The admin's Home was published again without it.
    await eventually(() => !textOf(emulator.homeOf(admin)).includes('channel_not_found'), 'the Home updated');
    expect(textOf(emulator.homeOf(admin))).toContain(FAILED_DELIVERIES_TITLE);

    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(cardsIn(emulator)).toHaveLength(1);
  });

  it('refuses a Retry from someone who is not a desk admin, even on a forged Home', async () => {
    const harness = await start();
    const { emulator, database } = harness;
    const { row, reference } = await bookWithLostCard(harness);
    // The booking's own Home refreshes go out first: none may overwrite the forged Home below.
    await outboxIdle(database.prisma);
    // A Home with the admins' section, as if it had been shown to the rep.
    const forged = homeView({
      failedDeliveries: {
        shown: [
          { id: row.id.toString(), kind: row.kind, reference, lastError: row.lastError, failedAt: null },
        ],
        total: 1,
      },
    });
    await new WebClient(emulator.botToken, { slackApiUrl: emulator.apiUrl }).views.publish({
      user_id: rep,
      view: asView(forged),
    });

    await emulator.clickButton({
      userId: rep,
      actionId: retryDeliveryActionId(row.id.toString()),
      viewId: emulator.homeOf(rep)!.id,
    });
    const refusal = await eventually(() => emulator.openViewsOf(rep)[0], 'the refusal');
    expect(textOf(refusal)).toContain(RETRY_REFUSAL_TEXT);
    await eventually(() => !textOf(emulator.homeOf(rep)).includes(FAILED_DELIVERIES_TITLE), 'the rep’s Home');
    expect(await database.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: 'failed',
    });
    expect(
      await database.prisma.auditEvent.findFirstOrThrow({ where: { action: 'refused.outbox.retry' } }),
    ).toMatchObject({ actorId: rep });
    expect(cardsIn(emulator)).toHaveLength(0);
  });

  it('shows the twenty most recent and counts the rest, within Slack’s limits', async () => {
    const harness = await start();
    const { emulator, database } = harness;
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 9, minute));
    await database.prisma.outboxMessage.createMany({
      data: Array.from({ length: 25 }, (_, index) => ({
        kind: 'thread.note',
        method: 'chat.postMessage',
        args: {},
        idempotencyKey: `given-up-${index}`,
        orderingKey: `given-up-${index}`,
        status: 'failed',
        attempts: 10,
        lastError: index === 24 ? 'the newest <error> & `quotes`' : 'HTTP 503',
        createdAt: at(index),
        nextAttemptAt: at(index),
        sentAt: at(index),
      })),
    });
    const home = await openHome(emulator, admin);
    const retryButtons = textOf(home).match(/"action_id":"retry_delivery\|\d+"/g) ?? [];
    expect(retryButtons).toHaveLength(20);
    expect(textOf(home)).toContain('the newest &lt;error&gt; &amp;');
    expect(textOf(home)).toContain('and 5 older ones not shown');
    expect(home.blocks.length).toBeLessThanOrEqual(100);
  });
});
