/** Slack request signing (v0): `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}`. */
import { createHmac } from 'node:crypto';

export interface SignedHeaders {
  'x-slack-request-timestamp': string;
  'x-slack-signature': string;
}

export function computeSignature(signingSecret: string, timestampSeconds: number, rawBody: string): string {
  const digest = createHmac('sha256', signingSecret)
    .update(`v0:${timestampSeconds}:${rawBody}`)
    .digest('hex');
  return `v0=${digest}`;
}

export function signedHeaders(
  signingSecret: string,
  timestampSeconds: number,
  rawBody: string,
): SignedHeaders {
  return {
    'x-slack-request-timestamp': String(timestampSeconds),
    'x-slack-signature': computeSignature(signingSecret, timestampSeconds, rawBody),
  };
}
