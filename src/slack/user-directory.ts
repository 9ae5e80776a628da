// Slack profiles the app needs (time zones), cached briefly so /book stays fast.

import type { WebClient } from '@slack/web-api';

interface CachedProfile {
  tz: string | null;
  expiresAt: number;
}

const TTL_MS = 10 * 60_000;

export class UserDirectory {
  private readonly cache = new Map<string, CachedProfile>();

  constructor(private readonly client: WebClient) {}

  /** The user's IANA time zone, or null when Slack does not say (or cannot be asked). */
  async timeZoneOf(userId: string): Promise<string | null> {
    const now = Date.now();
    const cached = this.cache.get(userId);
    if (cached && cached.expiresAt > now) return cached.tz;
    try {
      const answer = await this.client.users.info({ user: userId });
      const tz = typeof answer.user?.tz === 'string' ? answer.user.tz : null;
      this.cache.set(userId, { tz, expiresAt: now + TTL_MS });
      return tz;
    } catch {
      return null;
    }
  }
}
