import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '../../src/emulator/index.ts';
import { callApi, seededEmulator, webClient } from './helpers.ts';

describe('faults on demand', () => {
  let emu: SlackEmulator;
  beforeEach(async () => {
    emu = await seededEmulator();
  });
  afterEach(async () => {
    emu.assertNoViolations();
    await emu.close();
  });

  it('returns a contract-listed error code for the next N calls, then behaves', async () => {
    emu.fault('chat.postMessage', { error: 'channel_not_found' }, 2);
    const client = webClient(emu);
    for (let i = 0; i < 2; i++) {
      await expect(client.chat.postMessage({ channel: 'C_DESK', text: 'x' })).rejects.toMatchObject({
        data: { error: 'channel_not_found' },
      });
    }
    await expect(client.chat.postMessage({ channel: 'C_DESK', text: 'x' })).resolves.toMatchObject({
      ok: true,
    });
    expect(emu.callsTo('chat.postMessage').map((c) => c.response)).toMatchObject([
      { ok: false },
      { ok: false },
      { ok: true },
    ]);
  });

  it('refuses codes the contract does not list', () => {
    expect(() => emu.fault('users.info', { error: 'hash_conflict' })).toThrow(/not in its contract/);
    expect(() => emu.fault('chat.teleport', { error: 'x' })).toThrow(/no contract/);
  });

  it('answers 429 with Retry-After', async () => {
    emu.fault('chat.postMessage', { status: 429, retryAfter: 7 });
    const res = await fetch(`${emu.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${emu.botToken}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'channel=C_DESK&text=x',
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    emu.fault('chat.postMessage', { status: 429, retryAfter: 1 });
    await expect(webClient(emu).chat.postMessage({ channel: 'C_DESK', text: 'x' })).rejects.toMatchObject({
      code: 'slack_webapi_rate_limited_error',
      retryAfter: 1,
    });
  });

  it.each([500, 502, 503] as const)('answers HTTP %i', async (status) => {
    emu.fault('users.info', { status });
    await expect(webClient(emu).users.info({ user: 'U_REP' })).rejects.toMatchObject({
      code: 'slack_webapi_http_error',
      statusCode: status,
    });
    expect(emu.callsTo('users.info')[0]).toMatchObject({
      status,
      response: expect.stringContaining(String(status)),
    });
  });

  it('delays a slow answer', async () => {
    emu.fault('auth.test', { delayMs: 40 });
    const started = Date.now();
    const res = await callApi(emu, 'auth.test', '');
    expect(res.json.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
  });

  it('drops the connection', async () => {
    emu.fault('auth.test', { drop: true });
    await expect(webClient(emu).auth.test()).rejects.toMatchObject({ code: 'slack_webapi_request_error' });
    expect(emu.callsTo('auth.test')[0]).toMatchObject({ status: 0, response: null });
    await expect(webClient(emu).auth.test()).resolves.toMatchObject({ ok: true });
  });
});
