// Two app instances in HTTP mode on one PostgreSQL database, behind one Slack (the emulator), the
// way several replicas run behind a load balancer. Slack's requests are spread over both instances;
// the database alone keeps them apart: each booking recorded once, each click applied once whichever
// instance receives it, each outbox message sent once (leases, FOR UPDATE SKIP LOCKED), and both
// instances' SLA sweeps at the same minute post each nudge once (clock rows claimed with row locks).
// Needs TEST_DATABASE_URL (set in CI); skipped without it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitBooking } from '../../src/app/submit-booking.ts';
import { type Database, openDatabase } from '../../src/db/client.ts';
import { applyMigrations } from '../../src/db/migrations/migrations.ts';
import { ManualClock } from '../../src/domain/clock.ts';
import { WorkflowStateSchema } from '../../src/domain/workflow/state.ts';
import type { SlackEmulator, StoredMessage } from '../../src/emulator/index.ts';
import { ACTION } from '../../src/slack/ids.ts';
import { dropSchema, testDatabaseUrl, uniqueSchemaUrl } from '../support/database.ts';
import { DESK_CHANNEL, PEOPLE } from '../support/desk-config.ts';
import {
  type DeskHarness,
  eventually,
  outboxIdle,
  startDesk,
  startEmulator,
} from '../support/desk-harness.ts';
import { cardsIn } from '../support/flows.ts';
import { intakeValues } from '../support/intake-values.ts';
import { aDraft, serviceContext } from '../support/services.ts';
import { specialistFor, stepMessageIn, stepOf } from '../support/sop-flows.ts';

const utc = (iso: string) => new Date(`${iso}Z`);
const REQUESTERS = [PEOPLE.rep.id, PEOPLE.apacRep.id, PEOPLE.lead.id];
const ROUNDS = 2;
/**
 * One booking per instance's database client before the burst, straight through the service: a cold
 * client's first transaction (query plans compiled, calendars built) is slow on a loaded machine.
 */
const WARM_UP = 2;
const BOOKINGS = WARM_UP + REQUESTERS.length * ROUNDS;
const WAIT_MS = 20_000;

/** Sends the next Slack request to `url`: the emulator reads its app URL when the request leaves. */
function via<T>(emulator: SlackEmulator, url: string, send: () => Promise<T>): Promise<T> {
  emulator.setAppUrl(url);
  return send();
}

/** Every message the bot posted: the desk channel, the card threads and everyone's DMs. */
function allMessages(emulator: SlackEmulator): StoredMessage[] {
  const top = cardsIn(emulator);
  return [
    ...top,
    ...top.flatMap((card) => emulator.threadOf(DESK_CHANNEL, card.ts)),
    ...Object.values(PEOPLE).flatMap((person) => emulator.dmWith(person.id)),
  ];
}

function outboxIdOf(message: StoredMessage): string | undefined {
  const id = message.metadata?.event_payload.outbox_id;
  return typeof id === 'string' ? id : undefined;
}

