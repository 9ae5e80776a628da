// Impatient people in Slack. When the app does not answer (connection refused or reset, a 5xx, no
// ack in time) they do again exactly what Slack lets them: press Submit on the same modal (Slack keeps
// it open), click the same button. When a click was acknowledged but nothing changed after a while
// (the instance died after its ack), they click it again too. Each person has one modal at a time,
// as in Slack, so modal work is serialised per person.

import type { PrismaClient } from '../../src/db/client.ts';
import type { Step } from '../../src/domain/playbook/schema.ts';
import { type StepRecord, WorkflowStateSchema } from '../../src/domain/workflow/state.ts';
import type { InputValue, SlackEmulator, StoredView } from '../../src/emulator/index.ts';
import { ACTION, CALLBACK } from '../../src/slack/ids.ts';
import { DESK_CHANNEL } from './desk-config.ts';

export interface BurstTally {
  /** Actions people meant to do (the first try of each). */
  clicks: number;
  submissions: number;
  /** Extra tries after the app did not answer or nothing happened. */
  retries: number;
  /** Submissions answered with an error or not at all at least once before they went through. */
  retriedSubmissions: number;
}

export interface BurstWorld {
  emulator: SlackEmulator;
  prisma: PrismaClient;
  tally: BurstTally;
  /** How long a person waits for a bot message before giving up (outbox leases may be lapsing). */
  messageWaitMs: number;
}

/** A step action in the order people work a request; `group` is the checklist's group of 10. */
export type StepAction =
  | { kind: 'take'; step: Step }
  | { kind: 'check'; step: Step; group: number }
  | { kind: 'complete'; step: Step; submit: boolean };

/** How long a person waits for an acknowledged action to show before trying again. */
const PATIENCE_MS = 6000;
const MAX_TRIES = 60;
const POLL_MS = 250;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(probe: () => T | Promise<T>, timeoutMs: number): Promise<NonNullable<T> | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) return null;
    await sleep(POLL_MS);
  }
}

/** Sends one request to the app; null when it did not answer (refused, reset, 5xx, too slow). */
async function attempt<T extends { status: number }>(send: () => Promise<T>): Promise<T | null> {
  try {
    const response = await send();
    return response.status === 200 ? response : null;
  } catch {
    return null;
  }
}

/** One modal per person: runs `work` after that person's earlier modal work. */
export class ModalLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(userId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(userId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.tails.set(userId, next);
    return next;
  }
}

function isOpen(emulator: SlackEmulator, userId: string, viewId: string): boolean {
  return emulator.openViewsOf(userId).some((view) => view.id === viewId);
}

function newViewOf(
  emulator: SlackEmulator,
  userId: string,
  before: ReadonlySet<string>,
  matches: (view: StoredView) => boolean,
) {
  return emulator.openViewsOf(userId).find((view) => !before.has(view.id) && matches(view)) ?? null;
}

/** Types /book until the form opens (the ack may be lost, or the instance die before views.open). */
async function openIntake(world: BurstWorld, userId: string): Promise<StoredView> {
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    if (tries > 0) world.tally.retries += 1;
    const before = new Set(world.emulator.openViewsOf(userId).map((view) => view.id));
    const ack = await attempt(() =>
      world.emulator.slashCommand({ userId, command: '/book', text: '', channelId: DESK_CHANNEL }),
    );
    const view = ack
      ? await waitFor(
          () => newViewOf(world.emulator, userId, before, (v) => v.callback_id === CALLBACK.intake),
          PATIENCE_MS,
        )
      : null;
    if (view) return view;
    await sleep(300);
  }
  throw new Error(`${userId} could not open the booking form`);
}

/**
 * Opens the form and submits it until Slack closes it, pressing Submit again on the same modal
 * whenever the app did not answer. Returns how many times Submit was pressed.
 */
export async function submitBooking(
  world: BurstWorld,
  userId: string,
  values: Record<string, InputValue>,
): Promise<number> {
  world.tally.submissions += 1;
  let view = await openIntake(world, userId);
  let replaced = false;
  for (let presses = 1; presses <= MAX_TRIES; presses++) {
    if (presses > 1) world.tally.retries += 1;
    if (presses === 2) world.tally.retriedSubmissions += 1;
    if (!isOpen(world.emulator, userId, view.id)) {
      // The modal is gone: a late views.open of an earlier /book replaced it. Fill in the new one.
      view = await openIntake(world, userId);
      replaced = true;
    }
    const open = view;
    const answer = await attempt(() => world.emulator.submitView({ userId, viewId: open.id, values }));
    if (answer?.outcome === 'close') return presses;
    const errors = JSON.stringify(answer?.body ?? '');
    if (answer?.outcome === 'errors' && errors.includes('already has a request')) {
      // Submit pressed again on the same form must get the first answer, never "a duplicate".
      if (!replaced) throw new Error(`Submit again on the same form was refused as a duplicate: ${errors}`);
      // Recorded by a press whose answer was lost, before the form was replaced: done.
      return presses;
    }
    // "could not record", "may not be recorded yet": the app asks for Submit again.
    if (answer?.outcome === 'errors' && !errors.includes('Press Submit again'))
      throw new Error(`the form was refused: ${errors}`);
    await sleep(300);
  }
  throw new Error(`${userId} could not submit a booking`);
}

async function stepRecord(world: BurstWorld, requestId: string, step: Step): Promise<StepRecord | null> {
  const row = await world.prisma.bookingRequest.findUnique({
    where: { id: requestId },
    select: { workflow: true },
  });
  if (!row) return null;
  return WorkflowStateSchema.parse(row.workflow).steps.find((record) => record.id === step.id) ?? null;
}

