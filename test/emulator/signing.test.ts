import { afterEach, describe, expect, it } from 'vitest';
import { computeSignature, type SlackEmulator } from '../../src/emulator/index.ts';
import { fakeApp, SIGNING_SECRET, seededEmulator } from './helpers.ts';

const VECTOR_BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';

describe('request signing', () => {
  let emu: SlackEmulator | undefined;
  afterEach(async () => {
    await emu?.close();
  });

  it('reproduces the known-answer vector from Slack docs', () => {
    expect(computeSignature('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, VECTOR_BODY)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });

  it('signRequest gives the headers for any body and timestamp', async () => {
    emu = await seededEmulator();
    const headers = emu.signRequest('a=b', 1700000000);
    expect(headers).toEqual({
      'x-slack-request-timestamp': '1700000000',
      'x-slack-signature': computeSignature(SIGNING_SECRET, 1700000000, 'a=b'),
    });
  });

  it('signs every outbound request over the exact raw body, and postRaw sends what it is given', async () => {
    const app = await fakeApp();
    emu = await seededEmulator({ appUrl: app.url });
    try {
      await emu.slashCommand({ userId: 'U_REP', command: '/desk', text: 'new', channelId: 'C_DESK' });
      const [signed] = app.requests;
      const ts = Number(signed?.headers['x-slack-request-timestamp']);
      expect(Math.abs(ts - Date.now() / 1000)).toBeLessThan(5);
      expect(signed?.headers['x-slack-signature']).toBe(
        computeSignature(SIGNING_SECRET, ts, signed?.body ?? ''),
      );

      const stale = emu.signRequest('x=1', Math.floor(Date.now() / 1000) - 600);
      await emu.postRaw({
        body: 'x=1',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...stale },
      });
      expect(app.requests[1]?.headers['x-slack-request-timestamp']).toBe(stale['x-slack-request-timestamp']);
      await emu.postRaw({ body: 'x=1' });
      expect(app.requests[2]?.headers['x-slack-signature']).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
