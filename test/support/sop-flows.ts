// Working a request's steps in its thread, as the specialists do: by clicking what the bot posted.

import { expect } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../src/domain/playbook/default-playbook.ts';
import type { EvidenceField } from '../../src/domain/playbook/evidence.ts';
import type { Step } from '../../src/domain/playbook/schema.ts';
import { WorkflowStateSchema } from '../../src/domain/workflow/state.ts';
import type { InputValue, SlackEmulator, StoredMessage } from '../../src/emulator/index.ts';
import { ACTION } from '../../src/slack/ids.ts';
import { DESK_CHANNEL, EMEA_SPECIALISTS } from './desk-config.ts';
import { type DeskHarness, eventually } from './desk-harness.ts';
import { cardsIn } from './flows.ts';

export function stepOf(index: number): Step {
  return DEFAULT_PLAYBOOK.steps[index]!;
}

export function specialistFor(step: Step): string {
  return EMEA_SPECIALISTS[step.role];
}

/** The current message of a step in the request's thread (found by its title). */
export function stepMessageIn(emulator: SlackEmulator, step: Step, cardIndex = 0): StoredMessage | undefined {
  const card = cardsIn(emulator)[cardIndex];
  if (!card) return undefined;
  return emulator
    .threadOf(DESK_CHANNEL, card.ts)
    .filter((message) => message.text.includes(step.title))
    .at(-1);
}

export function waitForStepMessage(
  emulator: SlackEmulator,
  step: Step,
  predicate: (m: StoredMessage) => boolean = () => true,
) {
  return eventually(() => {
    const message = stepMessageIn(emulator, step);
    return message && predicate(message) ? message : null;
  }, `the message of "${step.title}"`);
}

export function hasButton(message: StoredMessage, actionId: string): boolean {
  return JSON.stringify(message.blocks ?? []).includes(`"action_id":"${actionId}"`);
}

/** Valid evidence for one field, as its step's holder would type it. */
export function evidenceValue(field: EvidenceField, people: { owner: string }): string {
  switch (field.type) {
    case 'text':
      return 'Checked against the signed order form';
    case 'reference':
      return field.example ?? 'REF-1';
    case 'date':
      return '2026-12-15';
    case 'slack_user':
      return people.owner;
    case 'choice':
      return field.options[0]!.id;
  }
}

/** Valid evidence for each field of a step, by type. */
export function evidenceFor(step: Step, people: { owner: string }): Record<string, InputValue> {
  return Object.fromEntries(step.evidence.map((field) => [field.id, evidenceValue(field, people)]));
}

/** Clicks Complete on a step's message and submits its modal with valid evidence. */
export async function completeWithEvidence(
  emulator: SlackEmulator,
  step: Step,
  userId: string,
  message: StoredMessage,
): Promise<void> {
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

/** Takes the step, ticks every checklist item, completes it with valid evidence. */
export async function workStep(harness: DeskHarness, step: Step): Promise<void> {
  const { emulator } = harness;
  const userId = specialistFor(step);
  let message = await waitForStepMessage(
    emulator,
    step,
    (m) => hasButton(m, ACTION.stepTake) || hasButton(m, ACTION.stepComplete),
  );
  await emulator.clickButton({
    userId,
    actionId: ACTION.stepTake,
    channel: DESK_CHANNEL,
    messageTs: message.ts,
  });
  const groups = Math.ceil(step.checklist.length / 10);
  for (let group = 0; group < groups; group++) {
    const items = step.checklist.slice(group * 10, group * 10 + 10).map((item) => item.id);
    message = await waitForStepMessage(emulator, step);
    const actionId = group === 0 ? ACTION.stepChecklist : `${ACTION.stepChecklist}|${group + 1}`;
    await emulator.checkBoxes({
      userId,
      actionId,
      channel: DESK_CHANNEL,
      messageTs: message.ts,
      values: items,
    });
  }
  await eventually(async () => {
    const request = await harness.database.prisma.bookingRequest.findFirstOrThrow({
      orderBy: { submittedAt: 'desc' },
    });
    const state = WorkflowStateSchema.parse(request.workflow);
    const record = state.steps.find((candidate) => candidate.id === step.id);
    return step.checklist.every((item) => record?.checks[item.id]?.ticked);
  }, `every item of "${step.title}" ticked`);
  await completeWithEvidence(emulator, step, userId, await waitForStepMessage(emulator, step));
}
