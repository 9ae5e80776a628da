/** Checks a call's arguments against its contract: required, JSON-encoded, types, arg groups. */
import type { ArgSpec, MethodContract } from '../contracts.ts';
import type { Json, JsonObject } from '../types.ts';

export type ArgsCheck =
  | { ok: true; args: JsonObject }
  | { ok: false; args: JsonObject; error: string; messages: string[] };

function present(value: Json | undefined): boolean {
  return value !== undefined && value !== null && value !== '';
}

function decodeJson(value: Json): { ok: true; value: Json } | { ok: false } {
  if (typeof value !== 'string') return { ok: true, value };
  try {
    return { ok: true, value: JSON.parse(value) as Json };
  } catch {
    return { ok: false };
  }
}

function coerce(spec: ArgSpec, value: Json): { ok: true; value: Json } | { ok: false } {
  if (spec.kinds.includes('json')) return decodeJson(value);
  for (const kind of spec.kinds) {
    if (kind === 'string' && (typeof value === 'string' || typeof value === 'number'))
      return { ok: true, value };
    if (kind === 'boolean') {
      if (typeof value === 'boolean') return { ok: true, value };
      if (value === 'true' || value === '1' || value === 1) return { ok: true, value: true };
      if (value === 'false' || value === '0' || value === 0) return { ok: true, value: false };
    }
    if (kind === 'number' && value !== '' && Number.isFinite(Number(value)))
      return { ok: true, value: Number(value) };
    if (kind === 'array') return { ok: true, value };
  }
  return { ok: false };
}

function groupError(contract: MethodContract, args: string[], kind: 'missing' | 'conflict'): string {
  if (kind === 'missing' && args.includes('text') && contract.errors.has('no_text')) return 'no_text';
  if (
    kind === 'conflict' &&
    args.includes('markdown_text') &&
    contract.errors.has('markdown_text_conflict')
  ) {
    return 'markdown_text_conflict';
  }
  return 'invalid_arguments';
}

export function checkArgs(contract: MethodContract, raw: JsonObject): ArgsCheck {
  const args: JsonObject = { ...raw };
  delete args.token;

  const missing = contract.required.filter((name) => !present(args[name]));
  if (missing.length > 0) {
    const messages = missing.map((name) => `[ERROR] missing required field: ${name}`);
    return { ok: false, args, error: 'invalid_arguments', messages };
  }

  for (const [name, value] of Object.entries(args)) {
    const spec = contract.args.get(name);
    if (!spec || value === null) continue;
    const coerced = coerce(spec, value);
    if (coerced.ok) {
      args[name] = coerced.value;
      continue;
    }
    if (spec.kinds.includes('json')) {
      const specific = `invalid_${name}_format`;
      const error = contract.errors.has(specific) ? specific : 'invalid_arguments';
      return { ok: false, args, error, messages: [`[ERROR] failed to parse json for field: ${name}`] };
    }
    const messages = [`[ERROR] invalid type for field ${name}: expected ${spec.kinds.join(' or ')}`];
    return { ok: false, args, error: 'invalid_arguments', messages };
  }

  for (const group of contract.argGroups) {
    const given = group.args.filter((name) => present(args[name]));
    if (group.required && given.length === 0) {
      const messages = [`[ERROR] must provide one of: ${group.args.join(', ')}`];
      return { ok: false, args, error: groupError(contract, group.args, 'missing'), messages };
    }
    if (group.mutuallyExclusive && given.length > 1) {
      const messages = [
        `[ERROR] only one of ${group.args.join(', ')} may be provided, got ${given.join(', ')}`,
      ];
      return { ok: false, args, error: groupError(contract, group.args, 'conflict'), messages };
    }
  }
  return { ok: true, args };
}
