// Fresh, migrated databases for tests.
//
// PGlite: booting one runs initdb (~3 s), so migrations run once into a template whose dump is cached in
// the OS temp directory, keyed by the migrations' content and the PGlite version (so once per run, and
// across runs until a migration changes). Each test file loads the template once; `createTestDatabase()`
// clones it (~0.6 s). Cheapest pattern: one database per file (beforeAll) and `resetDatabase()` in
// beforeEach (a TRUNCATE, a few ms).
//
// PostgreSQL: set TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test). The migrations
// run once into a template database named after their content; `createPostgresTestDatabase()` copies
// it with CREATE DATABASE … TEMPLATE (~50 ms) and drops the copy on close().
//
// The suite's backend: PGlite, or PostgreSQL with TEST_DATABASE_BACKEND=postgres (the `postgres`
// vitest project sets it), so every test that asks `createTestDatabase()` — the desk harness among
// them — runs on the server instead.
import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { type Database, openDatabase, type PrismaClient } from '../../src/db/client.ts';
import {
  applyMigrations,
  DEFAULT_MIGRATIONS_DIR,
  readMigrationsList,
} from '../../src/db/migrations/migrations.ts';
import { poolConfig } from '../../src/db/pg-adapter.ts';
import { pgliteVersion } from '../../src/db/pglite-adapter.ts';
import { resolveDatabaseUrl } from '../../src/db/url.ts';

export type { Database };

export type BackendName = 'pglite' | 'postgres';

export interface TestBackend {
  name: BackendName;
  /** A fresh, migrated, empty database; close it when done. */
  create(): Promise<Database>;
}

/** Timings of the last template preparation, for reporting. */
export const templateTimings: { source?: 'cache' | 'migrated'; ms?: number } = {};

async function migrationsKey(migrationsDir: string, engine: string): Promise<string> {
  const list = await readMigrationsList(migrationsDir);
  const hash = createHash('sha256');
  hash.update(`${engine}\n`);
  for (const directory of list.migrationDirectories) {
    const content = directory.migrationFile.content;
    hash.update(`${directory.path}\n${content.tag === 'ok' ? content.value : `error ${content.value}`}\n`);
  }
  return hash.digest('hex').slice(0, 20);
}

async function buildTemplate(migrationsDir: string): Promise<PGlite> {
  const started = performance.now();
  const file = path.join(
    os.tmpdir(),
    `booking-desk-test-template-${await migrationsKey(migrationsDir, `pglite ${pgliteVersion()}`)}.tar.gz`,
  );
  try {
    const dump = new Blob([await readFile(file)]);
    const pglite = await PGlite.create({ loadDataDir: dump });
    templateTimings.source = 'cache';
    templateTimings.ms = performance.now() - started;
    return pglite;
  } catch {
    // No cached dump (or an unreadable one): migrate a fresh instance.
  }
  const pglite = await PGlite.create();
  try {
    await applyMigrations(pglite, { migrationsDir });
    const dump = await pglite.dumpDataDir('gzip');
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
  } catch (error) {
    await pglite.close();
    throw error;
  }
  templateTimings.source = 'migrated';
  templateTimings.ms = performance.now() - started;
  return pglite;
}

let template: Promise<PGlite> | undefined;

/** The migrated template of this test file (loaded once; closed after the file's tests). */
export function pgliteTemplate(): Promise<PGlite> {
  template ??= buildTemplate(DEFAULT_MIGRATIONS_DIR);
  return template;
}

afterAll(async () => {
  const pending = template;
  template = undefined;
  if (pending !== undefined) await (await pending.catch(() => undefined))?.close();
});

/** The database the suite runs on: TEST_DATABASE_BACKEND=postgres, else PGlite. */
export function suiteBackend(): BackendName {
  return process.env.TEST_DATABASE_BACKEND === 'postgres' ? 'postgres' : 'pglite';
}

/** A fresh database with all migrations applied, on the suite's backend. */
export async function createTestDatabase(): Promise<Database> {
  if (suiteBackend() === 'postgres') return requirePostgresTestDatabase();
  return createPgliteTestDatabase();
}

/** A fresh PGlite database (in memory) with all migrations applied. */
export async function createPgliteTestDatabase(): Promise<Database> {
  const clone = (await (await pgliteTemplate()).clone()) as PGlite;
  return openDatabase({ pglite: clone });
}

async function requirePostgresTestDatabase(): Promise<Database> {
  const database = await createPostgresTestDatabase();
  if (database === undefined)
    throw new Error(
      'TEST_DATABASE_BACKEND=postgres needs TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test)',
    );
  return database;
}

/** TEST_DATABASE_URL, or undefined when PostgreSQL tests are not configured. */
export function testDatabaseUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL?.trim();
  return url === undefined || url === '' ? undefined : url;
}

/** A URL for a new, uniquely named schema on the test server. */
export function uniqueSchemaUrl(baseUrl: string, prefix = 'test'): { url: string; schema: string } {
  const schema = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const url = new URL(baseUrl);
  url.searchParams.set('schema', schema);
  return { url: url.toString(), schema };
}

