/** Sends signed requests to the app like Slack does and measures how fast the app acknowledges. */
import { request } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import type { Recorder } from '../recorder.ts';
import { type SignedHeaders, signedHeaders } from '../signing.ts';
import type { Json } from '../types.ts';

export const ACK_LIMIT_MS = 3000;

export interface AppResponse {
  status: number;
  /** Parsed JSON when the app answered JSON, else the raw text ('' for a bare ack). */
  body: Json;
  ackMs: number;
  headers: Record<string, string>;
}

export interface RawRequest {
  body: string;
  headers?: Record<string, string>;
  /** Defaults to the app URL. */
  url?: string;
}

export interface SenderOptions {
  signingSecret: string;
  appUrl: () => string | undefined;
  recorder: Recorder;
  ackLimitMs: number;
}

function parseBody(text: string, contentType: string): Json {
  if (text === '') return '';
  if (contentType.includes('json') || /^[[{]/.test(text.trim())) {
    try {
      return JSON.parse(text) as Json;
    } catch {
      return text;
    }
  }
  return text;
}

export class AppSender {
  constructor(private readonly options: SenderOptions) {}

  /** Slack's signature headers for `body` at `timestampSeconds` (default: now, real time). */
  signRequest(body: string, timestampSeconds = Math.floor(Date.now() / 1000)): SignedHeaders {
    return signedHeaders(this.options.signingSecret, timestampSeconds, body);
  }

  /** Posts exactly what it is given (no signing): for forged, stale or unsigned requests. */
  postRaw(raw: RawRequest): Promise<AppResponse> {
    const url = raw.url ?? this.options.appUrl();
    if (!url) throw new Error('no app URL: pass appUrl to startSlackEmulator or call setAppUrl()');
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const target = new URL(url);
      const send = target.protocol === 'https:' ? httpsRequest : request;
      const req = send(
        target,
        {
          method: 'POST',
          agent: false,
          headers: { 'content-length': String(Buffer.byteLength(raw.body)), ...raw.headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const headers: Record<string, string> = {};
            for (const [key, value] of Object.entries(res.headers)) {
              if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
            }
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({
              status: res.statusCode ?? 0,
              body: parseBody(text, headers['content-type'] ?? ''),
              ackMs: performance.now() - started,
              headers,
            });
          });
        },
      );
      req.on('error', reject);
      req.end(raw.body);
    });
  }

  /** Slack gives up on an ack after the limit (3 s): whatever the app answered then is not used. */
  isLate(response: AppResponse): boolean {
    return response.ackMs > this.options.ackLimitMs;
  }

  /** Signs and posts; an ack slower than the limit (3 s) is recorded as a violation. */
  async post(
    kind: string,
    body: string,
    contentType: 'application/x-www-form-urlencoded' | 'application/json',
    extraHeaders: Record<string, string> = {},
  ): Promise<AppResponse> {
    const headers = { 'content-type': contentType, ...this.signRequest(body), ...extraHeaders };
    const response = await this.postRaw({ body, headers });
    if (this.isLate(response)) {
      this.options.recorder.violate('ack_timeout', kind, [
        `acknowledged after ${Math.round(response.ackMs)} ms (limit ${this.options.ackLimitMs} ms)`,
      ]);
    }
    return response;
  }

  /** Interactivity payloads travel as `payload=<json>` in a form body. */
  postPayload(kind: string, payload: object): Promise<AppResponse> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.post(kind, body, 'application/x-www-form-urlencoded');
  }
}
