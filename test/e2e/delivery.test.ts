// Slack misbehaving after commit: the outbox waits for Retry-After, backs off on 5xx, gives up on
// a permanent error, and never posts a message twice.

import { describe, expect, it } from 'vitest';
import { PEOPLE } from '../support/desk-config.ts';
import { eventually } from '../support/desk-harness.ts';
import { bookThroughSlack, cardsIn, openForm, waitForMessages } from '../support/flows.ts';
import { intakeValues } from '../support/intake-values.ts';
import { useDesk } from '../support/use-desk.ts';

const rep = PEOPLE.rep.id;

describe('delivering to Slack', () => {
  const start = useDesk();

  it('waits out a 429 with Retry-After and then delivers the card exactly once', async () => {
    const harness = await start();
    harness.emulator.fault('chat.postMessage', { status: 429, retryAfter: 1 });
    await bookThroughSlack(harness.emulator);
    const [card] = await waitForMessages(() => cardsIn(harness.emulator), 1, 'the card');
    await waitForMessages(() => harness.emulator.dmWith(rep), 1, 'the DM');

    const posts = harness.emulator.callsTo('chat.postMessage');
    expect(posts.map((call) => call.status)).toEqual([429, 200, 200, 200]);
    const [limited, delivered] = posts;
    expect(delivered!.at - limited!.at).toBeGreaterThanOrEqual(1000);
    expect(cardsIn(harness.emulator)).toHaveLength(1);
    expect(harness.emulator.dmWith(rep)).toHaveLength(1);
    const row = await harness.database.prisma.outboxMessage.findFirstOrThrow({
      where: { kind: 'status_card.post' },
    });
    // A 429 is not an attempt: Slack took nothing and said when to come back.
    expect(row).toMatchObject({ status: 'sent', attempts: 1, result: { ts: card!.ts } });
  });

  it('backs off on server errors and keeps the thread in order', async () => {
    const harness = await start();
    harness.emulator.fault('chat.postMessage', { status: 503 }, 3);
    await bookThroughSlack(harness.emulator);
    await waitForMessages(() => harness.emulator.dmWith(rep), 1, 'the DM');
    const statuses = harness.emulator.callsTo('chat.postMessage').map((call) => call.status);
    expect(statuses).toEqual([503, 503, 503, 200, 200, 200]);
    // The DM (which links to the card) was not sent before the card, though it was due earlier.
    const [cardCall, dmCall] = harness.emulator
      .callsTo('chat.postMessage')
      .filter((call) => call.status === 200);
    expect(cardCall!.args.channel).toBe('C0DESK');
    expect(dmCall!.at).toBeGreaterThanOrEqual(cardCall!.at);
  });

  it('does not post twice when Slack posted the card but its answer was lost', async () => {
    const harness = await start();
    harness.emulator.fault('chat.postMessage', { loseResponse: true });
    await bookThroughSlack(harness.emulator);
    await waitForMessages(() => harness.emulator.dmWith(rep), 1, 'the DM');
    expect(cardsIn(harness.emulator)).toHaveLength(1);
    const [card] = cardsIn(harness.emulator);
    const row = await harness.database.prisma.outboxMessage.findFirstOrThrow({
      where: { kind: 'status_card.post' },
    });
    expect(row).toMatchObject({ status: 'sent', attempts: 2, result: { ts: card!.ts, recovered: true } });
    expect(harness.emulator.callsTo('conversations.history')).toHaveLength(1);
    const request = await harness.database.prisma.bookingRequest.findFirstOrThrow();
    expect(request.parentTs).toBe(card!.ts);
  });

  it('marks a message failed on an error Slack will repeat, and goes on with the rest', async () => {
    const harness = await start();
    harness.emulator.fault('chat.postMessage', { error: 'channel_not_found' });
    await bookThroughSlack(harness.emulator);
    await waitForMessages(() => harness.emulator.dmWith(rep), 1, 'the DM');
    const card = await harness.database.prisma.outboxMessage.findFirstOrThrow({
      where: { kind: 'status_card.post' },
    });
    expect(card).toMatchObject({ status: 'failed', attempts: 1, lastError: 'channel_not_found' });
    expect(cardsIn(harness.emulator)).toHaveLength(0);
  });

  it('tells the rep inline when the database cannot record the booking, and keeps the form open', async () => {
    const harness = await start();
    await openForm(harness.emulator);
    await harness.database.close();
    const answer = await harness.emulator.submitView({ userId: rep, values: intakeValues() });
    expect(answer.outcome).toBe('errors');
    expect(answer.body).toMatchObject({
      errors: { quoteNumber: expect.stringContaining('nothing was saved. Press Submit again') },
    });
    expect(harness.emulator.openViewsOf(rep)).toHaveLength(1);
    await eventually(() => harness.emulator.callsTo('chat.postMessage').length === 0, 'no message');
  });
});

describe('delivering through a long rate limit', () => {
  const start = useDesk(() => ({ outbox: { maxAttempts: 2 } }));

  it('never gives a message up for 429s, however many: they do not use up its attempts', async () => {
    const harness = await start();
    harness.emulator.fault('chat.postMessage', { status: 429, retryAfter: 1 }, 3);
    await bookThroughSlack(harness.emulator);
    const [card] = await waitForMessages(() => cardsIn(harness.emulator), 1, 'the card');
    const statuses = harness.emulator.callsTo('chat.postMessage').map((call) => call.status);
    expect(statuses.slice(0, 4)).toEqual([429, 429, 429, 200]);
    // Slack has the card before the dispatcher records it as sent: wait for that commit.
    const row = await eventually(
      () =>
        harness.database.prisma.outboxMessage.findFirst({
          where: { kind: 'status_card.post', status: { not: 'pending' } },
        }),
      'the card row settled',
    );
    expect(row).toMatchObject({ status: 'sent', attempts: 1, result: { ts: card!.ts } });
  }, 20_000);
});
