// Failed Slack calls are counted from the HTTP exchange, whatever client made them, and the client
// still reads Slack's answer unchanged.

import type { FetchFunction } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { instrumentedFetch } from '../../src/metrics/slack-api.ts';

function recorder() {
  const failed: string[] = [];
  const limited: string[] = [];
  return {
    failed,
    limited,
    metrics: {
      slackCallFailed: (method: string, code: string) => failed.push(`${method} ${code}`),
      slackRateLimited: (method: string) => limited.push(method),
    },
  };
}

const answering =
  (status: number, body: unknown): FetchFunction =>
  async () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const URL_OF = (method: string) => `https://slack.com/api/${method}`;

describe('instrumentedFetch', () => {
  it('counts Slack’s error codes by method and hands the answer on unchanged', async () => {
    const { metrics, failed } = recorder();
    const fetch = instrumentedFetch(metrics, answering(200, { ok: false, error: 'channel_not_found' }));
    const response = await fetch(URL_OF('chat.postMessage'), { method: 'POST' });
    expect(await response.json()).toEqual({ ok: false, error: 'channel_not_found' });
    expect(failed).toEqual(['chat.postMessage channel_not_found']);
  });

  it('counts nothing for a successful call', async () => {
    const { metrics, failed, limited } = recorder();
    const response = await instrumentedFetch(
      metrics,
      answering(200, { ok: true, ts: '1.2' }),
    )(URL_OF('chat.update'));
    expect(await response.text()).toBe('{"ok":true,"ts":"1.2"}');
    expect([...failed, ...limited]).toEqual([]);
  });

  it('counts 429s apart, and other HTTP statuses and lost answers as errors', async () => {
    const { metrics, failed, limited } = recorder();
    await instrumentedFetch(metrics, answering(429, {}))(URL_OF('views.publish'));
    await instrumentedFetch(metrics, answering(503, {}))(URL_OF('chat.postMessage'));
    const refused: FetchFunction = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(instrumentedFetch(metrics, refused)(URL_OF('conversations.open'))).rejects.toThrow();
    expect(limited).toEqual(['views.publish']);
    expect(failed).toEqual(['chat.postMessage http_503', 'conversations.open request_error']);
  });
});
