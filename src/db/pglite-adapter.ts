// Prisma driver adapter for embedded PGlite: pglite-prisma-adapter, with its pitfalls fixed.
//
// pglite-prisma-adapter 0.7.2's `executeScript` calls `client.exec(script)` without awaiting it, so a
// failing migration script is reported as a success (and recorded as applied) while the rejection goes
// unhandled. Its shadow database is a PGlite that is never closed. This factory wraps the adapter so that
//   - `executeScript` awaits the script and raises the database error;
//   - `executeRaw` without arguments runs through the simple query protocol (`exec`), so multi-statement
//     scripts the engine sends that way work, and the affected rows are still counted;
//   - the shadow database is a fresh in-memory PGlite that is closed when the engine disposes it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
} from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

interface PostgresLikeError {
  message: string;
  code?: string;
  severity?: string;
  detail?: string;
  column?: string;
  hint?: string;
}

function isPostgresError(error: unknown): error is PostgresLikeError & { code: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as PostgresLikeError).message === 'string' &&
    typeof (error as PostgresLikeError).code === 'string'
  );
}

/** A database error from a script, in the shape Prisma's engines understand. */
export function toDriverAdapterError(error: unknown): unknown {
  if (!isPostgresError(error)) return error;
  return new DriverAdapterError({
    kind: 'postgres',
    code: error.code,
    severity: error.severity ?? 'ERROR',
    message: error.message,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
  });
}

/**
 * Wraps an adapter so scripts and argument-less statements go through `runScript` (simple query
 * protocol, awaited, errors raised), and `dispose` also runs `onDispose`.
 */
export function withScriptSupport(
  inner: SqlDriverAdapter,
  runScript: (sql: string) => Promise<number>,
  onDispose?: () => Promise<void>,
): SqlDriverAdapter {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query: SqlQuery) => inner.queryRaw(query),
    executeRaw: (query: SqlQuery) =>
      query.args.length === 0 ? runScript(query.sql) : inner.executeRaw(query),
    executeScript: async (script: string) => {
      await runScript(script);
    },
    startTransaction: (isolationLevel) => inner.startTransaction(isolationLevel),
    getConnectionInfo: () =>
      inner.getConnectionInfo?.() ?? {
        supportsRelationJoins: true,
      },
    dispose: async () => {
      try {
        await inner.dispose();
      } finally {
        await onDispose?.();
      }
    },
  };
}

function pgliteScriptRunner(pglite: PGlite): (sql: string) => Promise<number> {
  return async (sql) => {
    try {
      const results = await pglite.exec(sql);
      return results.reduce((sum, result) => sum + (result.affectedRows ?? 0), 0);
    } catch (error) {
      throw toDriverAdapterError(error);
    }
  };
}

/** Adapter factory for a PGlite instance (the caller owns and closes it). */
export class PGliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = 'pglite-prisma-adapter (booking-desk)';
  private readonly inner: PrismaPGlite;

  constructor(private readonly pglite: PGlite) {
    this.inner = new PrismaPGlite(pglite);
  }

  async connect(): Promise<SqlDriverAdapter> {
    return withScriptSupport(await this.inner.connect(), pgliteScriptRunner(this.pglite));
  }

  /** A fresh in-memory PGlite, closed when the engine disposes the connection. */
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return connectShadowPGlite();
  }
}

let emptyDump: Promise<Blob | undefined> | undefined;

let cachedVersion: string | undefined;

/** The installed PGlite version (its package.json is not exported, so it is found from the entry point). */
export function pgliteVersion(): string {
  if (cachedVersion !== undefined) return cachedVersion;
  cachedVersion = 'unknown';
  try {
    const require = createRequire(import.meta.url);
    let dir = path.dirname(require.resolve('@electric-sql/pglite'));
    for (let depth = 0; depth < 5; depth++) {
      const manifest = path.join(dir, 'package.json');
      if (existsSync(manifest)) {
        const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
        if (parsed.name === '@electric-sql/pglite' && parsed.version !== undefined) {
          cachedVersion = parsed.version;
          break;
        }
      }
      dir = path.dirname(dir);
    }
  } catch {
    // Unknown version: caches keyed by it are then shared, and a stale one fails to load and is rebuilt.
  }
  return cachedVersion;
}

function emptyDumpPath(): string {
  const key = createHash('sha256').update(`pglite-empty:${pgliteVersion()}`).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `booking-desk-pglite-empty-${key}.tar.gz`);
}

/**
 * A fresh, empty in-memory PGlite. Booting one runs initdb (~3 s); loading a dump of a freshly booted
 * one takes ~1 s, so that dump is cached in the OS temp directory (per PGlite version) and reused by
 * later shadow databases and processes. Any problem with the cache falls back to a normal boot.
 */
export async function createEmptyPGlite(): Promise<PGlite> {
  emptyDump ??= (async () => {
    const file = emptyDumpPath();
    try {
      return new Blob([await readFile(file)]);
    } catch {
      return undefined;
    }
  })();
  const dump = await emptyDump;
  if (dump !== undefined) {
    try {
      return await PGlite.create({ loadDataDir: dump });
    } catch {
      emptyDump = undefined;
    }
  }
  const fresh = await PGlite.create();
  try {
    const blob = await fresh.dumpDataDir('gzip');
    const file = emptyDumpPath();
    const partial = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(partial, Buffer.from(await blob.arrayBuffer()));
    await rename(partial, file);
    emptyDump = Promise.resolve(blob);
  } catch {
    // The cache is only an optimisation.
  }
  return fresh;
}

export async function connectShadowPGlite(): Promise<SqlDriverAdapter> {
  const shadow = await createEmptyPGlite();
  try {
    const inner = await new PrismaPGlite(shadow).connect();
    return withScriptSupport(inner, pgliteScriptRunner(shadow), () => shadow.close());
  } catch (error) {
    await shadow.close();
    throw error;
  }
}
