// `npm start`: read the environment and the desk config, open and migrate the database, run the bot.
// Expected problems (missing tokens, a broken config) end with one clear message, never a stack trace.

import { existsSync } from 'node:fs';
import { createBookingDesk } from './booking-desk.ts';
import { loadDeskConfig } from './config/desk-config.ts';
import { loadEnv } from './config/env.ts';
import { openDatabase } from './db/client.ts';
import { applyMigrations } from './db/migrations/migrations.ts';
import { createLogger } from './logger.ts';
import { systemClock } from './system-clock.ts';

/** Orchestrators usually allow 30 s between SIGTERM and SIGKILL. */
const SHUTDOWN_TIMEOUT_MS = 25_000;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const loaded = loadEnv(process.env);
  if (!loaded.ok) fail(loaded.message);
  const { env } = loaded;
  const logger = createLogger(env.LOG_LEVEL);

  const config = await loadDeskConfig(env.BOOKING_DESK_CONFIG);
  if (!config.ok) fail(config.message);

  const database = await openDatabase({
    url: env.DATABASE_URL,
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    queryTimeoutMs: env.DATABASE_QUERY_TIMEOUT_MS,
  }).catch((error: unknown) =>
    fail(`Booking Desk cannot open its database (${describe(error)}). Check DATABASE_URL.`),
  );
  try {
    const applied = await applyMigrations(database);
    if (applied.applied.length > 0) logger.info('database migrated', { applied: applied.applied });
  } catch (error) {
    await database.close();
    fail(`Booking Desk cannot migrate its database: ${describe(error)}`);
  }

  const desk = createBookingDesk({
    env,
    deskConfig: config.config,
    database,
    clock: systemClock,
    logger,
    outbox: { channelIntervalMs: env.OUTBOX_CHANNEL_INTERVAL_MS },
  });
  const { port } = await desk.start();
  logger.info(
    port === null ? 'Booking Desk is running in Socket Mode' : `Booking Desk is listening on port ${port}`,
    {
      database: database.kind,
    },
  );

  // Graceful stop (SIGTERM from an orchestrator, Ctrl-C): no new requests, in-flight work finished,
  // no outbox claim left behind, then the database closed. A stop that hangs is cut short; any claim
  // it still holds then expires with its lease.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    const deadline = setTimeout(() => {
      logger.error('shutdown took too long; exiting', { afterMs: SHUTDOWN_TIMEOUT_MS });
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    deadline.unref();
    let code = 0;
    try {
      await desk.stop();
    } catch (error) {
      code = 1;
      logger.error('shutdown failed', { error });
    }
    await database.close().catch((error: unknown) => {
      code = 1;
      logger.error('the database did not close cleanly', { error });
    });
    logger.info('stopped', { signal });
    process.exit(code);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => fail(`Booking Desk stopped: ${describe(error)}`));
