// Requests Slack did not sign (or signed for another body, another time) are refused with 401 before
// any listener runs, on every surface, and nothing is written. A correctly signed replay does not
// act twice. Tampered targets (another request's step, a malformed id) change nothing.

import { describe, expect, it } from 'vitest';
import { computeSignature } from '../../src/emulator/index.ts';
import { buildStateValues } from '../../src/emulator/platform/view-state.ts';
import { ACTION, stepTargetValue } from '../../src/slack/ids.ts';
import { DESK_CHANNEL, PEOPLE } from '../support/desk-config.ts';
import { type DeskHarness, eventually, SIGNING_SECRET } from '../support/desk-harness.ts';
import { bookThroughSlack } from '../support/flows.ts';
import { intakeValues } from '../support/intake-values.ts';
import { specialistFor, stepOf, waitForStepMessage } from '../support/sop-flows.ts';
import { useDesk } from '../support/use-desk.ts';

const rep = PEOPLE.rep.id;
const now = () => Math.floor(Date.now() / 1000);
const FORM = 'application/x-www-form-urlencoded';

type Headers = Record<string, string>;

function signed(body: string, timestamp = now(), secret = SIGNING_SECRET, contentType = FORM): Headers {
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': computeSignature(secret, timestamp, body),
  };
}

async function counts(harness: DeskHarness) {
  const { prisma } = harness.database;
  return {
    requests: await prisma.bookingRequest.count(),
    audit: await prisma.auditEvent.count(),
    outbox: await prisma.outboxMessage.count(),
    coverage: await prisma.coverageDay.count(),
  };
}

/** The request bodies of every surface, as Slack would send them. */
async function bodies(harness: DeskHarness): Promise<Array<{ name: string; body: string; type: string }>> {
  const { emulator } = harness;
  await emulator.slashCommand({ userId: rep, command: '/book', channelId: DESK_CHANNEL });
  const view = await eventually(() => emulator.openViewsOf(rep)[0], 'the modal');
  const base = {
    team: { id: emulator.teamId, domain: emulator.teamDomain },
    user: { id: rep, username: 'rita', name: 'rita', team_id: emulator.teamId },
    api_app_id: 'A0BOOKINGAPP',
    token: 'legacy',
    trigger_id: '1.2.3',
  };
  const payload = (value: unknown) => `payload=${encodeURIComponent(JSON.stringify(value))}`;
  const command = (user: string, text: string) =>
    new URLSearchParams({
      token: 'legacy',
      team_id: emulator.teamId,
      channel_id: DESK_CHANNEL,
      user_id: user,
      command: '/book',
      text,
      trigger_id: '1.2.3',
      response_url: 'http://127.0.0.1:1/unused',
    }).toString();
  return [
    {
      name: 'a view submission',
      type: FORM,
      body: payload({
        ...base,
        type: 'view_submission',
        view: { ...view, state: { values: buildStateValues(view, intakeValues()) } },
      }),
    },
    // A desk admin marking a date short-staffed: a write from a slash command.
    {
      name: 'a slash command',
      type: FORM,
      body: command(PEOPLE.lead.id, 'coverage EMEA 2026-11-25 billing Out'),
    },
    {
      name: 'a block action',
      type: FORM,
      body: payload({
        ...base,
        type: 'block_actions',
        container: { type: 'message', channel_id: DESK_CHANNEL, message_ts: '1.1' },
        channel: { id: DESK_CHANNEL },
        actions: [{ type: 'button', action_id: ACTION.newBooking, block_id: 'b', action_ts: '1.1' }],
      }),
    },
    {
      name: 'an event',
      type: 'application/json',
      body: JSON.stringify({
        token: 'legacy',
        team_id: emulator.teamId,
        api_app_id: 'A0BOOKINGAPP',
        type: 'event_callback',
        event_id: 'Ev0HOSTILE',
        event_time: now(),
        event: { type: 'app_home_opened', user: rep, channel: 'D0REP', tab: 'home', event_ts: '1.1' },
      }),
    },
  ];
}

