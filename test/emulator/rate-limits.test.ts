import { afterEach, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '../../src/emulator/index.ts';
import type { RateLimitOptions } from '../../src/emulator/rate-limits.ts';
import { seededEmulator, webClient } from './helpers.ts';

/** Real time stands still unless the test moves it. */
function manualTime() {
  let ms = 1_000_000;
  return {
    now: () => ms,
    advance(by: number) {
      ms += by;
    },
  };
}

async function post(emu: SlackEmulator, channel = 'C_DESK') {
  const res = await fetch(`${emu.apiUrl}chat.postMessage`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${emu.botToken}`,
      'content-type': 'application/json; charset=utf-8',
    },
    body: JSON.stringify({ channel, text: 'hello' }),
  });
  const text = await res.text();
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: text.startsWith('{') ? (JSON.parse(text) as unknown) : text,
  };
}

describe("Slack's rate limits", () => {
  let emu: SlackEmulator | undefined;
  const time = manualTime();
  const start = async (rateLimits?: Omit<RateLimitOptions, 'now'>) => {
    emu = await seededEmulator(rateLimits ? { rateLimits: { ...rateLimits, now: time.now } } : {});
    emu.addChannel({ id: 'C_OTHER', name: 'other' });
    return emu;
  };
  afterEach(async () => {
    emu?.assertNoViolations();
    await emu?.close();
    emu = undefined;
  });

  it('are off unless asked for', async () => {
    const emu = await start();
    for (let i = 0; i < 10; i++) expect((await post(emu)).status).toBe(200);
  });

  it('let a burst into a channel, then answer 429 with Retry-After until the pace allows more', async () => {
    const emu = await start({ tiers: false });
    for (let i = 0; i < 3; i++) expect((await post(emu)).status).toBe(200);
    expect(await post(emu)).toMatchObject({
      status: 429,
      retryAfter: '1',
      body: { ok: false, error: 'ratelimited' },
    });
    // Another channel has its own pace.
    expect((await post(emu, 'C_OTHER')).status).toBe(200);
    time.advance(999);
    expect((await post(emu)).status).toBe(429);
    time.advance(1);
    expect((await post(emu)).status).toBe(200);
    expect((await post(emu)).status).toBe(429);
    expect(emu.callsTo('chat.postMessage').map((call) => call.status)).toEqual([
      200, 200, 200, 429, 200, 429, 200, 429,
    ]);
    // Refused posts were not stored.
    expect(emu.messagesIn('C_DESK')).toHaveLength(4);
  });

  it('do not count a refused call', async () => {
    const emu = await start({ tiers: false, channelPosts: { perSecond: 1, burst: 1 } });
    expect((await post(emu)).status).toBe(200);
    for (let i = 0; i < 5; i++) {
      time.advance(100);
      expect((await post(emu)).status).toBe(429);
    }
    time.advance(500);
    expect((await post(emu)).status).toBe(200);
  });

  it('limit each method to its tier per minute, with the wait in whole seconds', async () => {
    const emu = await start({ tiers: { t4: 2 }, channelPosts: false });
    const client = webClient(emu);
    await client.users.info({ user: 'U_REP' });
    await client.users.info({ user: 'U_OPS' });
    await expect(client.users.info({ user: 'U_REP' })).rejects.toMatchObject({
      code: 'slack_webapi_rate_limited_error',
      retryAfter: 30,
    });
    // Other methods count on their own.
    await expect(client.auth.test()).resolves.toMatchObject({ ok: true });
    time.advance(30_000);
    await expect(client.users.info({ user: 'U_REP' })).resolves.toMatchObject({ ok: true });
    expect(emu.callsTo('users.info').map((call) => call.status)).toEqual([200, 200, 429, 200]);
  });

  it("use Slack's documented tiers by default, and a per-method limit over the tier", async () => {
    const emu = await start({ channelPosts: false, methods: { 'chat.postMessage': 2 } });
    const client = webClient(emu);
    // conversations.open is tier 3: 50 a minute.
    for (let i = 0; i < 50; i++) await client.conversations.open({ users: 'U_REP' });
    await expect(client.conversations.open({ users: 'U_REP' })).rejects.toMatchObject({ retryAfter: 2 });
    expect((await post(emu)).status).toBe(200);
    expect((await post(emu, 'C_OTHER')).status).toBe(200);
    expect(await post(emu)).toMatchObject({ status: 429, retryAfter: '30' });
  });

  it('run faster by a factor, Retry-After still in whole seconds', async () => {
    const emu = await start({ tiers: false, channelPosts: { perSecond: 1, burst: 1 }, speed: 10 });
    expect((await post(emu)).status).toBe(200);
    expect(await post(emu)).toMatchObject({ status: 429, retryAfter: '1' });
    time.advance(100);
    expect((await post(emu)).status).toBe(200);
  });

  it('come after injected faults, which are not counted', async () => {
    const emu = await start({ tiers: false, channelPosts: { perSecond: 1, burst: 1 } });
    emu.fault('chat.postMessage', { status: 503 });
    expect((await post(emu)).status).toBe(503);
    expect((await post(emu)).status).toBe(200);
    expect((await post(emu)).status).toBe(429);
  });
});
