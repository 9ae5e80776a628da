// One booking from /book to completed, through Slack as people do it: the rep books, then for each of
// the seven steps its holder takes it, ticks the checklist, clicks Complete and submits the evidence.
// Every click waits until Slack shows its effect (the message updated, the modal open), read from the
// emulator's call record (call-watch.ts) rather than by polling Slack's state.

import { evidenceValues } from '../src/demo/evidence.ts';
import { elementsOf, findElement, labelOf, optionValues } from '../src/demo/posted-ui.ts';
import { DEFAULT_PLAYBOOK } from '../src/domain/playbook/default-playbook.ts';
import type { Role } from '../src/domain/roles.ts';
import type { JsonObject, RecordedCall, SlackEmulator } from '../src/emulator/index.ts';
import { ACTION } from '../src/slack/ids.ts';
import { isChecklistActionId } from '../src/slack/views/step-checklist.ts';
import { stepHeading } from '../src/slack/views/step-text.ts';
import { DESK_CHANNEL } from '../test/support/desk-config.ts';
import { intakeValues } from '../test/support/intake-values.ts';
import { openedView, postedBooking } from './ack-requests.ts';
import { argText, type CallWatch } from './call-watch.ts';

export interface WalkPeople {
  rep: string;
  /** Who works each role's steps. */
  holders: Record<Role, string>;
}

export interface WalkContext {
  emulator: SlackEmulator;
  watch: CallWatch;
  /** Runs `work` while holding `userId`'s modal (a person has one modal open at a time). */
  withModal<T>(userId: string, work: () => Promise<T>): Promise<T>;
  /**
   * Counts the requests sent to the app (commands, clicks, submissions), the modals that came too late
   * and the submissions the app asked to repeat.
   */
  sent: { requests: number; lateModals: number; slowSubmits: number };
}

const STEPS = DEFAULT_PLAYBOOK.steps;

/** Serializes work per person: one modal at a time, as in Slack. */
export function modalLocks(): WalkContext['withModal'] {
  const tails = new Map<string, Promise<unknown>>();
  return (userId, work) => {
    const run = (tails.get(userId) ?? Promise.resolve()).then(work, work);
    tails.set(
      userId,
      run.catch(() => {}),
    );
    return run;
  };
}

function blocksOf(call: RecordedCall): JsonObject[] {
  const raw = call.args.blocks;
  const parsed = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
  return Array.isArray(parsed) ? (parsed as JsonObject[]) : [];
}

/** The next update of the message `ts` whose blocks satisfy `ready`. */
function updated(
  ctx: WalkContext,
  mark: number,
  ts: string,
  what: string,
  ready: (blocks: JsonObject[]) => boolean,
) {
  return ctx.watch
    .next(mark, (call) => call.method === 'chat.update' && call.args.ts === ts && ready(blocksOf(call)), what)
    .then(blocksOf);
}

function allTicked(blocks: JsonObject[], actionId: string): boolean {
  const element = findElement(blocks, actionId)?.element;
  if (!element) return false;
  const ticked = new Set(optionValues(element, 'initial_options'));
  return optionValues(element).every((value) => ticked.has(value));
}

/**
 * Sends what opens a modal and waits for it. When the app opened it after Slack's three seconds
 * (expired_trigger_id), the person sees nothing and clicks again: so does the benchmark, and counts it.
 */
async function openModal(ctx: WalkContext, send: () => Promise<string>) {
  for (let attempt = 1; ; attempt++) {
    const mark = ctx.watch.mark();
    const triggerId = await send();
    ctx.sent.requests += 1;
    try {
      return await openedView(ctx.watch, mark, triggerId);
    } catch (error) {
      if (!String(error).includes('expired_trigger_id') || attempt === 20) throw error;
      ctx.sent.lateModals += 1;
    }
  }
}

/** Submits a modal; when the app asks to press Submit again (it was slow), the person does, and it counts. */
async function submitModal(
  ctx: WalkContext,
  userId: string,
  viewId: string,
  values: Parameters<SlackEmulator['submitView']>[0]['values'],
) {
  for (let attempt = 1; ; attempt++) {
    const answer = await ctx.emulator.submitView({ userId, viewId, ...(values ? { values } : {}) });
    ctx.sent.requests += 1;
    if (answer.outcome === 'close') return;
    const again = JSON.stringify(answer.body).includes('Press Submit again');
    if (!again || attempt === 5)
      throw new Error(`a modal was not accepted: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
    ctx.sent.slowSubmits += 1;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function workStep(ctx: WalkContext, people: WalkPeople, cardTs: string, index: number, ts: string) {
  const { emulator, watch } = ctx;
  const step = STEPS[index]!;
  const userId = people.holders[step.role];
  const at = { userId, channel: DESK_CHANNEL, messageTs: ts };
  const what = `step ${index + 1} of the booking under ${cardTs}`;

  let mark = watch.mark();
  await emulator.clickButton({ ...at, actionId: ACTION.stepTake });
  ctx.sent.requests += 1;
  let blocks = await updated(ctx, mark, ts, `${what} taken`, (b) => {
    const take = findElement(b, ACTION.stepTake);
    return take !== undefined && labelOf(take.element) !== 'Take it';
  });
  const checklists = elementsOf(blocks)
    .map(({ element }) => String(element.action_id ?? ''))
    .filter(isChecklistActionId);
  for (const actionId of checklists) {
    const element = findElement(blocks, actionId)?.element;
    if (!element) continue;
    mark = watch.mark();
    await emulator.checkBoxes({ ...at, actionId, values: optionValues(element) });
    ctx.sent.requests += 1;
    blocks = await updated(ctx, mark, ts, `${what} ticked`, (b) => allTicked(b, actionId));
  }
  await ctx.withModal(userId, async () => {
    const view = await openModal(ctx, async () => {
      const click = await emulator.clickButton({ ...at, actionId: ACTION.stepComplete });
      return click.triggerId;
    });
    await submitModal(
      ctx,
      userId,
      view.id,
      evidenceValues(view, { owner: people.holders.customer_operations, fallbackDate: '2026-12-01' }),
    );
  });
}

/** Books and works every step; resolves once the last step's completion has been accepted. */
export async function walkBooking(ctx: WalkContext, people: WalkPeople, quoteNumber: string): Promise<void> {
  const { emulator, watch } = ctx;
  const mark = watch.mark();
  await ctx.withModal(people.rep, async () => {
    const view = await openModal(ctx, async () => {
      const command = await emulator.slashCommand({
        userId: people.rep,
        command: '/book',
        channelId: DESK_CHANNEL,
      });
      return command.triggerId;
    });
    await submitModal(ctx, people.rep, view.id, intakeValues({ quoteNumber }));
  });
  const { stepTs, cardTs } = await postedBooking(watch, mark, people.rep);
  let ts = stepTs;
  for (let index = 0; index < STEPS.length; index++) {
    const next = index + 1 < STEPS.length ? STEPS[index + 1]! : undefined;
    const posted = watch.mark();
    await workStep(ctx, people, cardTs, index, ts);
    if (!next) break;
    const heading = stepHeading(index + 2, STEPS.length, next.title);
    const call = await watch.next(
      posted,
      (candidate) =>
        candidate.method === 'chat.postMessage' &&
        candidate.args.thread_ts === cardTs &&
        argText(candidate, 'blocks').includes(heading),
      `step ${index + 2} posted under ${cardTs}`,
    );
    ts = String((call.response as { ts?: unknown } | null)?.ts);
  }
}
