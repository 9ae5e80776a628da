// Everything the demo runs on, started in-process and stopped together: the Slack emulator with the
// demo workspace, an in-memory embedded database with the migrations applied, a clock set to a
// Monday morning, and the real app (Bolt HTTP receiver, services, outbox) wired as in production.

import { fileURLToPath } from 'node:url';
import type { BookingDesk } from '../booking-desk.ts';
import type { Database } from '../db/client.ts';
import { resolveContractsDir, type SlackEmulator } from '../emulator/index.ts';
import type { LogLevel } from '../logger.ts';
import { ShiftedClock } from '../system-clock.ts';
import { demoDeskConfig } from './desk-config.ts';
import { startEmulatedDesk } from './emulated-desk.ts';
import { type SeededWorkspace, seedWorkspace } from './seed.ts';
import { DemoError } from './wait.ts';

const SIGNING_SECRET = 'demo-signing-secret';
/** A Monday, 10:00 in London: the desk is open. */
export const DEMO_START = new Date('2026-11-23T10:00:00Z');

export interface Stage {
  emulator: SlackEmulator;
  /** What was seeded into the emulator: people, channels, user groups. */
  workspace: SeededWorkspace;
  database: Database;
  desk: BookingDesk;
  clock: ShiftedClock;
  /** Stops the app, then the emulator and the database; safe to call twice. */
  stop(): Promise<void>;
}

export interface StageOptions {
  /** The app's own log (JSON lines on stdout); default silent, so only the transcript shows. */
  logLevel?: LogLevel;
}

/** Where the demo looks for Slack's contracts when SLACK_CONTRACTS_DIR is not set. */
const SIBLING_CONTRACTS = fileURLToPath(new URL('../../../shared/slack-contracts', import.meta.url));

/** The folder of Slack's method contracts the emulator checks every call against; a DemoError if missing. */
export function demoContractsDir(): string {
  try {
    return resolveContractsDir();
  } catch (error) {
    throw new DemoError(
      `the Slack emulator needs Slack's method contracts (${(error as Error).message}); ` +
        `put them in ${SIBLING_CONTRACTS} or set SLACK_CONTRACTS_DIR to their folder.`,
    );
  }
}

export async function startStage(options: StageOptions = {}): Promise<Stage> {
  const clock = new ShiftedClock(DEMO_START);
  let workspace: SeededWorkspace | undefined;
  const started = await startEmulatedDesk({
    signingSecret: SIGNING_SECRET,
    contractsDir: demoContractsDir(),
    clock,
    deskConfig: demoDeskConfig(),
    seed: (emulator) => {
      workspace = seedWorkspace(emulator);
    },
    ...(options.logLevel ? { logLevel: options.logLevel } : {}),
    outbox: { pollMs: 50, baseBackoffMs: 50, channelIntervalMs: 0 },
  });
  return { ...started, workspace: workspace!, clock };
}
