// Everything the playground runs on, in one process and stopped together: the Slack emulator with
// the playground's workspace, a throw-away in-memory database with the migrations applied, a clock
// the page can move forward, and the real app (Bolt HTTP receiver, services, outbox, jobs) wired
// as in production. The page talks to the emulator only; the app cannot tell it from Slack.

import type { BookingDesk } from '../booking-desk.ts';
import type { DeskConfig } from '../config/desk-config.ts';
import type { Database } from '../db/client.ts';
import { startEmulatedDesk } from '../demo/emulated-desk.ts';
import { demoContractsDir } from '../demo/stage.ts';
import type { SlackEmulator } from '../emulator/index.ts';
import type { LogLevel } from '../logger.ts';
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
  const deskConfig = playgroundDeskConfig();
  const started = await startEmulatedDesk({
    signingSecret: SIGNING_SECRET,
    contractsDir: demoContractsDir(),
    clock,
    deskConfig,
    seed: seedPlayground,
    ...(options.logLevel ? { logLevel: options.logLevel } : {}),
    // Snappy on one machine: no pacing between messages, quick retries.
    outbox: { pollMs: 100, baseBackoffMs: 100, channelIntervalMs: 0 },
    // Nothing in a throw-away database is old enough to purge.
    scheduleRetention: false,
  });
  return { ...started, deskConfig, clock };
}
