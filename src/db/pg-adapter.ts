// Prisma driver adapters for a PostgreSQL server (@prisma/adapter-pg on node-postgres).

import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { connectShadowPGlite, toDriverAdapterError, withScriptSupport } from './pglite-adapter.ts';
import type { DatabaseLocation } from './url.ts';

export type PostgresLocation = Extract<DatabaseLocation, { kind: 'postgres' }>;

/** node-postgres settings for a location (schema applied through search_path). */
export function poolConfig(location: PostgresLocation, extra: pg.PoolConfig = {}): pg.PoolConfig {
  return {
    connectionString: location.connectionString,
    ...(location.options === undefined ? {} : { options: location.options }),
    ...extra,
  };
}

/** The adapter factory the app's PrismaClient uses. */
export function createPgAdapterFactory(location: PostgresLocation, extra: pg.PoolConfig = {}): PrismaPg {
  return new PrismaPg(
    poolConfig(location, extra),
    location.schema === undefined ? undefined : { schema: location.schema },
  );
}

const CHAR_OID = 18;
const TEXT_OID = 25;

interface FieldLike {
  dataTypeID: number;
}

/** PostgreSQL's internal `"char"` (OID 18, e.g. pg_class.relkind) is rejected by the engine: call it text. */
function charAsText(result: unknown): unknown {
  for (const entry of Array.isArray(result) ? result : [result]) {
    const fields = (entry as { fields?: unknown } | null)?.fields;
    if (!Array.isArray(fields)) continue;
    for (const field of fields as FieldLike[]) {
      if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

type QueryFn = (...args: unknown[]) => unknown;

function patchCharOid(client: pg.PoolClient): void {
  const target = client as unknown as { query: QueryFn };
  const original: QueryFn = target.query.bind(client);
  target.query = (...args: unknown[]) => {
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) =>
        (callback as QueryFn)(error, error ? result : charAsText(result));
      return original(...args);
    }
    const returned = original(...args);
    return returned instanceof Promise ? returned.then(charAsText) : returned;
  };
}

/**
 * Adapter factory for the schema engine against a PostgreSQL server. Differences from a plain PrismaPg:
 *   - scripts (and argument-less statements) run whole on one connection with the simple query protocol,
 *     so a migration is one implicit transaction and semicolons inside literals or bodies are safe
 *     (adapter-pg splits scripts on `;` and runs the pieces on whichever pooled connection is free);
 *   - `"char"` columns are reported as text;
 *   - the shadow database is an in-memory PGlite, never a database created on the server.
 */
export class PgMigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = '@prisma/adapter-pg (booking-desk migrations)';

  constructor(private readonly location: PostgresLocation) {}

  async connect(): Promise<SqlDriverAdapter> {
    const pool = new pg.Pool(poolConfig(this.location, { max: 2 }));
    pool.on('connect', patchCharOid);
    // An idle client losing its connection must not crash the process; the next query reports it.
    pool.on('error', () => {});
    const inner = await new PrismaPg(pool, {
      ...(this.location.schema === undefined ? {} : { schema: this.location.schema }),
      disposeExternalPool: true,
    }).connect();
    const runScript = async (sql: string): Promise<number> => {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw toDriverAdapterError(error);
      }
      try {
        const result: unknown = await client.query(sql);
        const results = (Array.isArray(result) ? result : [result]) as pg.QueryResult[];
        return results.reduce((sum, entry) => sum + (entry.rowCount ?? 0), 0);
      } catch (error) {
        throw toDriverAdapterError(error);
      } finally {
        client.release();
      }
    };
    return withScriptSupport(inner, runScript);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return connectShadowPGlite();
  }
}