/** The ts of the step's message in the request's thread, once the outbox has posted it. */
async function stepMessageTs(world: BurstWorld, requestId: string, step: Step): Promise<string> {
  const posted = await waitFor(
    () =>
      world.prisma.threadMessage.findFirst({
        where: { requestId, stepId: step.id },
        orderBy: { createdAt: 'desc' },
      }),
    world.messageWaitMs,
  );
  if (!posted) throw new Error(`the message of "${step.title}" for ${requestId} never came`);
  return posted.ts;
}

/**
 * Clicks until `done` holds: again at once when the app did not answer, again after a while when it
 * answered but nothing changed.
 */
async function clickUntil(
  world: BurstWorld,
  click: () => Promise<{ status: number }>,
  done: () => Promise<boolean>,
  what: string,
): Promise<void> {
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    if (tries > 0) {
      if (await done()) return;
      world.tally.retries += 1;
    }
    // No such button any more means the message already shows the change: look again.
    const ack = await attempt(click);
    if (ack && (await waitFor(done, PATIENCE_MS))) return;
    if (!ack) await sleep(300);
  }
  throw new Error(`gave up: ${what}`);
}

async function take(world: BurstWorld, requestId: string, step: Step, userId: string): Promise<void> {
  const messageTs = await stepMessageTs(world, requestId, step);
  await clickUntil(
    world,
    () => world.emulator.clickButton({ userId, actionId: ACTION.stepTake, channel: DESK_CHANNEL, messageTs }),
    async () => (await stepRecord(world, requestId, step))?.assignee?.userId === userId,
    `take "${step.title}" of ${requestId}`,
  );
}

async function check(world: BurstWorld, requestId: string, step: Step, group: number, userId: string) {
  const messageTs = await stepMessageTs(world, requestId, step);
  const items = step.checklist.slice(group * 10, group * 10 + 10).map((item) => item.id);
  await clickUntil(
    world,
    () =>
      world.emulator.checkBoxes({
        userId,
        actionId: group === 0 ? ACTION.stepChecklist : `${ACTION.stepChecklist}|${group + 1}`,
        channel: DESK_CHANNEL,
        messageTs,
        values: items,
      }),
    async () => {
      const record = await stepRecord(world, requestId, step);
      return items.every((item) => record?.checks[item]?.ticked === true);
    },
    `tick "${step.title}" of ${requestId}`,
  );
}

/** Complete: the button opens the evidence modal; Submit records it (both retried as needed). */
async function complete(
  world: BurstWorld,
  requestId: string,
  step: Step,
  userId: string,
  evidence: Record<string, InputValue> | null,
): Promise<void> {
  const completed = async () => (await stepRecord(world, requestId, step))?.status === 'completed';
  const messageTs = await stepMessageTs(world, requestId, step);
  let view: StoredView | null = null;
  let clicked = false;
  let submitted = false;
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    if (await completed()) return;
    if (!view) {
      if (clicked) world.tally.retries += 1;
      clicked = true;
      const before = new Set(world.emulator.openViewsOf(userId).map((open) => open.id));
      const ack = await attempt(() =>
        world.emulator.clickButton({
          userId,
          actionId: ACTION.stepComplete,
          channel: DESK_CHANNEL,
          messageTs,
        }),
      );
      view = ack
        ? await waitFor(
            () =>
              newViewOf(
                world.emulator,
                userId,
                before,
                (open) =>
                  open.callback_id === CALLBACK.stepComplete && open.private_metadata.includes(requestId),
              ),
            PATIENCE_MS,
          )
        : null;
      if (!view) await sleep(300);
      continue;
    }
    if (!evidence) return;
    if (!isOpen(world.emulator, userId, view.id)) {
      // Replaced by a late views.open of an earlier click: click Complete again.
      view = null;
      continue;
    }
    if (submitted) world.tally.retries += 1;
    else world.tally.clicks += 1;
    submitted = true;
    const open: StoredView = view;
    const answer = await attempt(() =>
      world.emulator.submitView({ userId, viewId: open.id, values: evidence }),
    );
    if (answer?.outcome === 'close') {
      if (await waitFor(completed, PATIENCE_MS)) return;
      throw new Error(`"${step.title}" of ${requestId} was submitted but is not completed`);
    }
    if (answer?.outcome === 'errors') throw new Error(`evidence refused: ${JSON.stringify(answer.body)}`);
    await sleep(300);
  }
  throw new Error(`gave up completing "${step.title}" of ${requestId}`);
}

/** Does one step action as `userId`; modal work waits for that person's other modal. */
export async function doStepAction(
  world: BurstWorld,
  locks: ModalLocks,
  requestId: string,
  action: StepAction,
  userId: string,
  evidence: (step: Step) => Record<string, InputValue>,
): Promise<void> {
  world.tally.clicks += 1;
  switch (action.kind) {
    case 'take':
      return take(world, requestId, action.step, userId);
    case 'check':
      return check(world, requestId, action.step, action.group, userId);
    case 'complete':
      return locks.run(userId, () =>
        complete(world, requestId, action.step, userId, action.submit ? evidence(action.step) : null),
      );
  }
}

/** The first `count` clicks of working a request from its first step on (a modal's Submit counts). */
export function planClicks(steps: readonly Step[], count: number): StepAction[] {
  const actions: StepAction[] = [];
  let left = count;
  for (const step of steps) {
    if (left <= 0) break;
    actions.push({ kind: 'take', step });
    left -= 1;
    for (let group = 0; group * 10 < step.checklist.length && left > 0; group++) {
      actions.push({ kind: 'check', step, group });
      left -= 1;
    }
    if (left <= 0) break;
    // Complete and its modal's Submit are two clicks.
    actions.push({ kind: 'complete', step, submit: left >= 2 });
    left -= Math.min(2, left);
  }
  return actions;
}
