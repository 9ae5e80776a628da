// The three surfaces the ack benchmark times, as Slack sends them: `/book`, the intake modal's
// submission and a click on a step's Take it. The same bodies go to Booking Desk and to the bare app.

import type { SlackEmulator, StoredView } from '../src/emulator/index.ts';
import { buildStateValues } from '../src/emulator/platform/view-state.ts';
import { ACTION } from '../src/slack/ids.ts';
import { DESK_CHANNEL } from '../test/support/desk-config.ts';
import { intakeValues } from '../test/support/intake-values.ts';
import { argText, type CallWatch } from './call-watch.ts';

export type Surface = 'command' | 'submission' | 'click';

export const SURFACE_LABELS: Record<Surface, string> = {
  command: '`/book` (slash command)',
  submission: 'intake modal submission',
  click: 'button click (Take it on a step)',
};

export type Samples = Record<Surface, { ours: number[]; bare: number[] }>;

export function emptySamples(): Samples {
  const pair = () => ({ ours: [], bare: [] });
  return { command: pair(), submission: pair(), click: pair() };
}

/** The submission of an intake modal the app opened, filled in as a rep would. */
export function submissionBody(
  emulator: SlackEmulator,
  view: StoredView,
  userId: string,
  quoteNumber: string,
): string {
  const payload = {
    type: 'view_submission',
    team: { id: emulator.teamId, domain: emulator.teamDomain },
    user: {
      id: userId,
      username: userId.toLowerCase(),
      name: userId.toLowerCase(),
      team_id: emulator.teamId,
    },
    api_app_id: 'A0BOOKINGDESK',
    token: 'legacy',
    trigger_id: '1.2.3',
    view: {
      ...view,
      id: `V${quoteNumber}`,
      state: { values: buildStateValues(view, intakeValues({ quoteNumber })) },
    },
  };
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Posts a submission. The app closes the modal (an empty 200), or under load may answer in time with
 * "slow, press Submit again" (`recorded: false`); anything else is a failure.
 */
export async function submit(
  emulator: SlackEmulator,
  body: string,
): Promise<{ ackMs: number; recorded: boolean }> {
  const answer = await emulator.postRaw({
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...emulator.signRequest(body) },
  });
  if (answer.status === 200 && answer.body === '') return { ackMs: answer.ackMs, recorded: true };
  if (answer.status === 200 && JSON.stringify(answer.body).includes('Press Submit again')) {
    return { ackMs: answer.ackMs, recorded: false };
  }
  throw new Error(`submission answered ${answer.status} ${JSON.stringify(answer.body)}`);
}

/** The app opened the modal too late for Slack (after the trigger's 3 s): the rep saw nothing. */
export function isLateModal(error: unknown): boolean {
  return String(error).includes('expired_trigger_id');
}

/** Clicks Take it on a step's message in the desk channel. */
export async function clickTake(emulator: SlackEmulator, userId: string, messageTs: string): Promise<number> {
  const answer = await emulator.clickButton({
    userId,
    actionId: ACTION.stepTake,
    channel: DESK_CHANNEL,
    messageTs,
  });
  if (answer.status !== 200) throw new Error(`click answered ${answer.status}`);
  return answer.ackMs;
}

/** The modal the app opened for a trigger (its views.open answer). */
export async function openedView(watch: CallWatch, mark: number, triggerId: string): Promise<StoredView> {
  const call = await watch.next(
    mark,
    (candidate) => candidate.method === 'views.open' && argText(candidate, 'trigger_id') === triggerId,
    'the intake modal',
  );
  const answer = call.response as { view?: StoredView; error?: string } | null;
  const view = answer?.view;
  if (!view || !Array.isArray(view.blocks))
    throw new Error(`views.open failed: ${answer?.error ?? 'no view'}`);
  return view;
}

/** The status card a rep's booking posted and the first step's message in its thread. */
export async function postedBooking(watch: CallWatch, mark: number, userId: string) {
  const card = await watch.next(
    mark,
    (call) =>
      call.method === 'chat.postMessage' &&
      call.args.channel === DESK_CHANNEL &&
      call.args.thread_ts === undefined &&
      argText(call, 'blocks').includes(`<@${userId}>`),
    'the status card',
  );
  const cardTs = String((answerOf(card) as { ts?: unknown }).ts);
  const step = await watch.next(
    mark,
    (candidate) => candidate.method === 'chat.postMessage' && candidate.args.thread_ts === cardTs,
    'the first step in the thread',
  );
  return { cardTs, stepTs: String((answerOf(step) as { ts?: unknown }).ts) };
}

/** What Slack answered a recorded call. */
function answerOf(recorded: { response: unknown }): object {
  return (recorded.response ?? {}) as object;
}
