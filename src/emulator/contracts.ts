/**
 * Loads the Slack Web API contracts (`methods/*.json`, `arg-groups/*\/*.json`) from the shared
 * contracts directory at runtime. Nothing is copied into the repo.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export type ArgKind = 'string' | 'boolean' | 'number' | 'json' | 'array';

export interface ArgSpec {
  name: string;
  kinds: ArgKind[];
}

export interface ArgGroup {
  args: string[];
  mutuallyExclusive: boolean;
  required: boolean;
}

export interface MethodContract {
  name: string;
  httpMethod: 'GET' | 'POST';
  /** Rate tier (`t1`..`t5`), for a future rate limiter. */
  rateTier: string | undefined;
  /** Required arguments other than `token`. */
  required: string[];
  args: Map<string, ArgSpec>;
  argGroups: ArgGroup[];
  /** Every error code the contract lists for the method (plus the universal ones). */
  errors: Set<string>;
}

/** Codes Slack returns for any method that the scraped per-method lists omit. */
const UNIVERSAL_ERRORS = ['invalid_auth', 'not_authed', 'invalid_arguments'];

const methodFileSchema = z.object({
  http_method: z.enum(['GET', 'POST']).optional(),
  rate_limits: z.string().optional(),
  args: z
    .object({
      required: z.array(z.string()).optional(),
      properties: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
  errors: z.record(z.string(), z.unknown()).optional(),
});

const argGroupFileSchema = z.object({
  name: z.string(),
  args: z
    .record(
      z.string(),
      z.object({
        required: z.boolean().optional(),
        type: z.union([z.string(), z.array(z.string())]).optional(),
        format: z.string().optional(),
      }),
    )
    .optional(),
  errors: z.record(z.string(), z.unknown()).optional(),
  arg_groups: z
    .array(
      z.object({
        args: z.array(z.string()),
        mutually_exclusive: z.boolean().optional(),
        required: z.boolean().optional(),
      }),
    )
    .optional(),
});

/** Finds the contracts directory: explicit option, then `SLACK_CONTRACTS_DIR`, then a walk upwards. */
export function resolveContractsDir(explicit?: string): string {
  const candidate = explicit ?? process.env.SLACK_CONTRACTS_DIR;
  if (candidate) {
    if (!existsSync(join(candidate, 'methods'))) {
      throw new Error(`Slack contracts not found in ${candidate} (no methods/ folder)`);
    }
    return resolve(candidate);
  }
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const sibling = join(dir, '..', 'shared', 'slack-contracts');
    if (existsSync(join(dir, 'package.json')) && existsSync(join(sibling, 'methods')))
      return resolve(sibling);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error('Slack contracts not found: pass contractsDir or set SLACK_CONTRACTS_DIR');
}

function kindsOf(type: string | string[] | undefined, format: string | undefined): ArgKind[] {
  if (format === 'json') return ['json'];
  const types = type === undefined ? [] : Array.isArray(type) ? type : [type];
  const kinds = new Set<ArgKind>();
  for (const t of types) {
    if (t === 'boolean') kinds.add('boolean');
    else if (t === 'number' || t === 'integer') kinds.add('number');
    else if (t === 'array') kinds.add('array');
    else kinds.add('string');
  }
  return kinds.size === 0 ? ['string'] : [...kinds];
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function loadMethod(dir: string, name: string): MethodContract | undefined {
  const methodPath = join(dir, 'methods', `${name}.json`);
  if (!existsSync(methodPath)) return undefined;
  const method = methodFileSchema.parse(readJson(methodPath));
  const groupPath = join(dir, 'arg-groups', name.split('.')[0] ?? '', `${name}.json`);
  const groups = existsSync(groupPath) ? argGroupFileSchema.parse(readJson(groupPath)) : undefined;

  const args = new Map<string, ArgSpec>();
  for (const [argName, spec] of Object.entries(groups?.args ?? {})) {
    args.set(argName, { name: argName, kinds: kindsOf(spec.type, spec.format) });
  }
  for (const argName of Object.keys(method.args?.properties ?? {})) {
    if (!args.has(argName) && argName !== 'token') args.set(argName, { name: argName, kinds: ['string'] });
  }
  return {
    name,
    httpMethod: method.http_method ?? 'POST',
    rateTier: method.rate_limits,
    required: (method.args?.required ?? []).filter((arg) => arg !== 'token'),
    args,
    argGroups: (groups?.arg_groups ?? []).map((group) => ({
      args: group.args,
      mutuallyExclusive: group.mutually_exclusive ?? false,
      required: group.required ?? true,
    })),
    errors: new Set([
      ...Object.keys(method.errors ?? {}),
      ...Object.keys(groups?.errors ?? {}),
      ...UNIVERSAL_ERRORS,
    ]),
  };
}

/** Read-through cache of method contracts for one contracts directory. */
export class ContractBook {
  readonly dir: string;
  private readonly cache = new Map<string, MethodContract | undefined>();

  constructor(dir?: string) {
    this.dir = resolveContractsDir(dir);
    if (readdirSync(join(this.dir, 'methods')).length === 0) throw new Error(`no contracts in ${this.dir}`);
  }

  /** The contract of a method, or undefined when the contracts do not describe it. */
  get(method: string): MethodContract | undefined {
    if (!/^[a-zA-Z]+(\.[a-zA-Z]+)+$/.test(method)) return undefined;
    if (!this.cache.has(method)) this.cache.set(method, loadMethod(this.dir, method));
    return this.cache.get(method);
  }

  /** Throws unless `code` is an error the contract lists for `method`. */
  assertErrorCode(method: string, code: string): void {
    const contract = this.get(method);
    if (!contract) throw new Error(`no contract for ${method}`);
    if (!contract.errors.has(code)) {
      throw new Error(`${method} cannot return "${code}" (not in its contract's error list)`);
    }
  }
}
