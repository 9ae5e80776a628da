// A storm of 429s and 5xx from Slack while several requests are submitted and worked: once it has
// passed, every message is in Slack exactly once and each thread (and each request's DMs) reads in
// the order the outbox rows were written. Retry times come from the harness's ShiftedClock, which
// runs at real speed, so a Retry-After of one second is waited out in one real second.

import { describe, expect, it } from 'vitest';
import { OUTBOX_KIND } from '../../src/app/outbox-kinds.ts';
import type { SlackEmulator } from '../../src/emulator/index.ts';
import { DESK_CHANNEL, PEOPLE } from '../support/desk-config.ts';
import { outboxIdle } from '../support/desk-harness.ts';
import { bookThroughSlack, cardsIn } from '../support/flows.ts';
import { postedInRowOrder, takeStep, workStep } from '../support/request-steps.ts';
import { stepOf } from '../support/sop-flows.ts';
import { useDesk } from '../support/use-desk.ts';

const rep = PEOPLE.rep.id;
const REQUESTS = 3;
/** Long enough for a row to sit out a few Retry-Afters. */
const STORM_WAIT_MS = 30_000;
const FAILING_STATUSES = new Set([429, 500, 502, 503]);

/** Queues Slack's bad minutes; each fault answers one call, so the storm passes by being retried. */
function storm(emulator: SlackEmulator): number {
  emulator.fault('chat.postMessage', { status: 429, retryAfter: 1 }, 2);
  emulator.fault('chat.postMessage', { status: 503 }, 3);
  emulator.fault('chat.postMessage', { status: 500 }, 2);
  emulator.fault('chat.update', { status: 502 }, 3);
  emulator.fault('chat.update', { status: 429, retryAfter: 1 });
  emulator.fault('chat.update', { status: 503 }, 2);
  return 13;
}

function failedCalls(emulator: SlackEmulator): number {
  return [...emulator.callsTo('chat.postMessage'), ...emulator.callsTo('chat.update')].filter((call) =>
    FAILING_STATUSES.has(call.status),
  ).length;
}

describe('a storm of Slack errors', () => {
  const start = useDesk(() => ({ outbox: { maxAttempts: 100, channelIntervalMs: 20 } }));

  it('delivers every message exactly once and in order once it passes', async () => {
    const harness = await start();
    const { emulator, database } = harness;

    let faults = storm(emulator);
    for (let index = 0; index < REQUESTS; index++)
      await bookThroughSlack(emulator, { quoteNumber: `Q-STORM-${index + 1}` });
    const requests = await database.prisma.bookingRequest.findMany({ orderBy: { reference: 'asc' } });
    expect(requests).toHaveLength(REQUESTS);

    faults += storm(emulator);
    for (const request of requests) await workStep(harness, request.id, stepOf(0), STORM_WAIT_MS);
    for (const request of requests) await takeStep(harness, request.id, stepOf(1), STORM_WAIT_MS);

    await outboxIdle(database.prisma, STORM_WAIT_MS);
    expect(failedCalls(emulator)).toBe(faults);
    expect(await database.prisma.outboxMessage.count({ where: { status: { not: 'sent' } } })).toBe(0);

    // One card per request, each the parent of its request's thread.
    const parents = (await database.prisma.bookingRequest.findMany()).map((request) => request.parentTs);
    expect(
      cardsIn(emulator)
        .map((card) => card.ts)
        .sort(),
    ).toEqual([...parents].sort());

    let dmsExpected = 0;
    for (const request of requests) {
      const parentTs = (await database.prisma.bookingRequest.findUniqueOrThrow({ where: { id: request.id } }))
        .parentTs!;
      // The thread holds exactly what the rows posted, in the order they were written.
      const thread = emulator.threadOf(DESK_CHANNEL, parentTs).map((message) => message.ts);
      const threadRows = await postedInRowOrder(harness, request.id, [
        OUTBOX_KIND.stepMessagePost,
        OUTBOX_KIND.threadNote,
      ]);
      expect(thread).toEqual(threadRows);
      expect(thread.length).toBeGreaterThanOrEqual(2);

      // The requester's DMs about this request arrived once each, in the order they were written.
      const dmRows = await postedInRowOrder(harness, request.id, [
        OUTBOX_KIND.requesterConfirmation,
        OUTBOX_KIND.requesterUpdate,
      ]);
      const dms = emulator
        .dmWith(rep)
        .map((message) => message.ts)
        .filter((ts) => dmRows.includes(ts));
      expect(dms).toEqual(dmRows);
      expect(dmRows.length).toBeGreaterThanOrEqual(2);
      dmsExpected += dmRows.length;
    }
    expect(emulator.dmWith(rep)).toHaveLength(dmsExpected);
  }, 120_000);
});
