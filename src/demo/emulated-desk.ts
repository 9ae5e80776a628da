// The real app wired as in production against the Slack emulator, on a throw-away in-memory
// database with the migrations applied: what the demo and the playground both stand on.

import { type BookingDesk, type BookingDeskOptions, createBookingDesk } from '../booking-desk.ts';
import type { DeskConfig } from '../config/desk-config.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { applyMigrations } from '../db/migrations/migrations.ts';
import { type SlackEmulator, startSlackEmulator } from '../emulator/index.ts';
import { createLogger, type LogLevel } from '../logger.ts';
import type { ShiftedClock } from '../system-clock.ts';

export interface EmulatedDesk {
  emulator: SlackEmulator;
  database: Database;
  desk: BookingDesk;
  /** Stops the app, then the emulator and the database; safe to call twice. */
  stop(): Promise<void>;
}

export interface EmulatedDeskOptions {
  signingSecret: string;
  contractsDir: string;
  /** The app's clock; the emulator's timestamps follow it. */
  clock: ShiftedClock;
  deskConfig: DeskConfig;
  /** Puts the people, channels and user groups into the emulator before the app starts. */
  seed(emulator: SlackEmulator): void;
  /** The app's own log (JSON lines on stdout); default silent. */
  logLevel?: LogLevel;
  outbox: BookingDeskOptions['outbox'];
  scheduleRetention?: boolean;
}

export async function startEmulatedDesk(options: EmulatedDeskOptions): Promise<EmulatedDesk> {
  const { clock, signingSecret } = options;
  const emulator = await startSlackEmulator({
    signingSecret,
    contractsDir: options.contractsDir,
    now: () => clock.now().getTime(),
  });
  const closers: Array<() => Promise<void>> = [() => emulator.close()];
  const stop = async () => {
    for (const close of closers.splice(0)) await close().catch(() => {});
  };
  try {
    options.seed(emulator);
    const database = await openDatabase({ url: 'memory://' });
    closers.unshift(() => database.close());
    await applyMigrations(database);
    const desk = createBookingDesk({
      env: {
        SLACK_BOT_TOKEN: emulator.botToken,
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_APP_TOKEN: undefined,
        SLACK_API_URL: emulator.apiUrl,
        PORT: 0,
        LOG_LEVEL: 'error',
        ADMIN_TOKEN: undefined,
        METRICS_ENABLED: false,
      },
      deskConfig: options.deskConfig,
      database,
      clock,
      logger: createLogger(options.logLevel ?? 'silent'),
      outbox: options.outbox,
      ...(options.scheduleRetention === undefined ? {} : { scheduleRetention: options.scheduleRetention }),
    });
    const { port } = await desk.start();
    closers.unshift(() => desk.stop());
    emulator.setAppUrl(`http://127.0.0.1:${port}/slack/events`);
    return { emulator, database, desk, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
