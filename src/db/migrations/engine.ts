// Loads Prisma's schema engine compiled to WebAssembly and runs one command on it.
//
// The Prisma CLI would download a native `schema-engine` binary for `migrate`; this machine cannot, so we
// do what `@prisma/internals`' `wasmSchemaEngineLoader` does: instantiate `schema_engine_bg.wasm` with the
// wasm-bindgen glue from `@prisma/schema-engine-wasm` and hand it a driver adapter factory wrapped by
// `bindMigrationAwareSqlAdapterFactory`. (That loader itself cannot be reused: it looks for the .wasm file
// next to its own bundle, which only exists inside the `prisma` package.)
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

type Glue = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
type SchemaEngineClass = Glue['SchemaEngine'];

export type { SchemaEngine };

const require = createRequire(import.meta.url);

// The project compiles without the DOM lib, where TypeScript declares the WebAssembly API; this is the
// part of it used here.
interface WasmModuleImport {
  module: string;
  name: string;
}
interface WasmApi {
  Module: { new (bytes: Uint8Array): object; imports(module: object): WasmModuleImport[] };
  Instance: new (module: object, imports: Record<string, object>) => { exports: Record<string, unknown> };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let loaded: Promise<SchemaEngineClass> | undefined;

/** The .wasm files that can back the glue, best first: the one the `prisma` CLI ships, then the glue's own. */
function wasmCandidates(): string[] {
  const candidates: string[] = [];
  try {
    candidates.push(
      path.join(path.dirname(require.resolve('prisma/package.json')), 'build', 'schema_engine_bg.wasm'),
    );
  } catch {
    // `prisma` is a dev dependency; without it the glue package's own binary is used.
  }
  const glueMain = require.resolve('@prisma/schema-engine-wasm');
  candidates.push(path.join(path.dirname(glueMain), 'schema_engine_bg.wasm'));
  return candidates;
}

/**
 * The engine races some operations against a 10 s `setTimeout` (e.g. its advisory lock wait) and never
 * clears it, which keeps Node alive 10 s after a command. Those timers are unref'd: pending database I/O
 * still keeps the process alive while the engine works.
 */
function withUnrefTimers(glue: Glue): Record<string, unknown> {
  const imports: Record<string, unknown> = { ...glue };
  for (const [name, value] of Object.entries(glue)) {
    if (!name.startsWith('__wbg_setTimeout_') || typeof value !== 'function') continue;
    const original = value as (...args: unknown[]) => unknown;
    imports[name] = (...args: unknown[]) => {
      const timer = original(...args);
      (timer as { unref?: () => void } | null)?.unref?.();
      return timer;
    };
  }
  return imports;
}

async function instantiate(): Promise<SchemaEngineClass> {
  const glue: Glue = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const failures: string[] = [];
  for (const file of wasmCandidates()) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      failures.push(`${file}: not found`);
      continue;
    }
    const module = new wasmApi.Module(bytes);
    // A .wasm built for another glue version imports functions this glue does not export: skip it.
    const missing = wasmApi.Module.imports(module).filter((entry) => !(entry.name in glue));
    if (missing.length > 0) {
      failures.push(`${file}: ${missing.length} imports not provided by @prisma/schema-engine-wasm`);
      continue;
    }
    const instance = new wasmApi.Instance(module, { './schema_engine_bg.js': withUnrefTimers(glue) });
    glue.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (typeof start === 'function') start();
    return glue.SchemaEngine;
  }
  throw new Error(`Cannot load Prisma's WASM schema engine (${failures.join('; ')})`);
}

/** The engine class, instantiated once per process. */
export function loadSchemaEngine(): Promise<SchemaEngineClass> {
  loaded ??= instantiate().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

export interface EngineSchemaFile {
  path: string;
  content: string;
}

/** An error raised by the engine, with the driver error behind an `External error id#N` resolved. */
export class SchemaEngineError extends Error {
  override readonly name = 'SchemaEngineError';
}

function describe(value: unknown): string {
  if (value instanceof Error) return value.message;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record.message === 'string') return record.message;
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/**
 * Turns whatever the engine rejected with into an Error whose message names the real cause: the
 * engine reports adapter failures as `External error id#N`, the original is in the error registry.
 */
export function engineError(
  error: unknown,
  registry: { consumeError(id: number): { error: unknown } | undefined },
): SchemaEngineError {
  let message = describe(error);
  message = message.replace(/External error id#(\d+)/g, (whole, id: string) => {
    const original = registry.consumeError(Number(id));
    if (original === undefined) return whole;
    const cause = original.error;
    if (typeof cause === 'object' && cause !== null && 'cause' in cause) {
      // DriverAdapterError keeps the mapped database error in `cause`.
      const mapped = (cause as { cause: unknown }).cause;
      if (typeof mapped === 'object' && mapped !== null) {
        const m = mapped as Record<string, unknown>;
        if (typeof m.message === 'string') {
          const code = typeof m.code === 'string' ? ` (${m.code})` : '';
          return `${m.message}${code}`;
        }
        if (typeof m.kind === 'string') return `${describe(cause)} [${JSON.stringify(mapped)}]`;
      }
    }
    return describe(cause);
  });
  return new SchemaEngineError(message, { cause: error });
}

/**
 * Starts an engine on `factory` with the given Prisma schema files, runs `fn`, and frees it. Errors are
 * rethrown as SchemaEngineError with adapter errors resolved.
 */
export async function withSchemaEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  schemaFiles: EngineSchemaFile[],
  fn: (engine: SchemaEngine) => Promise<T>,
  log?: (message: string) => void,
): Promise<T> {
  const SchemaEngineCtor = await loadSchemaEngine();
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  let engine: SchemaEngine | undefined;
  try {
    engine = await SchemaEngineCtor.new(
      { datamodels: schemaFiles.map((file): [string, string] => [file.path, file.content]) },
      (message: string) => log?.(message),
      bound,
    );
    return await fn(engine);
  } catch (error) {
    throw engineError(error, bound.errorRegistry);
  } finally {
    engine?.free();
  }
}
