// Databases for the benchmarks: a fresh, migrated schema on the PostgreSQL server (dropped after),
// or an embedded PGlite directory. The same migrations as `npm start` applies.

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/client.ts';
import { applyMigrations } from '../src/db/migrations/migrations.ts';
import { poolConfig } from '../src/db/pg-adapter.ts';
import { resolveDatabaseUrl } from '../src/db/url.ts';

/** The server the benchmarks use for their PostgreSQL figures, when one is configured. */
export function postgresBaseUrl(): string | undefined {
  const url = (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL)?.trim();
  return url ? url : undefined;
}

export interface BenchSchema {
  /** DATABASE_URL of the schema (`?schema=…`), migrated. */
  url: string;
  drop(): Promise<void>;
}

/** A uniquely named, migrated schema on the server at `baseUrl`. */
export async function createBenchSchema(baseUrl: string, prefix = 'bench'): Promise<BenchSchema> {
  const schema = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const target = new URL(baseUrl);
  target.searchParams.set('schema', schema);
  const url = target.toString();
  const drop = async () => {
    const location = resolveDatabaseUrl(url);
    if (location.kind !== 'postgres') return;
    const client = new pg.Client(poolConfig(location));
    client.on('error', () => {});
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await client.end();
    }
  };
  try {
    await applyMigrations(url);
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
  return { url, drop };
}

/** Opens and migrates the database at DATABASE_URL `url` (a directory: embedded PGlite). */
export async function openMigrated(url: string): Promise<Database> {
  const database = await openDatabase({ url, poolSize: 4 });
  await applyMigrations(database);
  return database;
}

/** Where a measurement runs: a label and the DATABASE_URL of a migrated (or to-be-migrated) database. */
export interface BenchBackend {
  label: string;
  url: string;
}

/**
 * Runs `measure` on embedded PGlite (as `npm start` does by default) and, when a server is
 * configured, on a fresh PostgreSQL schema; `dir` is a scratch folder holding the desk config.
 */
export async function onEachBackend<T>(
  name: string,
  deskConfigYaml: string,
  measure: (backend: BenchBackend, dir: string) => Promise<T>,
): Promise<T[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `booking-desk-${name}-`));
  await writeFile(path.join(dir, 'booking-desk.yml'), deskConfigYaml);
  const results: T[] = [];
  try {
    results.push(await measure({ label: 'PGlite (embedded, on disk)', url: path.join(dir, 'pg') }, dir));
    const base = postgresBaseUrl();
    if (base) {
      const schema = await createBenchSchema(base, `bench_${name}`);
      try {
        results.push(await measure({ label: 'PostgreSQL', url: schema.url }, dir));
      } finally {
        await schema.drop();
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}
