/** Turns an HTTP request to `/api/<method>` into method, arguments and token, as Slack reads them. */
import type { IncomingHttpHeaders } from 'node:http';
import { isObject } from '../block-kit/issues.ts';
import type { Json, JsonObject } from '../types.ts';

export interface ApiRequest {
  method: string;
  httpMethod: string;
  args: JsonObject;
  token: string | undefined;
}

export type ParsedRequest =
  | { ok: true; request: ApiRequest }
  | { ok: false; method: string; error: string; message: string };

function formArgs(params: URLSearchParams): JsonObject {
  const args: JsonObject = {};
  for (const [key, value] of params) args[key] = value;
  return args;
}

function bodyArgs(
  contentType: string,
  raw: string,
): { ok: true; args: JsonObject } | { ok: false; error: string; message: string } {
  if (raw === '') return { ok: true, args: {} };
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === '')
    return { ok: false, error: 'missing_post_type', message: 'POST body without Content-Type' };
  if (type === 'application/x-www-form-urlencoded')
    return { ok: true, args: formArgs(new URLSearchParams(raw)) };
  if (type === 'application/json') {
    let parsed: Json;
    try {
      parsed = JSON.parse(raw) as Json;
    } catch {
      return { ok: false, error: 'invalid_arguments', message: '[ERROR] body is not valid JSON' };
    }
    if (!isObject(parsed))
      return { ok: false, error: 'invalid_arguments', message: '[ERROR] JSON body must be an object' };
    return { ok: true, args: parsed };
  }
  return { ok: false, error: 'invalid_post_type', message: `unsupported Content-Type ${type}` };
}

function bearer(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  return match?.[1];
}

export function parseApiRequest(
  method: string,
  httpMethod: string,
  url: URL,
  headers: IncomingHttpHeaders,
  raw: string,
): ParsedRequest {
  const body = bodyArgs(headers['content-type'] ?? '', raw);
  if (!body.ok) return { ok: false, method, error: body.error, message: body.message };
  const args = { ...formArgs(url.searchParams), ...body.args };
  const argToken = typeof args.token === 'string' ? args.token : undefined;
  return { ok: true, request: { method, httpMethod, args, token: bearer(headers) ?? argToken } };
}