const FORGERIES: Array<[string, (body: string, type: string) => Headers]> = [
  ['signed with another secret', (body, type) => signed(body, now(), 'not-the-secret', type)],
  ['signed six minutes ago', (body, type) => signed(body, now() - 360, SIGNING_SECRET, type)],
  ['dated six minutes in the future', (body, type) => signed(body, now() + 360, SIGNING_SECRET, type)],
  ['dated at the epoch', (body, type) => signed(body, 0, SIGNING_SECRET, type)],
  [
    'with a timestamp that is not a number',
    (body, type) => ({ ...signed(body, now(), SIGNING_SECRET, type), 'x-slack-request-timestamp': 'soon' }),
  ],
  [
    'without the signature header',
    (body, type) => {
      const { 'x-slack-signature': _dropped, ...rest } = signed(body, now(), SIGNING_SECRET, type);
      return rest;
    },
  ],
  [
    'without the timestamp header',
    (body, type) => {
      const { 'x-slack-request-timestamp': _dropped, ...rest } = signed(body, now(), SIGNING_SECRET, type);
      return rest;
    },
  ],
  ['with no signature headers', (_body, type) => ({ 'content-type': type })],
  [
    'with another version prefix',
    (body, type) => {
      const headers = signed(body, now(), SIGNING_SECRET, type);
      return { ...headers, 'x-slack-signature': headers['x-slack-signature']!.replace(/^v0=/, 'v1=') };
    },
  ],
  [
    'with an empty signature',
    (body, type) => ({ ...signed(body, now(), SIGNING_SECRET, type), 'x-slack-signature': '' }),
  ],
  [
    'with the signature in upper case',
    (body, type) => {
      const headers = signed(body, now(), SIGNING_SECRET, type);
      return {
        ...headers,
        'x-slack-signature': `v0=${headers['x-slack-signature']!.slice(3).toUpperCase()}`,
      };
    },
  ],
  [
    'with a signature one character off',
    (body, type) => {
      const headers = signed(body, now(), SIGNING_SECRET, type);
      const signature = headers['x-slack-signature']!;
      const last = signature.at(-1) === '0' ? '1' : '0';
      return { ...headers, 'x-slack-signature': `${signature.slice(0, -1)}${last}` };
    },
  ],
];

describe('forged requests on every surface', () => {
  const start = useDesk();

  it.each(FORGERIES)('refuses a request %s: 401 and nothing written', async (_name, headersFor) => {
    const harness = await start();
    for (const { name, body, type } of await bodies(harness)) {
      const before = await counts(harness);
      const answer = await harness.emulator.postRaw({ body, headers: headersFor(body, type) });
      expect(answer.status, name).toBe(401);
      // Give a wrongly accepted request time to write before comparing.
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(await counts(harness), name).toEqual(before);
    }
    expect(harness.emulator.callsTo('views.publish')).toHaveLength(0);
    expect(harness.emulator.callsTo('views.open')).toHaveLength(1); // the form bodies() opened itself
  });

  it('refuses a body changed after it was signed (the same length, one field swapped)', async () => {
    const harness = await start();
    for (const { name, body, type } of await bodies(harness)) {
      const before = await counts(harness);
      const headers = signed(body, now(), SIGNING_SECRET, type);
      const tampered = body.includes('U0REP') ? body.replaceAll('U0REP', 'U0BAD') : `${body.slice(0, -1)} `;
      const answer = await harness.emulator.postRaw({ body: tampered, headers });
      expect(answer.status, name).toBe(401);
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(await counts(harness), name).toEqual(before);
    }
  });

  it('accepts each surface correctly signed (the forgeries above are refused for their signature)', async () => {
    const harness = await start();
    for (const { name, body, type } of await bodies(harness)) {
      const answer = await harness.emulator.postRaw({
        body,
        headers: signed(body, now(), SIGNING_SECRET, type),
      });
      expect(answer.status, name).toBe(200);
    }
    await eventually(
      async () => (await harness.database.prisma.bookingRequest.count()) === 1,
      'the booking from the submission',
    );
    await eventually(() => harness.emulator.callsTo('views.publish').length > 0, 'the Home from the event');
    // The New booking click carried a made-up trigger_id: Slack refuses the views.open it leads to.
    await eventually(() => harness.emulator.violations.length > 0, 'the refused views.open');
    expect(harness.emulator.takeViolations().map((v) => v.messages)).toEqual([['invalid_trigger_id: 1.2.3']]);
  });
});

