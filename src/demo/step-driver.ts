// Working one step in the request's thread the way its specialist does, only through what the bot
// posted: Take it, tick every box of the checklist, Complete, fill the evidence modal, submit. After
// each click it waits until the message shows the change, and fails naming the step if it never does.

import type { Step } from '../domain/playbook/schema.ts';
import type { SlackEmulator, StoredMessage } from '../emulator/index.ts';
import { ACTION, CALLBACK } from '../slack/ids.ts';
import { isChecklistActionId } from '../slack/views/step-checklist.ts';
import { stepHeading } from '../slack/views/step-text.ts';
import { type EvidenceContext, evidenceValues } from './evidence.ts';
import { elementsOf, findElement, hasElement, headerOf, labelOf, optionValues } from './posted-ui.ts';
import { DEFAULT_WAIT_MS, DemoError, waitFor } from './wait.ts';

export interface StepPlay {
  emulator: SlackEmulator;
  /** The desk channel and the status card's ts: the request's thread. */
  channel: string;
  threadTs: string;
  step: Step;
  stepNumber: number;
  stepCount: number;
  /** The specialist who works the step. */
  userId: string;
  evidence: EvidenceContext;
  timeoutMs?: number;
  /** Runs once the step shows it is taken, before the checklist: the demo lets working time pass. */
  whileWorking?: () => Promise<void>;
}

/** The step's message in the thread (the latest, should it have been posted again). */
export function stepMessage(play: StepPlay): StoredMessage | undefined {
  const heading = stepHeading(play.stepNumber, play.stepCount, play.step.title);
  return play.emulator
    .threadOf(play.channel, play.threadTs)
    .filter((message) => headerOf(message.blocks) === heading)
    .at(-1);
}

function waitForMessage(play: StepPlay, what: string, ready: (message: StoredMessage) => boolean) {
  return waitFor(
    () => {
      const message = stepMessage(play);
      return message && ready(message) ? message : null;
    },
    `step ${play.stepNumber} ("${play.step.title}") ${what}`,
    play.timeoutMs ?? DEFAULT_WAIT_MS,
  );
}

function isTaken(message: StoredMessage): boolean {
  const take = findElement(message.blocks, ACTION.stepTake);
  return take !== undefined && labelOf(take.element) !== 'Take it';
}

function allTicked(message: StoredMessage, actionId: string): boolean {
  const element = findElement(message.blocks, actionId)?.element;
  if (!element) return false;
  const ticked = new Set(optionValues(element, 'initial_options'));
  return optionValues(element).every((value) => ticked.has(value));
}

export async function clickThroughStep(play: StepPlay): Promise<void> {
  const { emulator, channel, userId } = play;
  const at = (message: StoredMessage) => ({ userId, channel, messageTs: message.ts });

  let message = await waitForMessage(play, 'to be posted with its buttons', (m) =>
    hasElement(m.blocks, ACTION.stepComplete),
  );

  if (!isTaken(message)) {
    await emulator.clickButton({ ...at(message), actionId: ACTION.stepTake });
    message = await waitForMessage(play, 'to show who took it', isTaken);
  }
  await play.whileWorking?.();

  const checklists = elementsOf(message.blocks)
    .map(({ element }) => String(element.action_id ?? ''))
    .filter(isChecklistActionId);
  for (const actionId of checklists) {
    const element = findElement(message.blocks, actionId)?.element;
    if (!element) continue;
    await emulator.checkBoxes({ ...at(message), actionId, values: optionValues(element) });
    message = await waitForMessage(play, 'to show its checklist ticked', (m) => allTicked(m, actionId));
  }

  const opened = emulator.openViewsOf(userId).length;
  await emulator.clickButton({ ...at(message), actionId: ACTION.stepComplete });
  const modal = await waitFor(
    () =>
      emulator
        .openViewsOf(userId)
        .slice(opened)
        .find((view) => view.callback_id === CALLBACK.stepComplete),
    `the Complete form of step ${play.stepNumber} ("${play.step.title}")`,
    play.timeoutMs ?? DEFAULT_WAIT_MS,
  );
  const answer = await emulator.submitView({
    userId,
    viewId: modal.id,
    values: evidenceValues(modal, play.evidence),
  });
  if (answer.outcome !== 'close') {
    const errors = emulator.openViewsOf(userId).find((view) => view.id === modal.id)?.errors;
    throw new DemoError(
      `completing step ${play.stepNumber} ("${play.step.title}") was refused: ${
        errors ? Object.values(errors).join(' ') : `HTTP ${answer.status} ${JSON.stringify(answer.body)}`
      }`,
    );
  }
  await waitForMessage(play, 'to show it done', (m) => !hasElement(m.blocks, ACTION.stepComplete));
}
