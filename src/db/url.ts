// How a DATABASE_URL is read. One rule set for the app, the migration CLI and the tests:
//   unset or empty            → embedded PGlite persisted in ./data/pg (relative to the working directory)
//   a filesystem path         → embedded PGlite persisted in that directory (`file:` URLs accepted too)
//   memory://                 → embedded PGlite in memory (gone on close; for experiments and tests)
//   postgresql:// postgres:// → a PostgreSQL server through @prisma/adapter-pg; `?schema=name` selects
//                               the PostgreSQL schema (search_path), as with Prisma's own URLs.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_PGLITE_DIR = './data/pg';

export type DatabaseLocation =
  | { kind: 'pglite' /** Absolute directory, or undefined for in-memory. */; dir: string | undefined }
  | {
      kind: 'postgres';
      /** Connection string without the `schema` and `options` parameters. */
      connectionString: string;
      /** The PostgreSQL schema to use; undefined means the server's default search_path (public). */
      schema: string | undefined;
      /** libpq `options` to send (carries `-c search_path=…` when a schema is given). */
      options: string | undefined;
    };

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export class DatabaseUrlError extends Error {
  override readonly name = 'DatabaseUrlError';
}

/** Resolves a DATABASE_URL (or undefined) into where the database lives. Throws DatabaseUrlError. */
export function resolveDatabaseUrl(url: string | undefined, cwd: string = process.cwd()): DatabaseLocation {
  const value = url?.trim() ?? '';
  if (value === '') return { kind: 'pglite', dir: path.resolve(cwd, DEFAULT_PGLITE_DIR) };
  if (value === 'memory://' || value === 'memory:') return { kind: 'pglite', dir: undefined };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  // A one-letter "scheme" is a Windows drive letter, i.e. a path.
  if (scheme === undefined || scheme.length === 1) return { kind: 'pglite', dir: path.resolve(cwd, value) };
  if (scheme === 'file') {
    const dir = value.startsWith('file://') ? fileURLToPath(value) : value.slice('file:'.length);
    return { kind: 'pglite', dir: path.resolve(cwd, dir) };
  }
  if (scheme !== 'postgresql' && scheme !== 'postgres') {
    throw new DatabaseUrlError(
      `Unsupported DATABASE_URL scheme "${scheme}:": use a directory path (embedded PGlite) or postgresql://`,
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new DatabaseUrlError('DATABASE_URL is not a valid postgresql:// URL');
  }
  const schema = parsed.searchParams.get('schema') ?? undefined;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new DatabaseUrlError(`Invalid schema "${schema}" in DATABASE_URL: use letters, digits and _`);
  }
  const extraOptions = parsed.searchParams.get('options') ?? undefined;
  parsed.searchParams.delete('schema');
  // node-postgres lets parameters in the URL override explicit config, so `options` travels explicitly.
  parsed.searchParams.delete('options');
  const options =
    [extraOptions, schema === undefined ? undefined : `-c search_path="${schema}"`]
      .filter((part): part is string => part !== undefined && part !== '')
      .join(' ') || undefined;
  return { kind: 'postgres', connectionString: parsed.toString(), schema, options };
}

/** The URL with any password masked, for messages and logs. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