describe.skipIf(testDatabaseUrl() === undefined)('two instances on one PostgreSQL database', () => {
  let url: string;
  let emulator: SlackEmulator;
  let databases: Database[] = [];
  let desks: DeskHarness[] = [];
  const clock = new ManualClock(utc('2026-11-23T09:00:00'));

  beforeAll(async () => {
    url = uniqueSchemaUrl(testDatabaseUrl()!, 'instances').url;
    await applyMigrations(url);
    emulator = await startEmulator();
    // Each instance has its own connection pool, as separate processes would.
    databases = [await openDatabase({ url, poolSize: 4 }), await openDatabase({ url, poolSize: 4 })];
    desks = [];
    for (const [index, database] of databases.entries()) {
      const { ctx } = serviceContext(database.prisma, clock.now());
      await submitBooking(ctx, {
        requesterId: REQUESTERS[index]!,
        deskChannel: DESK_CHANNEL,
        intakeViewId: null,
        draft: aDraft({ quoteNumber: `Q-2026-600${index}` }),
      });
    }
    for (const database of databases) {
      desks.push(await startDesk({ database, emulator, clock, outbox: { pollMs: 20 } }));
    }
  }, 30_000);

  afterAll(async () => {
    for (const desk of desks) await desk.stop();
    for (const database of databases) await database.close();
    await emulator?.close();
    if (url) await dropSchema(url);
  });

  const prisma = () => databases[0]!.prisma;
  const appUrl = (index: number) => desks[index % desks.length]!.appUrl;

  async function drained(): Promise<void> {
    await outboxIdle(prisma(), WAIT_MS);
  }

  it('records a burst of bookings spread over both instances once each', async () => {
    let sent = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // Each requester opens the form through one instance…
      for (const userId of REQUESTERS) {
        const before = emulator.openViewsOf(userId).length;
        await via(emulator, appUrl(sent++), () =>
          emulator.slashCommand({ userId, command: '/book', text: '', channelId: DESK_CHANNEL }),
        );
        await eventually(() => emulator.openViewsOf(userId)[before], 'the intake modal');
      }
      // …and all submit at once, each through whichever instance the balancer picks.
      const answers = await Promise.all(
        REQUESTERS.map((userId, index) =>
          via(emulator, appUrl(sent++), () =>
            emulator.submitView({
              userId,
              values: intakeValues({ quoteNumber: `Q-2026-7${round}${index}0` }),
            }),
          ),
        ),
      );
      expect(answers.map((answer) => answer.outcome)).toEqual(REQUESTERS.map(() => 'close'));
    }
    await eventually(() => cardsIn(emulator).length >= BOOKINGS, 'every card', WAIT_MS);
    await drained();
    expect(await prisma().bookingRequest.count()).toBe(BOOKINGS);
    expect(cardsIn(emulator)).toHaveLength(BOOKINGS);
    const references = (await prisma().bookingRequest.findMany({ select: { reference: true } })).map(
      (row) => row.reference,
    );
    expect(new Set(references).size).toBe(BOOKINGS);
  }, 60_000);

  it('applies identical clicks sent to both instances at once exactly once', async () => {
    const verify = stepOf(0);
    const specialist = specialistFor(verify);
    const messages = await eventually(
      () => {
        const found = cardsIn(emulator).map((_card, index) => stepMessageIn(emulator, verify, index));
        return found.length === BOOKINGS && found.every((message) => message !== undefined)
          ? (found as StoredMessage[])
          : null;
      },
      'every step message',
      WAIT_MS,
    );
    const acks = await Promise.all(
      messages.flatMap((message) =>
        [0, 1].map((index) =>
          via(emulator, appUrl(index), () =>
            emulator.clickButton({
              userId: specialist,
              actionId: ACTION.stepTake,
              channel: DESK_CHANNEL,
              messageTs: message.ts,
            }),
          ),
        ),
      ),
    );
    expect(acks.every((ack) => ack.status === 200)).toBe(true);
    await eventually(
      async () =>
        (await prisma().auditEvent.count({
          where: { action: { in: ['workflow.take', 'refused.take'] } },
        })) ===
        2 * BOOKINGS,
      'both clicks of every pair handled',
      WAIT_MS,
    );
    expect(await prisma().auditEvent.count({ where: { action: 'workflow.take' } })).toBe(BOOKINGS);
    expect(await prisma().auditEvent.count({ where: { action: 'refused.take' } })).toBe(BOOKINGS);
    for (const request of await prisma().bookingRequest.findMany()) {
      const state = WorkflowStateSchema.parse(request.workflow);
      expect(JSON.stringify(state.steps.find((step) => step.id === verify.id)?.assignee)).toContain(
        specialist,
      );
    }
    await drained();
  }, 60_000);

  it('posts each SLA nudge once when both instances sweep the same minute', async () => {
    // Submitted Monday 09:00 London: 50 % of the 12 business hours is Monday 15:00.
    for (const iso of ['2026-11-23T14:59:00', '2026-11-23T15:00:00', '2026-11-23T15:01:00']) {
      clock.set(utc(iso));
      await Promise.all(desks.map((desk) => desk.desk.sla.sweepNow()));
    }
    await drained();
    expect(await prisma().auditEvent.count({ where: { action: 'sla.reminder' } })).toBe(BOOKINGS);
    for (const card of cardsIn(emulator)) {
      const nudges = emulator.threadOf(DESK_CHANNEL, card.ts).filter((m) => m.text.includes('50 % of its'));
      expect(nudges).toHaveLength(1);
    }
  }, 60_000);

  it('sent every outbox message once', async () => {
    await drained();
    const rows = await prisma().outboxMessage.findMany({ select: { id: true, status: true, method: true } });
    expect(rows.filter((row) => row.status !== 'sent')).toEqual([]);
    const posted = allMessages(emulator).flatMap((message) => outboxIdOf(message) ?? []);
    // No message twice…
    expect(posted.length).toBe(new Set(posted).size);
    // …and one message for every posting row.
    const postingRows = rows
      .filter((row) => row.method === 'chat.postMessage')
      .map((row) => row.id.toString());
    expect(new Set(posted)).toEqual(new Set(postingRows));
    const calls = emulator.callsTo('chat.postMessage').filter((call) => call.status === 200);
    expect(calls.length).toBe(postingRows.length);
    expect(emulator.takeViolations()).toEqual([]);
  });
});
