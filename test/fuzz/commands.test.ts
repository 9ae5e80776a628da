// Fuzzing /book: random text (huge, NUL, RTL marks, emoji, look-alike references, sub-commands with
// random arguments) and odd bodies, correctly signed, against the running app. Every one is
// acknowledged with 200 well within three seconds, nothing is thrown unhandled, the person gets an
// answer, and the database stays whole.

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBookCommand } from '../../src/slack/listeners/commands/book.ts';
import { DESK_CHANNEL, PEOPLE } from '../support/desk-config.ts';
import { bookThroughSlack } from '../support/flows.ts';
import { bookText, hostileText, userId } from './support/arbitraries.ts';
import {
  issueResponseUrl,
  issueTrigger,
  partialWrites,
  postSigned,
  settle,
  useFuzzDesk,
  waitFor,
} from './support/fuzz-desk.ts';

const PARSE_RUNS = 6000;
const COMMAND_RUNS = 1200;
const ODD_BODY_RUNS = 300;

describe('fuzzing /book', () => {
  const desk = useFuzzDesk();

  beforeAll(async () => {
    const { harness } = desk();
    await bookThroughSlack(harness.emulator);
    await bookThroughSlack(harness.emulator, { quoteNumber: 'Q-2000' }, PEOPLE.apacRep.id);
    await settle(harness);
    desk().clear();
  });

  it(`parses any text without throwing, and echoes an unknown one inside code (${PARSE_RUNS} cases)`, () => {
    fc.assert(
      fc.property(fc.oneof(bookText, fc.string({ unit: 'grapheme', maxLength: 200 })), (text) => {
        const parsed = parseBookCommand(text);
        if (parsed.kind === 'new' && parsed.quoteNumber)
          expect(parsed.quoteNumber).toMatch(/^[A-Z0-9][A-Z0-9\-_/.]{1,39}$/);
      }),
      { numRuns: PARSE_RUNS },
    );
  });

  it(`answers every /book with 200, fast, and tells the person something (${COMMAND_RUNS} cases)`, async () => {
    const { harness } = desk();
    const { emulator } = harness;
    const channels = [DESK_CHANNEL, ...Object.values(PEOPLE).map((person) => `D-${person.id}`)];
    await fc.assert(
      fc.asyncProperty(bookText, userId, fc.constantFrom(...channels), async (text, user, channelChoice) => {
        const known = Object.values(PEOPLE).some((person) => person.id === user);
        const channel = channelChoice.startsWith('D-') ? DESK_CHANNEL : channelChoice;
        const responseUrl = issueResponseUrl(emulator, channel, user);
        const opensBefore = emulator.callsTo('views.open').length;
        const body = new URLSearchParams({
          token: 'legacy',
          team_id: emulator.teamId,
          team_domain: emulator.teamDomain,
          channel_id: channel,
          channel_name: 'booking-desk',
          user_id: user,
          user_name: 'someone',
          command: '/book',
          text,
          api_app_id: 'A0BOOKINGAPP',
          is_enterprise_install: 'false',
          response_url: responseUrl,
          trigger_id: issueTrigger(emulator, known ? user : PEOPLE.rep.id),
        }).toString();
        const answer = await postSigned(emulator, body);
        expect(answer.status).toBe(200);
        expect(answer.ackMs).toBeLessThan(3000);
        const acked = typeof answer.body === 'object' && answer.body !== null && 'text' in answer.body;
        if (acked) {
          expect(String((answer.body as { text: unknown }).text)).not.toMatch(/<!channel>|<!here>/);
          return;
        }
        // Not answered in the ack: a reply through response_url, or a modal, follows.
        await waitFor(
          () =>
            emulator.responseUrlPosts.some((post) => post.url === responseUrl) ||
            emulator.callsTo('views.open').length > opensBefore,
          `an answer to /book ${JSON.stringify(text.slice(0, 80))} from ${user}`,
        );
      }),
      { numRuns: COMMAND_RUNS },
    );
    await settle(harness);
    expect(emulator.takeViolations()).toEqual([]);
    expect(desk().incidents).toEqual([]);
    expect(await partialWrites(harness)).toEqual([]);
  }, 240_000);

  it(`acknowledges slash-command bodies with odd or missing fields (${ODD_BODY_RUNS} cases)`, async () => {
    const { harness } = desk();
    const { emulator } = harness;
    const fields = fc.record(
      {
        user_id: fc.oneof(userId, hostileText),
        channel_id: fc.oneof(fc.constant(DESK_CHANNEL), hostileText),
        text: fc.oneof(bookText, hostileText),
        // Slack always sends a trigger_id and a response_url; a forged trigger is refused by views.open.
        trigger_id: fc.oneof(
          fc.constant('real'),
          hostileText.filter((text) => text.trim() !== ''),
        ),
        response_url: fc.constant('real'),
        extra: hostileText,
      },
      { requiredKeys: ['response_url', 'trigger_id'] },
    );
    await fc.assert(
      fc.asyncProperty(fields, async (input) => {
        const user = input.user_id ?? PEOPLE.rep.id;
        // Slack sets team_id to the workspace; Bolt reads it before any listener.
        const params: Record<string, string> = { command: '/book', team_id: emulator.teamId };
        for (const [key, value] of Object.entries(input)) {
          if (key === 'trigger_id' && value === 'real') params[key] = issueTrigger(emulator, PEOPLE.rep.id);
          else if (key === 'response_url') params[key] = issueResponseUrl(emulator, DESK_CHANNEL, user);
          else params[key] = value;
        }
        const answer = await postSigned(emulator, new URLSearchParams(params).toString());
        // Without user_id (Slack always sends one) Bolt itself may not read the body: 400, never 5xx.
        expect('user_id' in input ? [200] : [200, 400]).toContain(answer.status);
        expect(answer.ackMs).toBeLessThan(3000);
      }),
      { numRuns: ODD_BODY_RUNS },
    );
    await settle(harness);
    // A forged trigger_id is the fuzzer's doing: Slack answers the app's views.open with an error.
    const violations = emulator.takeViolations().filter((v) => v.kind !== 'trigger');
    expect(violations).toEqual([]);
    expect(desk().incidents).toEqual([]);
    expect(await partialWrites(harness)).toEqual([]);
  }, 120_000);
});
