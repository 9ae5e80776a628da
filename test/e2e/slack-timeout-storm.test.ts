// Issue 8's Slack-failing test: storms of 429s with Retry-After, 500/502/503s and timeouts — answers
// slower than the app's Slack client waits, requests dropped unanswered, and answers lost after Slack
// did the work — on chat.postMessage, chat.update and views.publish, while several requests move
// through their steps. Once the storm has passed everything is delivered, exactly once (a lost or
// late answer never becomes a second post: the outbox finds the first by its outbox id), each thread
// and each requester's DMs read in the order the outbox rows were written, and each card shows the
// request as it stands, not an older update that landed late.
//
// A second test checks the clients Bolt builds (listeners, the Home, user groups) give up too.

import { describe, expect, it } from 'vitest';
import { OUTBOX_KIND } from '../../src/app/outbox-kinds.ts';
import { createBookingDesk } from '../../src/booking-desk.ts';
import type { SlackEmulator } from '../../src/emulator/index.ts';
import { createLogger } from '../../src/logger.ts';
import { ShiftedClock } from '../../src/system-clock.ts';
import { createTestDatabase } from '../support/database.ts';
import { aDeskConfig, DESK_CHANNEL, PEOPLE } from '../support/desk-config.ts';
import { eventually, outboxIdle, SIGNING_SECRET, startEmulator } from '../support/desk-harness.ts';
import { bookThroughSlack, cardsIn } from '../support/flows.ts';
import { auditPosts, botMessages } from '../support/outbox-audit.ts';
import { postedInRowOrder, stepRecord, takeStep, workStep } from '../support/request-steps.ts';
import { specialistFor, stepOf } from '../support/sop-flows.ts';
import { useDesk } from '../support/use-desk.ts';

const rep = PEOPLE.rep.id;
const REQUESTS = 3;
/** The outbox's Slack client gives up after this; the storm's slow answers take longer. */
const SLACK_TIMEOUT_MS = 800;
const SLOW = { delayMs: SLACK_TIMEOUT_MS + 700 };
/** Long enough for rows to sit out several Retry-Afters and timeouts. */
const STORM_WAIT_MS = 60_000;
const METHODS = ['chat.postMessage', 'chat.update', 'views.publish'] as const;

/**
 * Queues one storm: each fault answers one call, in order, so it passes by being retried. Returns how
 * many calls it fails with a status the emulator records (429, 5xx, 0 for no answer).
 */
function storm(emulator: SlackEmulator): number {
  let failing = 0;
  for (const method of METHODS) {
    emulator.fault(method, { status: 429, retryAfter: 1 }, 2);
    emulator.fault(method, SLOW);
    emulator.fault(method, { status: 503 });
    emulator.fault(method, { loseResponse: true });
    emulator.fault(method, { status: 500 });
    emulator.fault(method, { drop: true });
    emulator.fault(method, SLOW);
    emulator.fault(method, { status: 502 });
    failing += 2 + 1 + 1 + 1 + 1 + 1;
  }
  return failing;
}

function failedCalls(emulator: SlackEmulator): number {
  return METHODS.flatMap((method) => emulator.callsTo(method)).filter(
    (call) => call.status === 0 || call.status === 429 || call.status >= 500,
  ).length;
}

