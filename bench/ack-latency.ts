// Ack latency of /book, the intake submission and a click on a step's Take it. Booking Desk runs as
// `npm start` runs it (its own process; the embedded database on disk, then a PostgreSQL schema when
// one is configured); the baseline is a bare Bolt app that only acks, also in its own process. The
// emulator plays Slack from this process and times each acknowledgement. First one rep at a time,
// interleaved between the two apps so both see the same machine; then many reps at once
// (ack-concurrent.ts).

import path from 'node:path';
import { stringify } from 'yaml';
import type { SlackEmulator, StoredView } from '../src/emulator/index.ts';
import { aDeskConfig, DESK_CHANNEL } from '../test/support/desk-config.ts';
import { SIGNING_SECRET } from '../test/support/desk-harness.ts';
import { type ConcurrentResult, measureConcurrentAcks } from './ack-concurrent.ts';
import {
  clickTake,
  emptySamples,
  openedView,
  postedBooking,
  SURFACE_LABELS,
  type Surface,
  submissionBody,
  submit,
} from './ack-requests.ts';
import { startAppProcess } from './app-process.ts';
import { onEachBackend } from './bench-database.ts';
import { startBenchWorkspace } from './bench-slack.ts';
import { CallWatch, slackQuiet } from './call-watch.ts';
import type { LatencyRow } from './stats.ts';

const BARE_APP = path.join(import.meta.dirname, 'bare-app-main.ts');
const SURFACES: readonly Surface[] = ['command', 'submission', 'click'];
/** Slack hearing nothing from the app for this long means it has finished what the last request caused. */
const QUIET_MS = 150;

export interface AckOptions {
  /** Sequential requests per surface and app (after a tenth as many warm-up ones). */
  iterations: number;
  /** Reps working at once in the concurrent part. */
  clients: number;
  /** Measured rounds per client in the concurrent part (after one warm-up round). */
  rounds: number;
}

export interface AckResult {
  /** Where Booking Desk kept its data. */
  backend: string;
  sequential: LatencyRow[];
  concurrent: ConcurrentResult;
}

interface Session {
  emulator: SlackEmulator;
  watch: CallWatch;
  urls: { ours: string; bare: string };
  reps: string[];
  takers: string[];
}

/** One rep at a time, interleaved; returns the samples and the step messages it made. */
async function sequential(session: Session, iterations: number) {
  const { emulator, watch, urls } = session;
  const samples = emptySamples();
  const rep = session.reps[0]!;
  const taker = session.takers[0]!;
  const stepMessages: string[] = [];
  const warmup = Math.ceil(iterations / 10);
  let view: StoredView | undefined;
  for (let i = 0; i < iterations + warmup; i++) {
    let stepTs = '';
    for (const target of ['ours', 'bare'] as const) {
      emulator.setAppUrl(urls[target]);
      const mark = watch.mark();
      const command = await emulator.slashCommand({ userId: rep, command: '/book', channelId: DESK_CHANNEL });
      // A rep fills the form for a while: the modal is open before they submit.
      if (target === 'ours') view = await openedView(watch, mark, command.triggerId);
      const submission = await submit(emulator, submissionBody(emulator, view!, rep, `Q-${target}-${i}`));
      if (!submission.recorded) throw new Error('one rep at a time, the app asked to submit again');
      // One rep at a time: the card, its first step, the DM and the Homes are out before the next request.
      if (target === 'ours') {
        stepTs = (await postedBooking(watch, mark, rep)).stepTs;
        await watch.next(
          mark,
          (call) => call.method === 'chat.postMessage' && String(call.args.channel).startsWith('D'),
          'the DM',
        );
        stepMessages.push(stepTs);
        await slackQuiet(emulator, QUIET_MS, 30_000);
      }
      const clicked = watch.mark();
      const click = await clickTake(emulator, taker, stepTs);
      if (target === 'ours') {
        await watch.next(
          clicked,
          (call) => call.method === 'chat.update' && call.args.ts === stepTs,
          'the step shown taken',
        );
        // A quiet desk: what the click caused (card, Homes) is out before the next request.
        await slackQuiet(emulator, QUIET_MS, 30_000);
      }
      if (i >= warmup) {
        samples.command[target].push(command.ackMs);
        samples.submission[target].push(submission.ackMs);
        samples.click[target].push(click);
      }
    }
  }
  return {
    rows: SURFACES.map((surface) => ({ surface: SURFACE_LABELS[surface], ...samples[surface] })),
    stepMessages,
  };
}

async function measureOn(
  backend: string,
  databaseUrl: string,
  dir: string,
  options: AckOptions,
): Promise<AckResult> {
  const { emulator, reps, holders } = await startBenchWorkspace({ reps: options.clients, holdersPerRole: 2 });
  const watch = new CallWatch(emulator);
  const env = {
    SLACK_BOT_TOKEN: emulator.botToken,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: emulator.apiUrl,
    DATABASE_URL: databaseUrl,
    PORT: '0',
    LOG_LEVEL: 'info',
  };
  const ours = startAppProcess(env, dir);
  const bare = startAppProcess(env, dir, { script: BARE_APP });
  try {
    const session = {
      emulator,
      watch,
      urls: { ours: await ours.url, bare: await bare.url },
      reps,
      takers: holders.order_management,
    };
    const { rows, stepMessages } = await sequential(session, options.iterations);
    const concurrent = await measureConcurrentAcks({ ...session, stepMessages, rounds: options.rounds });
    return { backend, sequential: rows, concurrent };
  } finally {
    watch.close();
    await Promise.all([ours.stop(), bare.stop()]);
    await emulator.close();
  }
}

/** On the embedded database (as `npm start` runs by default) and, when configured, on PostgreSQL. */
export function measureAckLatency(options: AckOptions): Promise<AckResult[]> {
  return onEachBackend('ack', stringify(aDeskConfig()), (backend, dir) =>
    measureOn(backend.label, backend.url, dir, options),
  );
}
