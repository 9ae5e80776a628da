// Fuzzing the Events API: app_home_opened (any tab, any user) and message events (in request threads
// and elsewhere, with random subtypes, bot ids, users and timestamps), correctly signed, against the
// running app. Every event is acknowledged with 200 at once; nothing is thrown unhandled; the
// database stays whole.

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DESK_CHANNEL, PEOPLE } from '../support/desk-config.ts';
import { hostileText, oddJson, userId } from './support/arbitraries.ts';
import { partialWrites, postSigned, seedRequests, settle, useFuzzDesk } from './support/fuzz-desk.ts';

const EVENT_RUNS = 1500;

describe('fuzzing events', () => {
  const desk = useFuzzDesk();
  let threads: string[] = [];

  beforeAll(async () => {
    const { harness } = desk();
    await seedRequests(harness, ['Q-5001', 'Q-5002']);
    const rows = await harness.database.prisma.bookingRequest.findMany({ select: { parentTs: true } });
    threads = rows.flatMap((row) => (row.parentTs ? [row.parentTs] : []));
    desk().clear();
  });

  it(`acknowledges every event with 200 and keeps the database whole (${EVENT_RUNS} cases)`, async () => {
    const { harness } = desk();
    const { emulator } = harness;
    const ts = fc.oneof(
      fc.constantFrom(...threads),
      fc.constant('1.000001'),
      fc
        .tuple(fc.nat(2_000_000_000), fc.nat(999_999))
        .map(([s, us]) => `${s}.${String(us).padStart(6, '0')}`),
      hostileText,
    );
    const homeOpened = fc.record(
      {
        type: fc.constant('app_home_opened'),
        // Slack opens a Home only for a real member (else views.publish names no user); or junk.
        user: fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom(...Object.values(PEOPLE).map((person) => person.id)) },
          { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.integer(), fc.constant({})) },
        ),
        channel: fc.oneof(fc.constant('D0HOME'), hostileText),
        tab: fc.oneof(fc.constantFrom('home', 'messages', 'about'), hostileText, oddJson),
        event_ts: fc.constant('1.000001'),
      },
      { requiredKeys: ['type'] },
    );
    const message = fc.record(
      {
        type: fc.constant('message'),
        channel: fc.oneof(fc.constant(DESK_CHANNEL), fc.constant('C0ELSEWHERE'), hostileText),
        user: fc.oneof(userId, hostileText, oddJson),
        text: hostileText,
        ts,
        thread_ts: ts,
        subtype: fc.oneof(
          fc.constantFrom('message_changed', 'message_deleted', 'bot_message', 'thread_broadcast'),
          hostileText,
        ),
        bot_id: fc.oneof(fc.constant('B0OTHER'), hostileText),
        channel_type: fc.constantFrom('channel', 'im', 'group'),
        event_ts: fc.constant('1.000001'),
      },
      { requiredKeys: ['type', 'channel', 'text'] },
    );
    const envelope = fc.record({
      event: fc.oneof({ weight: 2, arbitrary: homeOpened }, { weight: 5, arbitrary: message }),
      eventId: fc.oneof(
        fc.uuid().map((id) => `Ev${id.replaceAll('-', '').slice(0, 10)}`),
        hostileText,
      ),
    });
    await fc.assert(
      fc.asyncProperty(envelope, async ({ event, eventId }) => {
        const body = JSON.stringify({
          token: 'legacy',
          team_id: emulator.teamId,
          api_app_id: 'A0BOOKINGAPP',
          event,
          type: 'event_callback',
          event_id: eventId,
          event_time: 1_795_000_000,
          authorizations: [{ team_id: emulator.teamId, user_id: 'U0BOOKINGBOT', is_bot: true }],
        });
        const answer = await postSigned(emulator, body, 'application/json');
        // 400 only for what Bolt itself cannot read: a user that is neither a string nor absent.
        const user = (event as { user?: unknown }).user;
        const malformed = 'user' in event && typeof user !== 'string';
        expect(malformed ? [200, 400] : [200]).toContain(answer.status);
        expect(answer.ackMs).toBeLessThan(3000);
      }),
      { numRuns: EVENT_RUNS },
    );
    await settle(harness);
    expect(emulator.takeViolations()).toEqual([]);
    expect(desk().incidents).toEqual([]);
    expect(await partialWrites(harness)).toEqual([]);
  }, 240_000);
});