describe('a storm of Slack errors and timeouts', () => {
  const start = useDesk(() => ({
    outbox: { maxAttempts: 100, channelIntervalMs: 20, slackTimeoutMs: SLACK_TIMEOUT_MS },
  }));

  it('delivers everything exactly once, in order, once it passes', async () => {
    const harness = await start();
    const { emulator, database } = harness;
    const [verify, terms] = [stepOf(0), stepOf(1)];
    // A specialist looking at their Home before the storm: it is refreshed through it.
    await emulator.client.openAppHome(specialistFor(terms));
    const before = await eventually(() => emulator.homeOf(specialistFor(terms))?.hash, 'the opened Home');

    let failing = storm(emulator);
    for (let index = 0; index < REQUESTS; index++)
      await bookThroughSlack(emulator, { quoteNumber: `Q-TIMEOUT-${index + 1}` });
    const requests = await database.prisma.bookingRequest.findMany({ orderBy: { reference: 'asc' } });
    expect(requests).toHaveLength(REQUESTS);

    failing += storm(emulator);
    await Promise.all(requests.map((request) => workStep(harness, request.id, verify, STORM_WAIT_MS)));
    await Promise.all(requests.map((request) => takeStep(harness, request.id, terms, STORM_WAIT_MS)));

    await outboxIdle(database.prisma, STORM_WAIT_MS);
    // Every fault was met (the slow ones too: they answer 200 late).
    expect(failedCalls(emulator)).toBe(failing);

    // Everything the outbox was to post is in Slack exactly once, nothing else.
    const audit = await auditPosts(
      database.prisma,
      botMessages(
        emulator,
        Object.values(PEOPLE).map((p) => p.id),
      ),
    );
    expect({ ...audit, posted: 0 }).toEqual({
      undelivered: [],
      duplicates: [],
      missing: [],
      unexplained: [],
      posted: 0,
    });
    expect(await database.prisma.outboxMessage.count({ where: { status: { not: 'sent' } } })).toBe(0);

    const fresh = await database.prisma.bookingRequest.findMany();
    expect(
      cardsIn(emulator)
        .map((card) => card.ts)
        .sort(),
    ).toEqual(fresh.map((request) => request.parentTs).sort());
    let dmsExpected = 0;
    for (const request of fresh) {
      // The thread holds exactly what the rows posted, in the order they were written…
      const thread = emulator.threadOf(DESK_CHANNEL, request.parentTs!).map((message) => message.ts);
      expect(thread).toEqual(
        await postedInRowOrder(harness, request.id, [OUTBOX_KIND.stepMessagePost, OUTBOX_KIND.threadNote]),
      );
      expect(thread).toHaveLength(2);
      // …and so do the requester's DMs about this request.
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

      // Each card and step message shows the request as it stands now, not an older edit that
      // reached Slack late: step 1 done, step 2 taken.
      expect((await stepRecord(harness, request.id, terms)).assignee?.userId).toBe(specialistFor(terms));
      const card = JSON.stringify(cardsIn(emulator).find((message) => message.ts === request.parentTs));
      expect(card).toContain('1/7');
      expect(card).toContain(terms.title);
      const [verifyMessage, termsMessage] = emulator.threadOf(DESK_CHANNEL, request.parentTs!);
      expect(JSON.stringify(verifyMessage?.blocks)).not.toContain('"action_id":"step_complete"');
      expect(JSON.stringify(termsMessage?.blocks)).toContain('Taken by');
      expect(JSON.stringify(termsMessage?.blocks)).toContain('Take over');
    }
    expect(emulator.dmWith(rep)).toHaveLength(dmsExpected);
    // The open Home was published again despite the storm.
    expect(emulator.homeOf(specialistFor(terms))?.hash).not.toBe(before);
  }, 180_000);
});

describe("the app's other Slack clients", () => {
  it('give up on a Slack that does not answer instead of waiting for ever', async () => {
    const emulator = await startEmulator();
    const database = await createTestDatabase();
    const desk = createBookingDesk({
      env: {
        SLACK_BOT_TOKEN: emulator.botToken,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_APP_TOKEN: undefined,
        SLACK_API_URL: emulator.apiUrl,
        PORT: 0,
        LOG_LEVEL: 'error',
        ADMIN_TOKEN: undefined,
        SLACK_TIMEOUT_MS: 300,
      },
      deskConfig: aDeskConfig(),
      database,
      clock: new ShiftedClock(new Date('2026-11-23T10:00:00Z')),
      logger: createLogger('silent'),
      scheduleSlaSweep: false,
    });
    try {
      // Bolt's client (listeners, user groups, profiles) tries three times; none is answered in time.
      emulator.fault('usergroups.users.list', { delayMs: 10_000 }, 3);
      await expect(desk.app.client.usergroups.users.list({ usergroup: 'S0DESKADMIN' })).rejects.toThrow(
        /timeout|aborted/i,
      );
    } finally {
      await emulator.close();
      await database.close();
    }
  }, 60_000);
});
