// Structured logs on pino: one JSON object per line. Secrets never reach the output: fields named like
// a secret are redacted (pino's `redact` paths, and the same names at any depth), and any string that
// looks like a Slack or Bearer token is scrubbed, wherever it appears (message, field, error, stack).
// Fields of the current log context (e.g. the Slack request being handled) go on every line logged
// inside it, whichever logger writes the line.

import { AsyncLocalStorage } from 'node:async_hooks';
import { type DestinationStream, pino } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger whose lines also carry `bindings` (e.g. `{ requestRef, slackRequestId }`). */
  child(bindings: LogFields): Logger;
}

export interface LoggerOptions {
  /** Where lines go (default: stdout, written synchronously so that nothing is lost on exit). */
  destination?: DestinationStream;
}

export const REDACTED = '[redacted]';

/** Field names whose values are never logged, at any depth (compared without case). */
const SECRET_KEYS = [
  'token',
  'botToken',
  'appToken',
  'userToken',
  'accessToken',
  'refreshToken',
  'adminToken',
  'signingSecret',
  'clientSecret',
  'secret',
  'password',
  'authorization',
  'cookie',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'ADMIN_TOKEN',
  'DATABASE_URL',
];
const SECRET_KEY_SET = new Set(SECRET_KEYS.map((key) => key.toLowerCase()));

/** The same names as pino paths: at the top and one level down, and request headers. */
const REDACT_PATHS = [
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`]),
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
  'headers["x-slack-signature"]',
];

// xoxb-/xoxp-/xoxa-/xoxr-/xoxe-… Slack tokens, xapp- app-level tokens, and `Bearer <anything>`.
const TOKEN_PATTERN = /\b(?:xox[abeoprs]-|xapp-)[A-Za-z0-9-]+|\b(Bearer)\s+[^\s"',;]+/gi;
// The password in a URL such as postgresql://user:password@host/db.
const URL_PASSWORD_PATTERN = /(\/\/[^:/@\s]+):[^@/\s]+@/g;

/** Replaces anything that looks like a token (or a password in a URL) in `text`. */
export function scrubSecrets(text: string): string {
  return text
    .replace(TOKEN_PATTERN, (_match, bearer: string | undefined) =>
      bearer ? `${bearer} ${REDACTED}` : REDACTED,
    )
    .replace(URL_PASSWORD_PATTERN, `$1:${REDACTED}@`);
}

const MAX_DEPTH = 6;

/** A copy of `value` safe to log: secret fields redacted, token-like strings scrubbed, errors spelled out. */
export function scrubValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[nested]';
  seen.add(value);
  if (value instanceof Error) return serializeError(value, depth, seen);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1, seen));
  const out: LogFields = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY_SET.has(key.toLowerCase()) ? REDACTED : scrubValue(item, depth + 1, seen);
  }
  return out;
}

interface CodedError {
  code?: unknown;
  statusCode?: unknown;
  retryAfter?: unknown;
  data?: { error?: unknown };
}

/** message, stack and (for Slack's errors) the error code and Slack's own `error`, all scrubbed. */
function serializeError(error: Error, depth: number, seen: WeakSet<object>): LogFields {
  const coded = error as Error & CodedError;
  const out: LogFields = { type: error.name, message: scrubSecrets(error.message) };
  if (coded.code !== undefined) out.code = scrubValue(coded.code, depth + 1, seen);
  const slackError = coded.data?.error;
  if (typeof slackError === 'string') out.slackError = scrubSecrets(slackError);
  if (coded.statusCode !== undefined) out.statusCode = coded.statusCode;
  if (coded.retryAfter !== undefined) out.retryAfter = coded.retryAfter;
  if (error.stack) out.stack = scrubSecrets(error.stack);
  if (error.cause !== undefined) out.cause = scrubValue(error.cause, depth + 1, seen);
  return out;
}

const logContext = new AsyncLocalStorage<LogFields>();

/** Runs `fn` with `fields` on every line logged inside it (and in what it starts). */
export function withLogContext<T>(fields: LogFields, fn: () => T): T {
  return logContext.run({ ...logContext.getStore(), ...fields }, fn);
}

/** Adds fields to the current log context (e.g. a request reference learned mid-way); no-op outside one. */
export function addLogContext(fields: LogFields): void {
  const store = logContext.getStore();
  if (store) Object.assign(store, fields);
}

/** The fields of the current log context. */
export function currentLogContext(): Readonly<LogFields> {
  return logContext.getStore() ?? {};
}

type Level = Exclude<LogLevel, 'silent'>;

class PinoLogger implements Logger {
  constructor(
    private readonly base: pino.Logger,
    private readonly bindings: LogFields,
  ) {}

  debug(message: string, fields?: LogFields): void {
    this.write('debug', message, fields);
  }
  info(message: string, fields?: LogFields): void {
    this.write('info', message, fields);
  }
  warn(message: string, fields?: LogFields): void {
    this.write('warn', message, fields);
  }
  error(message: string, fields?: LogFields): void {
    this.write('error', message, fields);
  }

  child(bindings: LogFields): Logger {
    return new PinoLogger(this.base, { ...this.bindings, ...bindings });
  }

  private write(level: Level, message: string, fields: LogFields = {}): void {
    if (!this.base.isLevelEnabled(level)) return;
    // One object, so that a field bound twice (context, child, call) is written once: the latest wins.
    const merged = scrubValue({ ...logContext.getStore(), ...this.bindings, ...fields }) as LogFields;
    this.base[level](merged, scrubSecrets(message));
  }
}

export function createLogger(level: LogLevel, options: LoggerOptions = {}): Logger {
  const base = pino(
    {
      level,
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
  return new PinoLogger(base, {});
}