/** Drops a schema created by a test (no error if it is gone). */
export async function dropSchema(url: string): Promise<void> {
  const location = resolveDatabaseUrl(url);
  if (location.kind !== 'postgres' || location.schema === undefined) return;
  const client = new pg.Client(poolConfig(location));
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${location.schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * When TEST_DATABASE_URL is set: a fresh database on that server, copied from the migrated template,
 * dropped again by close(). Otherwise undefined.
 */
export async function createPostgresTestDatabase(): Promise<Database | undefined> {
  const base = testDatabaseUrl();
  if (base === undefined) return undefined;
  const template = await postgresTemplate(base);
  const name = `bd_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(base, (admin) => createDatabaseFrom(admin, name, template));
  const url = databaseUrl(base, name);
  try {
    return await openDatabase({ url, poolSize: 4, onClose: () => dropDatabase(base, name) });
  } catch (error) {
    await dropDatabase(base, name).catch(() => {});
    throw error;
  }
}

/** `base` with another database name (and its query string kept). */
function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdminClient<T>(base: string, use: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: base });
  admin.on('error', () => {});
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.end().catch(() => {});
  }
}

/** PostgreSQL refuses a copy while anyone is connected to the template (55006): wait and try again. */
async function createDatabaseFrom(admin: pg.Client, name: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function dropDatabase(base: string, name: string): Promise<void> {
  await withAdminClient(base, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

let postgresTemplateName: Promise<string> | undefined;

/**
 * The migrated template database of the current migrations, made once per server: test processes
 * take an advisory lock so only one of them migrates it, and older templates are dropped then.
 */
function postgresTemplate(base: string): Promise<string> {
  postgresTemplateName ??= (async () => {
    const name = `bd_template_${await migrationsKey(DEFAULT_MIGRATIONS_DIR, 'postgres')}`;
    await withAdminClient(base, async (admin) => {
      await admin.query("SELECT pg_advisory_lock(hashtext('booking-desk test template'))");
      try {
        const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (found.rowCount !== 0) return;
        const stale = await admin.query<{ datname: string }>(
          "SELECT datname FROM pg_database WHERE datname LIKE 'bd\\_template\\_%'",
        );
        for (const { datname } of stale.rows)
          await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
        // Built under a temporary name and renamed, so a half-migrated template is never used.
        const building = `${name}_building`;
        await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
        await admin.query(`CREATE DATABASE "${building}"`);
        await applyMigrations(databaseUrl(base, building));
        await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
      } finally {
        await admin.query("SELECT pg_advisory_unlock(hashtext('booking-desk test template'))");
      }
    });
    return name;
  })();
  postgresTemplateName.catch(() => {
    postgresTemplateName = undefined;
  });
  return postgresTemplateName;
}

/** Empties every application table (not `_prisma_migrations`) and restarts identity sequences. */
export async function resetDatabase(prisma: PrismaClient): Promise<void> {
  const rows = await prisma.$queryRaw<Array<{ tablename: string }>>`
    SELECT tablename FROM pg_tables
    WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  if (rows.length === 0) return;
  const tables = rows.map((row) => `"${row.tablename.replaceAll('"', '""')}"`).join(', ');
  await prisma.$executeRawUnsafe(`TRUNCATE TABLE ${tables} RESTART IDENTITY CASCADE`);
}

/**
 * PGlite and, when TEST_DATABASE_URL is set, PostgreSQL; only PostgreSQL when the suite runs on it
 * (the PGlite run has already covered PGlite).
 */
export function testBackends(): TestBackend[] {
  const backends: TestBackend[] =
    suiteBackend() === 'postgres' ? [] : [{ name: 'pglite', create: createPgliteTestDatabase }];
  if (testDatabaseUrl() !== undefined) {
    backends.push({
      name: 'postgres',
      create: async () => {
        const database = await createPostgresTestDatabase();
        if (database === undefined) throw new Error('TEST_DATABASE_URL disappeared');
        return database;
      },
    });
  }
  return backends;
}

/** `describe(name [backend], …)` once per backend from testBackends(). */
export function forEachBackend(name: string, fn: (backend: TestBackend) => void): void {
  for (const backend of testBackends()) {
    describe(`${name} [${backend.name}]`, () => fn(backend));
  }
}

/** A test's view of the database a `forEachDatabase` block opened: `database.prisma` at test time. */
export interface DatabaseHandle {
  readonly prisma: PrismaClient;
}

/**
 * `forEachBackend`, with one database per backend opened before the block's tests, emptied before
 * each test and closed after them.
 */
export function forEachDatabase(
  name: string,
  fn: (database: DatabaseHandle, backend: TestBackend) => void,
): void {
  forEachBackend(name, (backend) => {
    let opened: Database | undefined;
    beforeAll(async () => {
      opened = await backend.create();
    });
    afterAll(async () => {
      await opened?.close();
    });
    beforeEach(async () => {
      if (opened) await resetDatabase(opened.prisma);
    });
    fn(
      {
        get prisma() {
          if (!opened) throw new Error('the test database is not open yet');
          return opened.prisma;
        },
      },
      backend,
    );
  });
}
