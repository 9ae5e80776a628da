// `npm run export -- --what audit --from 2026-07-01 --to 2026-09-30 [--out file] [--database-url url]`
// writes a CSV export (see ./csv.ts for the format) to a file or to stdout, streamed page by page.
// The database is the one `npm start` uses: --database-url, else DATABASE_URL (also from .env), else
// the embedded ./data/pg. The embedded database serves one process at a time: stop the bot first, or
// use the HTTP endpoint (GET /admin/export) of the running bot.
// Exit codes: 0 written, 1 failure, 2 bad arguments.

import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { deskCalendars, loadDeskConfig } from '../config/desk-config.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { DatabaseUrlError, resolveDatabaseUrl } from '../db/url.ts';
import { defaultRegionCalendars } from '../domain/calendar/index.ts';
import type { Clock } from '../domain/clock.ts';
import { DEFAULT_PLAYBOOK } from '../domain/playbook/default-playbook.ts';
import { createPlaybookRegistry } from '../domain/playbook/registry.ts';
import { systemClock } from '../system-clock.ts';
import type { ExportContext } from './context.ts';
import { writeCsv } from './csv.ts';
import { type Output, openOutput } from './output.ts';
import { EXPORT_KINDS, type ExportRequest, parseExportRequest } from './range.ts';
import { exportTable } from './tables.ts';

export const USAGE = `usage: npm run export -- --what ${EXPORT_KINDS.join('|')} --from YYYY-MM-DD --to YYYY-MM-DD [--out file] [--database-url url]`;

export interface ExportCliIo {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Where the CSV goes without --out. */
  stdout: Writable;
  err(line: string): void;
  clock?: Clock;
}

interface CliArgs {
  request: ExportRequest;
  out: string | undefined;
  databaseUrl: string | undefined;
}

function parse(argv: string[]): CliArgs | string {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        what: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        out: { type: 'string' },
        'database-url': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return error instanceof Error ? (error.message.split('\n')[0] ?? 'bad arguments') : 'bad arguments';
  }
  const text = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const parsed = parseExportRequest({ what: text('what'), from: text('from'), to: text('to') });
  if (!parsed.ok) return `--${parsed.message}`;
  const out = text('out');
  if (out === '') return '--out needs a file name';
  return { request: parsed.request, out, databaseUrl: text('database-url') };
}

export async function runExportCli(argv: string[], io: ExportCliIo): Promise<number> {
  const args = parse(argv);
  if (typeof args === 'string') {
    io.err(`${args}\n${USAGE}`);
    return 2;
  }
  const url = args.databaseUrl ?? io.env.DATABASE_URL;
  let database: Database;
  try {
    const location = resolveDatabaseUrl(url, io.cwd);
    if (location.kind === 'pglite' && location.dir !== undefined && !existsSync(location.dir)) {
      io.err(`There is no database at ${location.dir}: set --database-url or DATABASE_URL.`);
      return 1;
    }
    database = await openDatabase({ url: location.kind === 'pglite' ? location.dir : url });
  } catch (error) {
    const reason = error instanceof DatabaseUrlError ? error.message : describe(error);
    io.err(`Cannot open the database: ${reason}`);
    return 1;
  }
  let output: Output | undefined;
  try {
    const ctx = await exportContext(database, io);
    output = await openOutput(args.out === undefined ? undefined : path.resolve(io.cwd, args.out), io.stdout);
    const rows = await writeCsv(exportTable(ctx, args.request), output.stream);
    await output.finish();
    if (args.out !== undefined) io.err(`Wrote ${rows} ${args.request.what} rows to ${args.out}`);
    return 0;
  } catch (error) {
    await output?.abandon();
    if (args.out !== undefined) await rm(path.resolve(io.cwd, args.out), { force: true });
    io.err(`Export failed: ${describe(error)}`);
    return 1;
  } finally {
    await database.close();
  }
}

/** Calendars from the desk config when there is one (business minutes in its hours), else the defaults. */
async function exportContext(database: Database, io: ExportCliIo): Promise<ExportContext> {
  const configPath = path.resolve(io.cwd, io.env.BOOKING_DESK_CONFIG ?? 'booking-desk.yml');
  let calendars = defaultRegionCalendars();
  if (existsSync(configPath)) {
    const loaded = await loadDeskConfig(configPath);
    if (!loaded.ok) throw new Error(loaded.message);
    calendars = deskCalendars(loaded.config);
  }
  return {
    db: database.prisma,
    calendars,
    playbooks: createPlaybookRegistry([DEFAULT_PLAYBOOK]),
    now: (io.clock ?? systemClock).now(),
  };
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error';
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (invokedDirectly) {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const code = await runExportCli(process.argv.slice(2), {
    env: process.env,
    cwd: process.cwd(),
    stdout: process.stdout,
    err: (line) => process.stderr.write(`${line}\n`),
  });
  process.exit(code);
}
