// Migration CLI on the WASM schema engine (no native Prisma engine needed):
//   tsx src/db/migrations/cli.ts migrate        apply pending migrations to DATABASE_URL
//   tsx src/db/migrations/cli.ts new <name>     write prisma/migrations/<timestamp>_<name>/migration.sql
//   tsx src/db/migrations/cli.ts status         compare the migrations folder with DATABASE_URL
//   tsx src/db/migrations/cli.ts check          fail when prisma/schema.prisma has changes no migration captures
// Options: --migrations <dir>, --schema <file>. DATABASE_URL follows openDatabase's rules (unset → ./data/pg).
// Exit codes: 0 success, 1 failure (or, for status, not up to date), 2 usage error.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DatabaseUrlError, redactDatabaseUrl, resolveDatabaseUrl } from '../url.ts';
import {
  applyMigrations,
  checkMigrations,
  createMigration,
  MigrationError,
  type MigrationOptions,
  migrationStatus,
} from './migrations.ts';

const USAGE = 'Usage: cli.ts migrate | new <name> | status | check  [--migrations <dir>] [--schema <file>]';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  cwd: string;
  out(line: string): void;
  err(line: string): void;
}

class UsageError extends Error {}

interface ParsedArgs {
  command: string | undefined;
  positional: string[];
  options: MigrationOptions;
}

function parseArgs(argv: string[], cwd: string): ParsedArgs {
  const positional: string[] = [];
  const options: MigrationOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--migrations' || arg === '--schema') {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
      if (arg === '--migrations') options.migrationsDir = path.resolve(cwd, value);
      else options.schemaPath = path.resolve(cwd, value);
    } else if (arg.startsWith('--')) {
      throw new UsageError(`Unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  return { command: positional[0], positional: positional.slice(1), options };
}

function describeTarget(url: string | undefined, cwd: string): string {
  const location = resolveDatabaseUrl(url, cwd);
  if (location.kind === 'pglite') {
    if (location.dir === undefined) return 'in-memory PGlite';
    const relative = path.relative(cwd, location.dir);
    return `PGlite ${relative === '' ? '.' : relative.startsWith('..') ? location.dir : relative}`;
  }
  const where = redactDatabaseUrl(location.connectionString);
  return location.schema === undefined ? where : `${where} (schema ${location.schema})`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function oneLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}

/** Runs one CLI command; returns the exit code. Expected failures print one line, never a stack. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs(argv, io.cwd);
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { command, positional, options } = parsed;
  const url = io.env.DATABASE_URL;
  try {
    switch (command) {
      case 'migrate': {
        const where = describeTarget(url, io.cwd);
        const { applied } = await applyMigrations(url, options);
        io.out(
          applied.length === 0
            ? `No pending migrations: ${where} is up to date`
            : `Applied ${plural(applied.length, 'migration')} to ${where}: ${applied.join(', ')}`,
        );
        return 0;
      }
      case 'new': {
        const name = positional.join(' ');
        if (name.trim() === '')
          throw new UsageError('Give the migration a name, e.g. `npm run db:new add_sla_timers`');
        const result = await createMigration(name, options);
        if (!result.created) {
          io.out('No changes: the migrations already match the Prisma schema');
          return 0;
        }
        const file = path.relative(io.cwd, path.join(result.directory, 'migration.sql'));
        io.out(`Created ${file.startsWith('..') ? path.join(result.directory, 'migration.sql') : file}`);
        return 0;
      }
      case 'status': {
        const where = describeTarget(url, io.cwd);
        const status = await migrationStatus(url, options);
        if (status.upToDate) {
          io.out(
            `Up to date: ${where} has ${plural(status.local.length, 'migration')} applied, none pending`,
          );
          return 0;
        }
        const parts: string[] = [];
        if (status.failed.length > 0) parts.push(`failed: ${status.failed.join(', ')}`);
        if (status.edited.length > 0) parts.push(`edited after being applied: ${status.edited.join(', ')}`);
        if (status.missingLocally.length > 0)
          parts.push(`applied but missing here: ${status.missingLocally.join(', ')}`);
        if (status.pending.length > 0) parts.push(`pending: ${status.pending.join(', ')}`);
        io.out(`Not up to date: ${where} — ${parts.join('; ')}`);
        return 1;
      }
      case 'check': {
        const result = await checkMigrations(options);
        if (result.upToDate) {
          io.out('OK: the migrations match the Prisma schema');
          return 0;
        }
        const statements = result.missingSql
          .split('\n')
          .filter((line) => line.trim() !== '' && !line.startsWith('--'))
          .join(' ')
          .split(';')
          .map((statement) => statement.trim().replace(/\s+/g, ' '))
          .filter((statement) => statement !== '');
        const first = statements[0] ?? '';
        const preview = first.length > 100 ? `${first.slice(0, 97)}...` : first;
        io.err(
          `Schema drift: ${plural(statements.length, 'statement')} not captured by any migration (${preview}); ` +
            'run `npm run db:new <name>`',
        );
        return 1;
      }
      default:
        throw new UsageError(command === undefined ? 'Missing command' : `Unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof MigrationError || error instanceof DatabaseUrlError) {
      io.err(`Error: ${oneLine(error.message)}`);
      return 1;
    }
    // Unexpected: still one line; the stack only on request.
    io.err(`Error: ${oneLine(error instanceof Error ? error.message : String(error))}`);
    if (io.env.DEBUG !== undefined && error instanceof Error && error.stack !== undefined)
      io.err(error.stack);
    return 1;
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (invokedDirectly) {
  const code = await runCli(process.argv.slice(2), {
    env: process.env,
    cwd: process.cwd(),
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
  // Everything is closed by now; exiting explicitly also ends any timer a dependency left behind.
  process.exit(code);
}