describe('replays with a fresh valid signature', () => {
  const start = useDesk();

  it('books a replayed submission once, however often and however fast it comes', async () => {
    const harness = await start();
    const submission = (await bodies(harness))[0]!;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        harness.emulator.postRaw({ body: submission.body, headers: signed(submission.body) }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await harness.database.prisma.bookingRequest.count()).toBe(1);
    expect(await harness.database.prisma.commercialTerms.count()).toBe(1);
    expect(
      await harness.database.prisma.auditEvent.count({ where: { action: { startsWith: 'request.' } } }),
    ).toBeLessThanOrEqual(1);
  });

  it('takes a step once when the same click is replayed', async () => {
    const harness = await start();
    await bookThroughSlack(harness.emulator);
    await waitForStepMessage(harness.emulator, stepOf(0));
    const request = await harness.database.prisma.bookingRequest.findFirstOrThrow();
    const body = `payload=${encodeURIComponent(
      JSON.stringify({
        type: 'block_actions',
        team: { id: harness.emulator.teamId },
        user: { id: specialistFor(stepOf(0)), username: 'omar', team_id: harness.emulator.teamId },
        api_app_id: 'A0BOOKINGAPP',
        token: 'legacy',
        trigger_id: '1.2.3',
        container: { type: 'message', channel_id: DESK_CHANNEL, message_ts: request.parentTs },
        channel: { id: DESK_CHANNEL },
        actions: [
          {
            type: 'button',
            action_id: ACTION.stepTake,
            block_id: 'step_actions',
            value: stepTargetValue({ requestId: request.id, stepId: stepOf(0).id }),
            action_ts: '1.1',
          },
        ],
      }),
    )}`;
    for (let i = 0; i < 3; i++) {
      expect((await harness.emulator.postRaw({ body, headers: signed(body) })).status).toBe(200);
    }
    await eventually(
      async () =>
        (await harness.database.prisma.auditEvent.count({
          where: { action: { in: ['workflow.take', 'refused.take'] } },
        })) === 3,
      'all three clicks handled',
    );
    expect(await harness.database.prisma.auditEvent.count({ where: { action: 'workflow.take' } })).toBe(1);
    const after = await harness.database.prisma.bookingRequest.findFirstOrThrow();
    expect(after.version).toBe(request.version + 1);
  });
});

describe('tampered targets', () => {
  const start = useDesk();

  it('changes nothing for a step of another request or a malformed id, and answers every click', async () => {
    const harness = await start();
    await bookThroughSlack(harness.emulator, { quoteNumber: 'Q-7001' });
    await bookThroughSlack(harness.emulator, { quoteNumber: 'Q-7002' });
    await waitForStepMessage(harness.emulator, stepOf(0));
    const before = await harness.database.prisma.bookingRequest.findMany({ orderBy: { reference: 'asc' } });
    const targets = [
      // The first request's id with a step that is not its current one.
      stepTargetValue({ requestId: before[0]!.id, stepId: stepOf(3).id }),
      stepTargetValue({ requestId: '------------------------------------', stepId: stepOf(0).id }),
      stepTargetValue({ requestId: 'ffffffff-ffff-4fff-8fff-ffffffffffff', stepId: stepOf(0).id }),
      JSON.stringify({ r: before[1]!.id, s: '__proto__' }),
      '{"r":',
    ];
    for (const value of targets) {
      for (const actionId of [ACTION.stepTake, ACTION.stepComplete, ACTION.stepReject]) {
        const body = `payload=${encodeURIComponent(
          JSON.stringify({
            type: 'block_actions',
            team: { id: harness.emulator.teamId },
            user: { id: specialistFor(stepOf(3)), username: 'x', team_id: harness.emulator.teamId },
            api_app_id: 'A0BOOKINGAPP',
            token: 'legacy',
            trigger_id: '1.2.3',
            container: { type: 'message', channel_id: DESK_CHANNEL, message_ts: '1.1' },
            channel: { id: DESK_CHANNEL },
            actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1.1' }],
          }),
        )}`;
        const answer = await harness.emulator.postRaw({ body, headers: signed(body) });
        expect(answer.status, `${actionId} ${value}`).toBe(200);
        expect(answer.ackMs).toBeLessThan(3000);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await harness.database.prisma.bookingRequest.findMany({ orderBy: { reference: 'asc' } });
    expect(after.map((row) => [row.version, row.status])).toEqual(
      before.map((row) => [row.version, row.status]),
    );
    expect(harness.emulator.callsTo('views.open').filter((call) => call.status === 200)).toHaveLength(2);
  });
});

describe('a /book without the trigger Slack always sends', () => {
  const start = useDesk();

  it('is answered with a clear message, and no form is opened without a trigger', async () => {
    const harness = await start();
    const { emulator } = harness;
    // Missing, empty, or nothing but NUL characters (which the app strips from every string).
    const cases = [undefined, '', '\u0000\u0000'].flatMap((trigger) =>
      ['', 'cancel BK-2026-000001'].map((text) => ({ text, trigger })),
    );
    for (const { text, trigger } of cases) {
      const body = new URLSearchParams({
        token: 'legacy',
        team_id: emulator.teamId,
        channel_id: DESK_CHANNEL,
        user_id: rep,
        command: '/book',
        text,
        response_url: 'http://127.0.0.1:1/unused',
        ...(trigger === undefined ? {} : { trigger_id: trigger }),
      }).toString();
      const answer = await emulator.postRaw({ body, headers: signed(body) });
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).toContain('Please type `/book` again');
    }
    expect(emulator.callsTo('views.open')).toEqual([]);
    expect(emulator.takeViolations()).toEqual([]);
  });
});
