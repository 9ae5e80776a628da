// Ack latency with many reps at once. Each client is its own rep: /book, wait for the modal, submit
// it, click Take it on a step (the step messages of the sequential part: with the desk channel paced
// at one post a second, a fresh booking's step is not in Slack for minutes under this load). Every
// round each step changes hands between two holders, so each click is real work after its ack.
//
// The bare app opens no modal, so its clients would send back to back: to give both apps the same
// load, the bare round replays each client's wait for the modal from Booking Desk's round before
// sending its submission. Rounds alternate between the apps.

import type { SlackEmulator, StoredView } from '../src/emulator/index.ts';
import { DESK_CHANNEL } from '../test/support/desk-config.ts';
import {
  clickTake,
  emptySamples,
  isLateModal,
  openedView,
  SURFACE_LABELS,
  type Surface,
  submissionBody,
  submit,
} from './ack-requests.ts';
import type { CallWatch } from './call-watch.ts';
import type { LatencyRow } from './stats.ts';

export interface ConcurrentOptions {
  emulator: SlackEmulator;
  watch: CallWatch;
  urls: { ours: string; bare: string };
  /** One rep per client. */
  reps: readonly string[];
  /** Two holders of the first step's role; the step changes hands between them. */
  takers: readonly string[];
  /** Step messages to click, in the desk channel. */
  stepMessages: readonly string[];
  rounds: number;
}

export interface ConcurrentResult {
  clients: number;
  rows: LatencyRow[];
  /** /book whose modal the app opened after Slack's 3 s (the rep typed /book again). */
  lateModals: number;
  /** Submissions answered "slow, press Submit again" in time (timed like the others). */
  slowSubmits: number;
  /** Requests acknowledged per second of each app's measured rounds. */
  rate: { ours: number; bare: number };
}

interface Turn {
  view: StoredView;
  /** How long the rep waited for the modal. */
  modalMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureConcurrentAcks(options: ConcurrentOptions): Promise<ConcurrentResult> {
  const { emulator, watch, reps, takers, stepMessages } = options;
  if (stepMessages.length === 0) throw new Error('the concurrent part needs step messages to click');
  const surfaces: Surface[] = ['command', 'submission', 'click'];
  const samples = emptySamples();
  const busyMs = { ours: 0, bare: 0 };
  const trouble = { lateModals: 0, slowSubmits: 0 };
  const record = (round: number, target: 'ours' | 'bare', surface: Surface, ms: number) => {
    if (round > 0) samples[surface][target].push(ms);
  };

  for (let round = 0; round <= options.rounds; round++) {
    const taker = takers[(round + 1) % takers.length]!;
    const turns: Turn[] = [];
    emulator.setAppUrl(options.urls.ours);
    let started = performance.now();
    await Promise.all(
      reps.map(async (rep, client) => {
        const opened = performance.now();
        let view: StoredView | undefined;
        for (let attempt = 1; !view; attempt++) {
          const mark = watch.mark();
          const command = await emulator.slashCommand({
            userId: rep,
            command: '/book',
            channelId: DESK_CHANNEL,
          });
          record(round, 'ours', 'command', command.ackMs);
          view = await openedView(watch, mark, command.triggerId).catch((error: unknown) => {
            if (!isLateModal(error) || attempt === 5) throw error;
            if (round > 0) trouble.lateModals += 1;
            return undefined;
          });
        }
        turns[client] = { view, modalMs: performance.now() - opened };
        const submission = await submit(
          emulator,
          submissionBody(emulator, view, rep, `Q-C${client}-R${round}`),
        );
        if (!submission.recorded && round > 0) trouble.slowSubmits += 1;
        const click = await clickTake(emulator, taker, stepMessages[client % stepMessages.length]!);
        record(round, 'ours', 'submission', submission.ackMs);
        record(round, 'ours', 'click', click);
      }),
    );
    if (round > 0) busyMs.ours += performance.now() - started;

    emulator.setAppUrl(options.urls.bare);
    started = performance.now();
    await Promise.all(
      reps.map(async (rep, client) => {
        const turn = turns[client]!;
        const command = await emulator.slashCommand({
          userId: rep,
          command: '/book',
          channelId: DESK_CHANNEL,
        });
        await sleep(turn.modalMs);
        const submission = await submit(
          emulator,
          submissionBody(emulator, turn.view, rep, `Q-B${client}-R${round}`),
        );
        const click = await clickTake(emulator, taker, stepMessages[client % stepMessages.length]!);
        record(round, 'bare', 'command', command.ackMs);
        record(round, 'bare', 'submission', submission.ackMs);
        record(round, 'bare', 'click', click);
      }),
    );
    if (round > 0) busyMs.bare += performance.now() - started;
  }
  const requests = reps.length * options.rounds * surfaces.length;
  return {
    ...trouble,
    clients: reps.length,
    rows: surfaces.map((surface) => ({ surface: SURFACE_LABELS[surface], ...samples[surface] })),
    rate: { ours: requests / (busyMs.ours / 1000), bare: requests / (busyMs.bare / 1000) },
  };
}
