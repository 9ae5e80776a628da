// A job node-cron runs on a schedule: never two runs at once in this process (a call during a run
// waits for it, then runs), a failed run is logged and answered with `onError`'s value, and stop()
// waits for the run in flight. Several instances are kept apart by the database, not by this.

import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../logger.ts';

export interface ScheduledJobOptions<T> {
  name: string;
  /** A cron expression (evaluated in `timezone`, UTC by default). */
  schedule: string;
  timezone?: string;
  /** Also run once when started (catching up after a restart). */
  runOnStart: boolean;
  run(): Promise<T>;
  onError(): T;
  logger: Logger;
  /** Told how long each run took (the desk's job duration metric). */
  metrics?: JobRunMetrics | undefined;
}

export interface JobRunMetrics {
  observeJobRun(job: string, seconds: number, outcome: 'ok' | 'error'): void;
}

export class ScheduledJob<T> {
  private task: ScheduledTask | null = null;
  private running: Promise<unknown> | null = null;

  constructor(private readonly options: ScheduledJobOptions<T>) {}

  start(): void {
    if (this.task) return;
    this.task = cron.schedule(this.options.schedule, () => void this.runNow(), {
      timezone: this.options.timezone ?? 'Etc/UTC',
      noOverlap: true,
    });
    if (this.options.runOnStart) void this.runNow();
  }

  async runNow(): Promise<T> {
    if (this.running) await this.running.catch(() => undefined);
    const { name, metrics } = this.options;
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    const run = this.options
      .run()
      .then((result) => {
        metrics?.observeJobRun(name, seconds(), 'ok');
        return result;
      })
      .catch((error: unknown) => {
        metrics?.observeJobRun(name, seconds(), 'error');
        this.options.logger.error(`${name} failed`, { error });
        return this.options.onError();
      });
    this.running = run;
    try {
      return await run;
    } finally {
      if (this.running === run) this.running = null;
    }
  }

  async stop(): Promise<void> {
    await this.task?.stop();
    await this.task?.destroy();
    this.task = null;
    await this.running?.catch(() => undefined);
  }
}
