// Counts failed Slack Web API calls by watching the HTTP exchange itself: the `fetch` every WebClient
// of the app is given (Bolt's per-request clients, the Home's and the outbox's). A 429 counts as rate
// limited; any other failure by its code: Slack's `error` (channel_not_found), `http_<status>`,
// `timeout` or `request_error` (no answer).

import type { FetchFunction } from '@slack/web-api';
import type { DeskMetrics } from './desk-metrics.ts';

type FetchResponse = Awaited<ReturnType<FetchFunction>>;
type SlackApiMetrics = Pick<DeskMetrics, 'slackCallFailed' | 'slackRateLimited'>;

export function instrumentedFetch(
  metrics: SlackApiMetrics,
  base: FetchFunction = globalThis.fetch,
): FetchFunction {
  return async (url, init) => {
    const method = methodOf(url);
    let response: FetchResponse;
    try {
      response = await base(url, init);
    } catch (error) {
      metrics.slackCallFailed(method, isTimeout(error) ? 'timeout' : 'request_error');
      throw error;
    }
    if (response.status === 429) {
      metrics.slackRateLimited(method);
      return response;
    }
    if (response.status !== 200) {
      metrics.slackCallFailed(method, `http_${response.status}`);
      return response;
    }
    if (!(response.headers.get('content-type') ?? '').includes('json')) return response;
    // Read the answer once here for its `ok`/`error`, and hand the WebClient a response that replays it.
    const body = await response.text();
    const error = slackErrorOf(body);
    if (error === 'ratelimited') metrics.slackRateLimited(method);
    else if (error !== null) metrics.slackCallFailed(method, error);
    return replay(response, body);
  };
}

/** https://slack.com/api/chat.postMessage → chat.postMessage */
function methodOf(url: string | URL): string {
  try {
    const path = new URL(String(url)).pathname;
    return path.slice(path.lastIndexOf('/') + 1) || 'unknown';
  } catch {
    return 'unknown';
  }
}

function slackErrorOf(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { ok, error } = parsed as { ok?: unknown; error?: unknown };
    if (ok !== false) return null;
    // Slack's codes are short snake_case words; anything else would make a label of arbitrary text.
    return typeof error === 'string' && /^[a-z0-9_.]{1,64}$/.test(error) ? error : 'unknown_error';
  } catch {
    return null;
  }
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function replay(response: FetchResponse, body: string): FetchResponse {
  return {
    ok: response.ok,
    status: response.status,
    statusText: response.statusText,
    url: response.url,
    headers: response.headers,
    arrayBuffer: async () => {
      const bytes = new TextEncoder().encode(body);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
    json: async () => JSON.parse(body) as unknown,
    text: async () => body,
  };
}
