// Everything the playground runs on, in one process and stopped together: the Slack emulator with
// the playground's workspace, a throw-away in-memory database with the migrations applied, a clock
// the page can move forward, and the real app (Bolt HTTP receiver, services, outbox, jobs) wired
// as in production. The page talks to the emulator only; the app cannot tell it from Slack.

import { type BookingDesk, createBookingDesk } from '../booking-desk.ts';
import type { DeskConfig } from '../config/desk-config.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { applyMigrations } from '../db/migrations/migrations.ts';
import { demoContractsDir } from '../demo/stage.ts';
import { type SlackEmulator, startSlackEmulator } from '../emulator/index.ts';
import { createLogger, type LogLevel } from '../logger.ts';
import { ShiftedClock } from '../system-clock.ts';
import { playgroundDeskConfig } from './desk-config.ts';
import { seedPlayground } from './seed.ts';

const SIGNING_SECRET = 'playground-signing-secret';

export interface PlaygroundStage {
  emulator: SlackEmulator;
  database: Database;
  desk: BookingDesk;
  deskConfig: DeskConfig;
  /** The app's clock: real speed from `start`, moved forward by the page's clock control. */
  clock: ShiftedClock;
  /** Stops the app, then the emulator and the database; safe to call twice. */
  stop(): Promise<void>;
}

export interface PlaygroundStageOptions {
  /** The app's time when it starts; default now. */
  start?: Date;
  /** The app's own log (JSON lines on stdout); default silent. */
  logLevel?: LogLevel;
}

export async function startPlaygroundStage(options: PlaygroundStageOptions = {}): Promise<PlaygroundStage> {
  const clock = new ShiftedClock(options.start ?? new Date());
  const emulator = await startSlackEmulator({
    signingSecret: SIGNING_SECRET,
    contractsDir: demoContractsDir(),
    now: () => clock.now().getTime(),
  });
  const closers: Array<() => Promise<void>> = [() => emulator.close()];
  const stop = async () => {
    for (const close of closers.splice(0)) await close().catch(() => {});
  };
  try {
    seedPlayground(emulator);
    const database = await openDatabase({ url: 'memory://' });
    closers.unshift(() => database.close());
    await applyMigrations(database);
    const deskConfig = playgroundDeskConfig();
    const desk = createBookingDesk({
      env: {
        SLACK_BOT_TOKEN: emulator.botToken,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_APP_TOKEN: undefined,
        SLACK_API_URL: emulator.apiUrl,
        PORT: 0,
        LOG_LEVEL: 'error',
        ADMIN_TOKEN: undefined,
        METRICS_ENABLED: false,
      },
      deskConfig,
      database,
      clock,
      logger: createLogger(options.logLevel ?? 'silent'),
      // Snappy on one machine: no pacing between messages, quick retries.
      outbox: { pollMs: 100, baseBackoffMs: 100, channelIntervalMs: 0 },
      // Nothing in a throw-away database is old enough to purge.
      scheduleRetention: false,
    });
    const { port } = await desk.start();
    closers.unshift(() => desk.stop());
    emulator.setAppUrl(`http://127.0.0.1:${port}/slack/events`);
    return { emulator, database, desk, deskConfig, clock, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
