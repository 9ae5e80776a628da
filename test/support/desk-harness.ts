// Starts the real app (Bolt HTTP receiver, services, outbox) against the Slack emulator and a test
// database, the way production wires it. Tests then act through the emulator and read the database.

import { type BookingDesk, createBookingDesk } from '../../src/booking-desk.ts';
import type { DeskConfig } from '../../src/config/desk-config.ts';
import type { Database, PrismaClient } from '../../src/db/client.ts';
import type { Clock } from '../../src/domain/clock.ts';
import { REGIONS } from '../../src/domain/regions.ts';
import { ROLES } from '../../src/domain/roles.ts';
import { type SlackEmulator, startSlackEmulator } from '../../src/emulator/index.ts';
import type { OutboxDispatcherOptions } from '../../src/jobs/outbox-dispatcher.ts';
import { createLogger, type LogLevel } from '../../src/logger.ts';
import { ShiftedClock } from '../../src/system-clock.ts';
import { contractsDir } from './contracts.ts';
import { aDeskConfig, DESK_CHANNEL, EMEA_SPECIALISTS, PEOPLE, roleGroupId } from './desk-config.ts';

export const SIGNING_SECRET = 'test-signing-secret';

export interface DeskHarness {
  emulator: SlackEmulator;
  desk: BookingDesk;
  database: Database;
  clock: Clock;
  appUrl: string;
  /** Stops the app (and, unless kept, the emulator and database). */
  stop(): Promise<void>;
}

export interface DeskHarnessOptions {
  /** The database to use; the harness neither migrates nor closes a given one. */
  database?: Database;
  /** Opens a fresh migrated database when none is given; closed by stop(). */
  openDatabase?: () => Promise<Database>;
  emulator?: SlackEmulator;
  clock?: Clock;
  outbox?: Partial<OutboxDispatcherOptions>;
  logLevel?: LogLevel;
  /** The desk config (default: aDeskConfig()). */
  deskConfig?: DeskConfig;
  /** Runs the minute SLA sweep on node-cron; off by default: tests call `desk.sla.sweepNow()`. */
  scheduleSlaSweep?: boolean;
  /** ADMIN_TOKEN: turns on GET /admin/export (off by default, as in production without it). */
  adminToken?: string;
}

export async function startEmulator(): Promise<SlackEmulator> {
  const emulator = await startSlackEmulator({ signingSecret: SIGNING_SECRET, contractsDir: contractsDir() });
  for (const person of Object.values(PEOPLE)) emulator.addUser({ ...person });
  emulator.addChannel({ id: DESK_CHANNEL, name: 'booking-desk' });
  for (const region of REGIONS) {
    for (const role of ROLES) {
      const users =
        region === 'EMEA'
          ? [EMEA_SPECIALISTS[role]]
          : region === 'APAC' && role === 'billing'
            ? [PEOPLE.apacBilling.id]
            : [];
      emulator.addUsergroup({
        id: roleGroupId(role, region),
        handle: `${role.replaceAll('_', '-')}-${region.toLowerCase()}`,
        users,
      });
    }
  }
  emulator.addUsergroup({ id: 'S0DESKADMIN', handle: 'desk-admins', users: [PEOPLE.lead.id] });
  emulator.addUsergroup({ id: 'S0SALESSUP', handle: 'sales-support', users: [] });
  return emulator;
}

export async function startDesk(options: DeskHarnessOptions = {}): Promise<DeskHarness> {
  const emulator = options.emulator ?? (await startEmulator());
  const database = options.database ?? (await (options.openDatabase ?? missingDatabase)());
  const clock = options.clock ?? new ShiftedClock(new Date('2026-11-23T10:00:00Z'));
  const desk = createBookingDesk({
    env: {
      SLACK_BOT_TOKEN: emulator.botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_APP_TOKEN: undefined,
      SLACK_API_URL: emulator.apiUrl,
      PORT: 0,
      LOG_LEVEL: 'error',
      ADMIN_TOKEN: options.adminToken,
    },
    deskConfig: options.deskConfig ?? aDeskConfig(),
    scheduleSlaSweep: options.scheduleSlaSweep ?? false,
    database,
    clock,
    logger: createLogger(options.logLevel ?? 'silent'),
    outbox: { pollMs: 50, baseBackoffMs: 50, channelIntervalMs: 0, ...options.outbox },
  });
  const { port } = await desk.start();
  const appUrl = `http://127.0.0.1:${port}/slack/events`;
  emulator.setAppUrl(appUrl);
  let stopped = false;
  return {
    emulator,
    desk,
    database,
    clock,
    appUrl,
    async stop() {
      if (stopped) return;
      stopped = true;
      await desk.stop();
      if (!options.emulator) await emulator.close();
      if (!options.database) await database.close();
    },
  };
}

/** Waits until `probe` returns a truthy value (real time: the app works asynchronously after its ack). */
export async function eventually<T>(
  probe: () => T | Promise<T>,
  what = 'condition',
  timeoutMs = 15_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits until the outbox has sent (or given up on) everything written so far. */
export async function outboxIdle(prisma: PrismaClient, timeoutMs = 60_000): Promise<void> {
  await eventually(
    async () =>
      (await prisma.outboxMessage.count({ where: { status: { in: ['pending', 'sending'] } } })) === 0,
    'the outbox to drain',
    timeoutMs,
  );
}

function missingDatabase(): Promise<Database> {
  throw new Error('startDesk needs a database or openDatabase');
}
