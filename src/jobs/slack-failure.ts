// What a failed Slack call means for the outbox: wait and retry, or give up on this message.

import { ErrorCode } from '@slack/web-api';

export type SlackFailure =
  | { kind: 'rate_limited'; retryAfterSeconds: number; detail: string }
  /**
   * `timedOut`: the app stopped waiting, but Slack may still be carrying the call out (a slow post
   * that lands later), unlike a refused or dropped connection.
   */
  | { kind: 'transient'; detail: string; timedOut?: boolean }
  | { kind: 'permanent'; detail: string };

// Platform errors that say "Slack had a problem", not "your call was wrong".
const TRANSIENT_PLATFORM_ERRORS = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'team_added_to_org',
]);

interface CodedError {
  code?: unknown;
  retryAfter?: unknown;
  statusCode?: unknown;
  data?: { error?: unknown };
  message?: unknown;
  original?: unknown;
}

/** fetch's AbortSignal.timeout rejects with a TimeoutError (an AbortError on older runtimes). */
function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

export function classifySlackFailure(error: unknown): SlackFailure {
  const coded = (typeof error === 'object' && error !== null ? error : {}) as CodedError;
  const message = typeof coded.message === 'string' ? coded.message : String(error);
  switch (coded.code) {
    case ErrorCode.RateLimitedError:
      return {
        kind: 'rate_limited',
        retryAfterSeconds: Number(coded.retryAfter) || 1,
        detail: 'rate limited',
      };
    case ErrorCode.HTTPError:
      return Number(coded.statusCode) >= 500 || Number(coded.statusCode) === 408
        ? { kind: 'transient', detail: `HTTP ${String(coded.statusCode)}` }
        : { kind: 'permanent', detail: `HTTP ${String(coded.statusCode)}` };
    case ErrorCode.RequestError:
      return isTimeout(coded.original)
        ? { kind: 'transient', detail: message, timedOut: true }
        : { kind: 'transient', detail: message };
    case ErrorCode.PlatformError: {
      const code = String(coded.data?.error ?? 'unknown_error');
      return TRANSIENT_PLATFORM_ERRORS.has(code)
        ? { kind: 'transient', detail: code }
        : { kind: 'permanent', detail: code };
    }
    default:
      // Our own bug or an unexpected rejection (e.g. a timeout): retrying is the safe choice.
      return { kind: 'transient', detail: message };
  }
}
