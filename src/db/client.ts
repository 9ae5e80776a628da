// Opens the database: embedded PGlite by default, a PostgreSQL server for `postgresql://` URLs.
// See ./url.ts for how a URL is read. Schema changes are applied separately (./migrations/migrations.ts).
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PrismaClient } from './generated/client.ts';
import { createPgAdapterFactory } from './pg-adapter.ts';
import { PGliteAdapterFactory } from './pglite-adapter.ts';
import { type DatabaseLocation, resolveDatabaseUrl } from './url.ts';

export type { DatabaseLocation };
export { PrismaClient };

export type DatabaseKind = 'pglite' | 'postgres';

const DEFAULT_CONNECT_TIMEOUT_MS = 5000;
const DEFAULT_QUERY_TIMEOUT_MS = 15_000;

/** Prisma's log levels; `true` is short for warn + error. */
export type DatabaseLogOption = boolean | Array<'query' | 'info' | 'warn' | 'error'>;

export interface OpenDatabaseOptions {
  /**
   * DATABASE_URL: unset or a path → PGlite in that directory (default ./data/pg, created if missing);
   * `memory://` → in-memory PGlite; `postgresql://…[?schema=name]` → PostgreSQL server.
   * Ignored when `pglite` is given.
   */
  url?: string;
  /** Directory for the embedded database; wins over a path in `url`, ignored for postgresql:// URLs. */
  pgliteDir?: string;
  /** An open PGlite to use (tests: a clone of a migrated template). Closed by `close()` unless `ownsPglite: false`. */
  pglite?: PGlite;
  /** Whether `close()` also closes the given `pglite`. Default true. */
  ownsPglite?: boolean;
  /** Prisma client logging. Default: none. */
  log?: DatabaseLogOption;
  /** Maximum pooled connections to a PostgreSQL server (node-postgres default: 10). */
  poolSize?: number;
  /**
   * PostgreSQL: the longest wait for a new pooled connection (default 5 s). Without it a server that
   * accepts TCP but never answers would hold every request forever.
   */
  connectTimeoutMs?: number;
  /** PostgreSQL: the longest a query may go unanswered on an open connection (default 15 s). */
  queryTimeoutMs?: number;
  /** Runs once `close()` has closed everything (e.g. dropping a test schema). */
  onClose?: () => Promise<void>;
}

export interface Database {
  readonly prisma: PrismaClient;
  readonly kind: DatabaseKind;
  /** Where it lives (no password); handy for logs and for migrating this same database. */
  readonly location: DatabaseLocation;
  /** The embedded engine when kind is 'pglite' (migrations run on it, never on a second instance). */
  readonly pglite: PGlite | undefined;
  /** True when a trivial query succeeds; never throws. */
  ping(): Promise<boolean>;
  /** Disconnects Prisma and closes the PGlite or the pool. Idempotent. */
  close(): Promise<void>;
}

function prismaLog(log: DatabaseLogOption | undefined): Array<'query' | 'info' | 'warn' | 'error'> {
  if (log === true) return ['warn', 'error'];
  if (log === false || log === undefined) return [];
  return log;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const log = prismaLog(options.log);
  if (options.pglite !== undefined) {
    return wrap(options.pglite, { kind: 'pglite', dir: options.pglite.dataDir }, options.ownsPglite ?? true);
  }
  const resolved = resolveDatabaseUrl(options.url);
  const location: DatabaseLocation =
    resolved.kind === 'pglite' && options.pgliteDir !== undefined
      ? resolveDatabaseUrl(options.pgliteDir)
      : resolved;

  if (location.kind === 'pglite') {
    if (location.dir !== undefined) await mkdir(location.dir, { recursive: true });
    const pglite = await PGlite.create(location.dir === undefined ? {} : { dataDir: location.dir });
    try {
      return await wrap(pglite, location, true);
    } catch (error) {
      await pglite.close();
      throw error;
    }
  }

  const adapter = createPgAdapterFactory(location, {
    connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    query_timeout: options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS,
    ...(options.poolSize === undefined ? {} : { max: options.poolSize }),
  });
  const prisma = new PrismaClient({ adapter, log });
  return makeDatabase(prisma, 'postgres', location, undefined, async () => {
    // The client's adapter owns the pool it created; $disconnect ends it.
    await prisma.$disconnect();
  });

  async function wrap(pglite: PGlite, where: DatabaseLocation, owns: boolean): Promise<Database> {
    const prisma = new PrismaClient({ adapter: new PGliteAdapterFactory(pglite), log });
    return makeDatabase(prisma, 'pglite', where, pglite, async () => {
      try {
        await prisma.$disconnect();
      } finally {
        if (owns && !pglite.closed) await pglite.close();
      }
    });
  }

  function makeDatabase(
    prisma: PrismaClient,
    kind: DatabaseKind,
    where: DatabaseLocation,
    pglite: PGlite | undefined,
    shutdown: () => Promise<void>,
  ): Database {
    let closing: Promise<void> | undefined;
    return {
      prisma,
      kind,
      location: where,
      pglite,
      async ping() {
        try {
          await prisma.$queryRawUnsafe('SELECT 1');
          return true;
        } catch {
          return false;
        }
      },
      close() {
        closing ??= (async () => {
          try {
            await shutdown();
          } finally {
            await options.onClose?.();
          }
        })();
        return closing;
      },
    };
  }
}
