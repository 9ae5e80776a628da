import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/env.ts';

describe('environment', () => {
  it('names every missing variable and where to get it, at once', () => {
    const result = loadEnv({});
    expect(result.ok).toBe(false);
    const message = !result.ok ? result.message : '';
    expect(message).toContain('SLACK_BOT_TOKEN is missing');
    expect(message).toContain('Bot User OAuth Token');
    expect(message).toContain('SLACK_SIGNING_SECRET is missing');
    expect(message).toContain('Signing Secret');
  });

  it('needs no signing secret in Socket Mode', () => {
    const result = loadEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(result.ok).toBe(true);
  });

  it('applies defaults and normalises the API URL', () => {
    const result = loadEnv({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: 'http://127.0.0.1:9/api',
    });
    expect(result).toMatchObject({
      ok: true,
      env: { SLACK_API_URL: 'http://127.0.0.1:9/api/', PORT: 3000, BOOKING_DESK_CONFIG: 'booking-desk.yml' },
    });
  });

  it('treats empty variables as unset and checks token kinds and the port', () => {
    const result = loadEnv({
      SLACK_BOT_TOKEN: 'xoxp-user',
      SLACK_SIGNING_SECRET: 's',
      SLACK_APP_TOKEN: '',
      PORT: 'eighty',
    });
    const message = !result.ok ? result.message : '';
    expect(message).toContain('SLACK_BOT_TOKEN must be a bot token starting with xoxb-');
    expect(message).toContain('PORT must be a port number');
    expect(message).not.toContain('SLACK_APP_TOKEN');
  });
});
