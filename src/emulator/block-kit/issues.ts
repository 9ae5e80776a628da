/** Collects Block Kit problems as Slack words them: `[ERROR] <what> [json-pointer:/blocks/0/text]`. */
import type { Json, JsonObject } from '../types.ts';

export class Issues {
  readonly list: string[] = [];

  add(path: string, message: string): void {
    this.list.push(`[ERROR] ${message} [json-pointer:${path}]`);
  }

  get empty(): boolean {
    return this.list.length === 0;
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isArray(value: unknown): value is Json[] {
  return Array.isArray(value);
}

/** Ids seen on one surface, for the uniqueness rules. */
export interface SurfaceIds {
  blockIds: Set<string>;
  actionIds: Set<string>;
}

export function checkLength(
  issues: Issues,
  path: string,
  value: unknown,
  max: number,
  opts: { required?: boolean; min?: number } = {},
): void {
  if (value === undefined || value === null) {
    if (opts.required) issues.add(path, 'missing required field');
    return;
  }
  if (typeof value !== 'string') {
    issues.add(path, 'must be a string');
    return;
  }
  const min = opts.min ?? 0;
  if (value.length < min) issues.add(path, `must be at least ${min} characters`);
  if (value.length > max) issues.add(path, `must be less than ${max + 1} characters`);
}

/** A text object: `{ type: plain_text | mrkdwn, text }` with non-empty text. */
export function checkText(
  issues: Issues,
  path: string,
  value: unknown,
  max: number,
  opts: { required?: boolean; plainOnly?: boolean } = {},
): void {
  if (value === undefined) {
    if (opts.required) issues.add(path, 'missing required field');
    return;
  }
  if (!isObject(value)) {
    issues.add(path, 'must be a text object');
    return;
  }
  const type = value.type;
  if (type !== 'plain_text' && type !== 'mrkdwn') {
    issues.add(`${path}/type`, 'must be one of plain_text, mrkdwn');
  } else if (opts.plainOnly && type !== 'plain_text') {
    issues.add(`${path}/type`, 'must be plain_text');
  }
  if (type === 'mrkdwn' && 'emoji' in value)
    issues.add(`${path}/emoji`, 'emoji is only allowed on plain_text');
  checkLength(issues, `${path}/text`, value.text, max, { required: true, min: 1 });
}

/** Registers an id on the surface, reporting length and duplicates. */
export function checkId(
  issues: Issues,
  path: string,
  value: unknown,
  seen: Set<string>,
  label: 'block_id' | 'action_id',
): void {
  if (value === undefined) return;
  checkLength(issues, path, value, 255, { min: 1 });
  if (typeof value !== 'string') return;
  if (seen.has(value)) issues.add(path, `${label} "${value}" is already used on this surface`);
  seen.add(value);
}
