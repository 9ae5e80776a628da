// Working one request's steps in its own thread, found by the request's id rather than by the order
// of the cards (several requests move at once, and a storm may post their cards in any order).

import type { Step } from '../../src/domain/playbook/schema.ts';
import { type StepRecord, WorkflowStateSchema } from '../../src/domain/workflow/state.ts';
import type { StoredMessage } from '../../src/emulator/index.ts';
import { ACTION } from '../../src/slack/ids.ts';
import { DESK_CHANNEL } from './desk-config.ts';
import { type DeskHarness, eventually } from './desk-harness.ts';
import { completeWithEvidence, hasButton, specialistFor } from './sop-flows.ts';

export async function stepRecord(harness: DeskHarness, requestId: string, step: Step): Promise<StepRecord> {
  const row = await harness.database.prisma.bookingRequest.findUniqueOrThrow({ where: { id: requestId } });
  const record = WorkflowStateSchema.parse(row.workflow).steps.find((candidate) => candidate.id === step.id);
  if (!record) throw new Error(`no step ${step.id} in ${requestId}`);
  return record;
}

/** The latest message of a step in one request's thread, once it shows what `ready` wants. */
export async function stepMessage(
  harness: DeskHarness,
  requestId: string,
  step: Step,
  ready: (message: StoredMessage) => boolean,
  timeoutMs: number,
): Promise<StoredMessage> {
  const { parentTs } = await eventually(
    () =>
      harness.database.prisma.bookingRequest.findFirst({ where: { id: requestId, parentTs: { not: null } } }),
    'the status card',
    timeoutMs,
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
    timeoutMs,
  );
}

export async function takeStep(harness: DeskHarness, requestId: string, step: Step, timeoutMs: number) {
  const message = await stepMessage(
    harness,
    requestId,
    step,
    (m) => hasButton(m, ACTION.stepTake),
    timeoutMs,
  );
  await harness.emulator.clickButton({
    userId: specialistFor(step),
    actionId: ACTION.stepTake,
    channel: DESK_CHANNEL,
    messageTs: message.ts,
  });
  await eventually(async () => (await stepRecord(harness, requestId, step)).assignee, 'the step taken');
}

/** Takes a step, ticks its checklist and completes it with valid evidence. */
export async function workStep(harness: DeskHarness, requestId: string, step: Step, timeoutMs: number) {
  const { emulator } = harness;
  const userId = specialistFor(step);
  await takeStep(harness, requestId, step, timeoutMs);
  for (let group = 0; group * 10 < step.checklist.length; group++) {
    const message = await stepMessage(harness, requestId, step, () => true, timeoutMs);
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
    return step.checklist.every((item) => record.checks[item.id]?.ticked);
  }, `every item of "${step.title}" ticked`);
  const message = await stepMessage(
    harness,
    requestId,
    step,
    (m) => hasButton(m, ACTION.stepComplete),
    timeoutMs,
  );
  await completeWithEvidence(emulator, step, userId, message);
}

/** The `ts` of what each sent row posted, in the order the rows were written. */
export async function postedInRowOrder(harness: DeskHarness, requestId: string, kinds: readonly string[]) {
  const rows = await harness.database.prisma.outboxMessage.findMany({
    where: { requestId, kind: { in: [...kinds] } },
    orderBy: { id: 'asc' },
  });
  return rows.flatMap((row) => {
    const ts = (row.result as { ts?: unknown } | null)?.ts;
    return typeof ts === 'string' ? [ts] : [];
  });
}
