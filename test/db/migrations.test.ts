import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/db/migrations/cli.ts';
import {
  applyMigrations,
  checkMigrations,
  createMigration,
  DEFAULT_MIGRATIONS_DIR,
  DEFAULT_SCHEMA_PATH,
  MigrationError,
  migrationStatus,
  REPO_ROOT,
} from '../../src/db/migrations/migrations.ts';
import { createEmptyPGlite } from '../../src/db/pglite-adapter.ts';
import { dropSchema, testDatabaseUrl, uniqueSchemaUrl } from '../support/database.ts';

const run = promisify(execFile);
/** Every model of the Prisma schema is a table, sorted as the catalogue lists them. */
const APP_TABLES = [
  ...(await readFile(path.join(import.meta.dirname, '../../prisma/schema.prisma'), 'utf8')).matchAll(
    /^model (\w+) \{/gm,
  ),
]
  .map((match) => match[1] as string)
  .sort();

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'booking-desk-migrations-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function committedMigrations(): Promise<string[]> {
  return (await readdir(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** A copy of the committed migrations folder in the scratch directory. */
async function copyOfMigrations(name: string): Promise<string> {
  const dir = path.join(scratch, name);
  await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

/** Adds a migration that creates a table, then fails on a missing one. */
async function addBrokenMigration(dir: string): Promise<string> {
  const name = '29990101000000_broken';
  await mkdir(path.join(dir, name));
  await writeFile(
    path.join(dir, name, 'migration.sql'),
    'CREATE TABLE "PartiallyApplied" ("id" INTEGER);\nALTER TABLE "DoesNotExist" ADD COLUMN "x" INTEGER;\n',
  );
  return name;
}

async function tableNames(pglite: PGlite): Promise<string[]> {
  const result = await pglite.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  return result.rows.map((row) => row.tablename);
}

describe('the committed migrations', () => {
  it('exist, with a postgresql lock file', async () => {
    expect((await committedMigrations()).length).toBeGreaterThan(0);
    const lock = await readFile(path.join(DEFAULT_MIGRATIONS_DIR, 'migration_lock.toml'), 'utf8');
    expect(lock).toMatch(/^provider = "postgresql"$/m);
  });

  it('capture the whole Prisma schema (db:check passes)', async () => {
    await expect(checkMigrations()).resolves.toEqual({ upToDate: true, missingSql: '' });
  });
});

describe('applyMigrations on PGlite', () => {
  it('creates every table and records checksums like prisma migrate deploy', async () => {
    const pglite = await createEmptyPGlite();
    try {
      const names = await committedMigrations();
      await expect(applyMigrations(pglite)).resolves.toEqual({ applied: names });
      expect(await tableNames(pglite)).toEqual([...APP_TABLES, '_prisma_migrations']);
      const recorded = await pglite.query<{
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
      }>('SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name');
      for (const [index, name] of names.entries()) {
        const sql = await readFile(path.join(DEFAULT_MIGRATIONS_DIR, name, 'migration.sql'));
        expect(recorded.rows[index]).toMatchObject({
          migration_name: name,
          checksum: createHash('sha256').update(sql).digest('hex'),
        });
        expect(recorded.rows[index]?.finished_at).toBeInstanceOf(Date);
      }
      // Idempotent.
      await expect(applyMigrations(pglite)).resolves.toEqual({ applied: [] });
    } finally {
      await pglite.close();
    }
  });

  it('serialises concurrent applies on one PGlite (a clone included)', async () => {
    const pglite = await createEmptyPGlite();
    const clone = (await pglite.clone()) as PGlite;
    try {
      const names = await committedMigrations();
      const results = await Promise.all([applyMigrations(clone), applyMigrations(clone)]);
      expect(results.flatMap((result) => result.applied)).toEqual(names);
      expect((await migrationStatus(clone)).upToDate).toBe(true);
    } finally {
      await Promise.all([clone.close(), pglite.close()]);
    }
  });

  it('persists to a PGlite directory given as the target URL (created if missing)', async () => {
    const dir = path.join(scratch, 'pg-dir', 'nested');
    await expect(applyMigrations(dir)).resolves.toEqual({ applied: await committedMigrations() });
    const status = await migrationStatus(dir);
    expect(status.upToDate).toBe(true);
  });
});

describe('migrationStatus', () => {
  it('reports pending, then applied, then edited', async () => {
    const dir = await copyOfMigrations('status');
    const names = await committedMigrations();
    const pglite = await createEmptyPGlite();
    try {
      const before = await migrationStatus(pglite, { migrationsDir: dir });
      expect(before).toMatchObject({
        pending: names,
        applied: [],
        hasMigrationsTable: false,
        upToDate: false,
      });

      await applyMigrations(pglite, { migrationsDir: dir });
      const after = await migrationStatus(pglite, { migrationsDir: dir });
      expect(after).toMatchObject({ pending: [], applied: names, edited: [], failed: [], upToDate: true });

      const first = names[0]!;
      await writeFile(path.join(dir, first, 'migration.sql'), '-- edited after being applied\nSELECT 1;\n', {
        flag: 'a',
      });
      const edited = await migrationStatus(pglite, { migrationsDir: dir });
      expect(edited).toMatchObject({ edited: [first], upToDate: false });
    } finally {
      await pglite.close();
    }
  });

  it('reports migrations recorded in the database but missing from the folder', async () => {
    const dir = await copyOfMigrations('missing');
    const pglite = await createEmptyPGlite();
    try {
      const extra = await addBrokenMigration(dir);
      await writeFile(path.join(dir, extra, 'migration.sql'), 'CREATE TABLE "Extra" ("id" INTEGER);\n');
      await applyMigrations(pglite, { migrationsDir: dir });
      await rm(path.join(dir, extra), { recursive: true });
      const status = await migrationStatus(pglite, { migrationsDir: dir });
      expect(status).toMatchObject({ missingLocally: [extra], pending: [], upToDate: false });
    } finally {
      await pglite.close();
    }
  });
});

describe('a failing migration', () => {
  it('fails loudly on PGlite, is recorded as failed, and leaves nothing half-applied', async () => {
    const dir = await copyOfMigrations('broken-pglite');
    const broken = await addBrokenMigration(dir);
    const pglite = await createEmptyPGlite();
    try {
      const failure = applyMigrations(pglite, { migrationsDir: dir });
      await expect(failure).rejects.toBeInstanceOf(MigrationError);
      await expect(failure).rejects.toThrow(new RegExp(`Migration ${broken} failed: .*DoesNotExist`));
      const status = await migrationStatus(pglite, { migrationsDir: dir });
      expect(status.failed).toEqual([broken]);
      expect(status.applied).toEqual(await committedMigrations());
      // The script ran as one implicit transaction: its first statement was rolled back too.
      expect(await tableNames(pglite)).not.toContain('PartiallyApplied');
      // Nothing more applies until the failure is resolved.
      await expect(applyMigrations(pglite, { migrationsDir: dir })).rejects.toThrow(/failed migrations/);
    } finally {
      await pglite.close();
    }
  });

  it('makes the CLI exit 1 with one line and no stack trace', async () => {
    const dir = await copyOfMigrations('broken-cli');
    const broken = await addBrokenMigration(dir);
    const lines: string[] = [];
    const code = await runCli(['migrate', '--migrations', dir], {
      env: { DATABASE_URL: 'memory://' },
      cwd: scratch,
      out: (line) => lines.push(`out: ${line}`),
      err: (line) => lines.push(`err: ${line}`),
    });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^err: Error: Migration ${broken} failed: `));
    expect(lines[0]).not.toMatch(/\n|\s+at\s|sql_schema_connector/);
  });
});

describe('createMigration and checkMigrations', () => {
  /** A copy of the schema with one extra column, as a model change would add. */
  async function driftedSchema(): Promise<string> {
    const schema = await readFile(DEFAULT_SCHEMA_PATH, 'utf8');
    const drifted = schema.replace(/(model ReferenceCounter \{\n)/, '$1  note String @default("")\n');
    expect(drifted).not.toEqual(schema);
    const file = path.join(scratch, 'drifted.prisma');
    await writeFile(file, drifted);
    return file;
  }

  it('check fails when the schema has a change no migration captures; new captures it', async () => {
    const dir = await copyOfMigrations('drift');
    const schemaPath = await driftedSchema();

    const drift = await checkMigrations({ migrationsDir: dir, schemaPath });
    expect(drift.upToDate).toBe(false);
    expect(drift.missingSql).toMatch(
      /ALTER TABLE "ReferenceCounter" ADD COLUMN\s+"note" TEXT NOT NULL DEFAULT ''/,
    );

    const lines: string[] = [];
    const io = {
      env: {},
      cwd: scratch,
      out: (l: string) => lines.push(l),
      err: (l: string) => lines.push(l),
    };
    expect(await runCli(['check', '--migrations', dir, '--schema', schemaPath], io)).toBe(1);
    expect(lines.at(-1)).toMatch(/^Schema drift: 1 statement not captured by any migration .*db:new/);

    const created = await createMigration('Add note!', {
      migrationsDir: dir,
      schemaPath,
      now: new Date('2999-01-02T03:04:05Z'),
    });
    expect(created).toMatchObject({ created: true, name: '29990102030405_add_note' });
    const written = await readFile(path.join(dir, '29990102030405_add_note', 'migration.sql'), 'utf8');
    expect(written).toBe(drift.missingSql);

    await expect(checkMigrations({ migrationsDir: dir, schemaPath })).resolves.toEqual({
      upToDate: true,
      missingSql: '',
    });
    await expect(createMigration('again', { migrationsDir: dir, schemaPath })).resolves.toEqual({
      created: false,
    });
  });

  it('new writes migration_lock.toml and the first migration into an empty folder', async () => {
    const dir = path.join(scratch, 'fresh');
    const created = await createMigration('init', { migrationsDir: dir });
    expect(created.created).toBe(true);
    const lock = await readFile(path.join(dir, 'migration_lock.toml'), 'utf8');
    expect(lock).toContain('provider = "postgresql"');
    // One migration that creates every model of the schema.
    const sql = created.created ? created.sql : '';
    const schema = await readFile(DEFAULT_SCHEMA_PATH, 'utf8');
    const models = [...schema.matchAll(/^model (\w+) \{/gm)].map((match) => match[1]);
    expect(models.length).toBeGreaterThan(5);
    for (const model of models) expect(sql).toContain(`CREATE TABLE "${model}"`);
  });

  it('rejects a name with nothing usable in it', async () => {
    await expect(createMigration(' !! ', { migrationsDir: path.join(scratch, 'unused') })).rejects.toThrow(
      MigrationError,
    );
  });
});

describe('the CLI', () => {
  it('prints usage and exits 2 for an unknown command', async () => {
    const lines: string[] = [];
    const code = await runCli(['frobnicate'], {
      env: {},
      cwd: scratch,
      out: () => {},
      err: (l) => lines.push(l),
    });
    expect(code).toBe(2);
    expect(lines.join('\n')).toMatch(/Unknown command "frobnicate"\nUsage:/);
  });

  it('rejects an unsupported DATABASE_URL with one line', async () => {
    const lines: string[] = [];
    const code = await runCli(['status'], {
      env: { DATABASE_URL: 'mysql://localhost/db' },
      cwd: scratch,
      out: (l) => lines.push(l),
      err: (l) => lines.push(l),
    });
    expect(code).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^Error: Unsupported DATABASE_URL scheme "mysql:"/)]);
  });

  it('runs as `tsx src/db/migrations/cli.ts` and reports status against a PGlite directory', async () => {
    const dbDir = path.join(scratch, 'cli-db');
    const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
    const cli = path.join(REPO_ROOT, 'src', 'db', 'migrations', 'cli.ts');
    const env = { ...process.env, DATABASE_URL: dbDir };
    const lines: string[] = [];
    const io = { env, cwd: scratch, out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    expect(await runCli(['status'], io)).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^Not up to date: PGlite cli-db — pending: /)]);
    const migrated = await run(tsx, [cli, 'migrate'], { env, cwd: scratch });
    expect(migrated.stdout).toMatch(/^Applied \d+ migrations? to PGlite cli-db: /);
    const status = await run(tsx, [cli, 'status'], { env, cwd: scratch });
    expect(status.stdout).toMatch(/^Up to date: PGlite cli-db/);
  });
});

const serverUrl = testDatabaseUrl();

describe.skipIf(serverUrl === undefined)('on PostgreSQL (TEST_DATABASE_URL)', () => {
  const schemas: string[] = [];

  function schemaUrl(): string {
    const { url } = uniqueSchemaUrl(serverUrl!, 'migtest');
    schemas.push(url);
    return url;
  }

  afterAll(async () => {
    await Promise.all(schemas.map((url) => dropSchema(url)));
  });

  async function serverTables(url: string): Promise<string[]> {
    const schema = new URL(url).searchParams.get('schema');
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      const result = await client.query<{ tablename: string }>(
        'SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename',
        [schema],
      );
      return result.rows.map((row) => row.tablename);
    } finally {
      await client.end();
    }
  }

  it('applies the migrations into the schema named in the URL, then reports up to date', async () => {
    const url = schemaUrl();
    const names = await committedMigrations();
    expect((await migrationStatus(url)).pending).toEqual(names);
    await expect(applyMigrations(url)).resolves.toEqual({ applied: names });
    expect(await serverTables(url)).toEqual([...APP_TABLES, '_prisma_migrations']);
    expect(await migrationStatus(url)).toMatchObject({ applied: names, upToDate: true });
    await expect(applyMigrations(url)).resolves.toEqual({ applied: [] });
  });

  it('fails loudly on a broken migration and rolls back its statements', async () => {
    const url = schemaUrl();
    const dir = await copyOfMigrations('broken-server');
    const broken = await addBrokenMigration(dir);
    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(
      new RegExp(`Migration ${broken} failed: .*DoesNotExist`),
    );
    expect((await migrationStatus(url, { migrationsDir: dir })).failed).toEqual([broken]);
    expect(await serverTables(url)).not.toContain('PartiallyApplied');
  });

  it('is safe when two applies start at once (in one process)', async () => {
    const url = schemaUrl();
    const names = await committedMigrations();
    const results = await Promise.all([applyMigrations(url), applyMigrations(url), applyMigrations(url)]);
    expect(results.flatMap((result) => result.applied)).toEqual(names);
    expect(await migrationStatus(url)).toMatchObject({ applied: names, failed: [], upToDate: true });
  });

  it('is safe when two CLI processes migrate at once', async () => {
    const url = schemaUrl();
    const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
    const cli = path.join(REPO_ROOT, 'src', 'db', 'migrations', 'cli.ts');
    const env = { ...process.env, DATABASE_URL: url };
    const outputs = await Promise.all([
      run(tsx, [cli, 'migrate'], { env }),
      run(tsx, [cli, 'migrate'], { env }),
    ]);
    const lines = outputs.map((output) => output.stdout.trim()).sort();
    expect(lines).toEqual([
      expect.stringMatching(/^Applied /),
      expect.stringMatching(/^No pending migrations/),
    ]);
    expect(await migrationStatus(url)).toMatchObject({ failed: [], upToDate: true });
  });

  it('reports an unreachable server as one line', async () => {
    const lines: string[] = [];
    const code = await runCli(['status'], {
      env: { DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/none' },
      cwd: scratch,
      out: (l) => lines.push(l),
      err: (l) => lines.push(l),
    });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Error: /);
  });
});
