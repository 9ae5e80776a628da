// A storm of 429s and 5xx from Slack while several requests are submitted and worked: once it has
// passed, every message is in Slack exactly once and each thread (and each request's DMs) reads in
// the order the outbox rows were written. Retry times come from the harness's ShiftedClock, which
// runs at real speed, so a Retry-After of one second is waited out in one real second.

import { describe, expect, it } from 'vitest';
import { OUTBOX_KIND } from '../../src/app/outbox-kinds.ts';
import type { Step } from '../../src/domain/playbook/schema.ts';
import { WorkflowStateSchema } from '../../src/domain/workflow/state.ts';
import type { SlackEmulator, StoredMessage } from '../../src/emulator/index.ts';
import { ACTION } from '../../src/slack/ids.ts';
import { DESK_CHANNEL, EMEA_SPECIALISTS, PEOPLE } from '../support/desk-config.ts';
import { type DeskHarness, eventually } from '../support/desk-harness.ts';
import { bookThroughSlack, cardsIn } from '../support/flows.ts';
import { evidenceFor, hasButton, specialistFor, stepOf } from '../support/sop-flows.ts';
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

async function stepRecord(harness: DeskHarness, requestId: string, step: Step) {
  const row = await harness.database.prisma.bookingRequest.findUniqueOrThrow({ where: { id: requestId } });
  return WorkflowStateSchema.parse(row.workflow).steps.find((record) => record.id === step.id);
}

/** The current message of a step in one request's thread, once it shows what `ready` wants. */
async function stepMessage(
  harness: DeskHarness,
  requestId: string,
  step: Step,
  ready: (message: StoredMessage) => boolean,
): Promise<StoredMessage> {
  const { parentTs } = await eventually(
    () =>
      harness.database.prisma.bookingRequest.findFirst({ where: { id: requestId, parentTs: { not: null } } }),
    'the status card',
    STORM_WAIT_MS,
  );
  return eventually(
    () => {
      const message = harness.emulator
        .threadOf(DESK_CHANNEL, parentTs!)
        .filter((candidate) => candidate.text.includes(step.title))
        .at(-1);
      return message && ready(message) ? message : null;
    },
    `the message of "${step.title}"`,
    STORM_WAIT_MS,
  );
}

async function takeStep(harness: DeskHarness, requestId: string, step: Step): Promise<void> {
  const message = await stepMessage(harness, requestId, step, (m) => hasButton(m, ACTION.stepTake));
  await harness.emulator.clickButton({
    userId: specialistFor(step),
    actionId: ACTION.stepTake,
    channel: DESK_CHANNEL,
    messageTs: message.ts,
  });
  await eventually(async () => (await stepRecord(harness, requestId, step))?.assignee, 'the step taken');
}

/** Takes a step, ticks its checklist and completes it with valid evidence, in one request's thread. */
async function workStep(harness: DeskHarness, requestId: string, step: Step): Promise<void> {
  const { emulator } = harness;
  const userId = specialistFor(step);
  await takeStep(harness, requestId, step);
  for (let group = 0; group * 10 < step.checklist.length; group++) {
    const message = await stepMessage(harness, requestId, step, () => true);
    await emulator.checkBoxes({
      userId,
      actionId: group === 0 ? ACTION.stepChecklist : `${ACTION.stepChecklist}|${group + 1}`,
      channel: DESK_CHANNEL,
      messageTs: message.ts,
      values: step.checklist.slice(group * 10, group * 10 + 10).map((item) => item.id),
    });
  }
  await eventually(async () => {
    const record = await stepRecord(harness, requestId, step);
    return step.checklist.every((item) => record?.checks[item.id]?.ticked);
  }, `every item of "${step.title}" ticked`);
  const message = await stepMessage(harness, requestId, step, (m) => hasButton(m, ACTION.stepComplete));
  const views = emulator.openViewsOf(userId).length;
  await emulator.clickButton({
    userId,
    actionId: ACTION.stepComplete,
    channel: DESK_CHANNEL,
    messageTs: message.ts,
  });
  await eventually(
    () => emulator.openViewsOf(userId).length > views,
    `the Complete modal of "${step.title}"`,
  );
  const answer = await emulator.submitView({
    userId,
    values: evidenceFor(step, { owner: EMEA_SPECIALISTS.customer_operations }),
  });
  expect(answer.body, `completing "${step.title}"`).toBe('');
}

/** The `ts` of what each sent row posted, in the order the rows were written. */
async function postedInRowOrder(harness: DeskHarness, requestId: string, kinds: readonly string[]) {
  const rows = await harness.database.prisma.outboxMessage.findMany({
    where: { requestId, kind: { in: [...kinds] } },
    orderBy: { id: 'asc' },
  });
  return rows.flatMap((row) => {
    const ts = (row.result as { ts?: unknown } | null)?.ts;
    return typeof ts === 'string' ? [ts] : [];
  });
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
    for (const request of requests) await workStep(harness, request.id, stepOf(0));
    for (const request of requests) await takeStep(harness, request.id, stepOf(1));

    await eventually(
      async () => (await database.prisma.outboxMessage.count({ where: { status: 'pending' } })) === 0,
      'the outbox drained',
      STORM_WAIT_MS,
    );
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
