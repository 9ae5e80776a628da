// `npm run playground`: the bot, the Slack emulator and a Slack-like page on http://127.0.0.1:3000
// (PLAYGROUND_PORT or PORT to change it), on a throw-away database. Ctrl-C stops it.

import { z } from 'zod';
import { DemoError } from '../demo/wait.ts';
import { DEFAULT_PORT, startPlayground } from './playground.ts';

const EnvSchema = z.object({
  PLAYGROUND_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** The app's time at start (ISO 8601), e.g. 2026-11-23T09:30:00Z; default now. */
  PLAYGROUND_START: z.iso.datetime({ offset: true }).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional(),
});

async function main(): Promise<void> {
  const parsed = EnvSchema.safeParse({
    PLAYGROUND_PORT: process.env.PLAYGROUND_PORT || undefined,
    PORT: process.env.PORT || undefined,
    PLAYGROUND_START: process.env.PLAYGROUND_START || undefined,
    LOG_LEVEL: process.env.LOG_LEVEL || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    console.error(`playground: ${issue?.path.join('.')} ${issue?.message}`);
    process.exitCode = 2;
    return;
  }
  const env = parsed.data;
  console.log('Starting the playground: Slack emulator, database, Booking Desk…');
  const playground = await startPlayground({
    port: env.PLAYGROUND_PORT ?? env.PORT ?? DEFAULT_PORT,
    ...(env.PLAYGROUND_START ? { start: new Date(env.PLAYGROUND_START) } : {}),
    logLevel: env.LOG_LEVEL ?? 'silent',
  });
  console.log(`\nBooking Desk playground: ${playground.url}\n`);
  console.log('Open it in a browser. Everything lives in memory and is gone when you stop (Ctrl-C).');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the playground…`);
    playground.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof DemoError) console.error(`playground: ${error.message}`);
  else if (isAddressInUse(error))
    console.error(`playground: ${error.message}; set PLAYGROUND_PORT to another port.`);
  else console.error(error);
  process.exitCode = 1;
});

function isAddressInUse(error: unknown): error is Error {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
}
