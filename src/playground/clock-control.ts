// Moves the app's clock for the page, then does at once what the minute's jobs would: the SLA sweep
// (nudges, breaches, escalation levels) and the survey job, and wakes the outbox so retries and the
// messages they wrote go out now. Moves run one at a time.

import { deskCalendars } from '../config/desk-config.ts';
import type { SweepSummary } from '../jobs/sla-sweep.ts';
import { type ClockMove, regionTimes, targetOf } from './clock-moves.ts';
import type { ClockState } from './page-types.ts';
import type { PlaygroundStage } from './stage.ts';

export interface ClockMoved extends ClockState {
  from: string;
  /** What the SLA sweep did at the new time. */
  sweep: SweepSummary;
}

export class ClockControl {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly stage: Pick<PlaygroundStage, 'clock' | 'desk' | 'deskConfig'>,
    private readonly moved: () => void,
  ) {}

  state(): ClockState {
    const now = this.stage.clock.now();
    return { now: now.toISOString(), regions: regionTimes(now, deskCalendars(this.stage.deskConfig)) };
  }

  move(move: ClockMove): Promise<ClockMoved> {
    const run = this.queue.then(() => this.apply(move));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async apply(move: ClockMove): Promise<ClockMoved> {
    const { clock, desk, deskConfig } = this.stage;
    const from = clock.now();
    clock.set(targetOf(move, from, deskCalendars(deskConfig)));
    desk.dispatcher.wake();
    const sweep = await desk.sla.sweepNow();
    await desk.survey.runNow();
    desk.dispatcher.wake();
    this.moved();
    return { ...this.state(), from: from.toISOString(), sweep };
  }
}
