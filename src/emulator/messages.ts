/** Messages, threads and ephemeral messages, with Slack's strictly increasing `ts`. */
import type { EphemeralMessage, StoredMessage } from './types.ts';

export function formatTs(micros: number): string {
  return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
}

export class MessageStore {
  /** Top-level messages per channel, oldest first. */
  private readonly channels = new Map<string, StoredMessage[]>();
  /** Replies per `channel/thread_ts`, oldest first. */
  private readonly threads = new Map<string, StoredMessage[]>();
  readonly ephemerals: EphemeralMessage[] = [];
  private lastMicros = 0;

  constructor(private readonly now: () => number) {}

  /** The next `ts`: now, but always after the previous one (steps of 100µs like Slack's). */
  nextTs(): string {
    this.lastMicros = Math.max(Math.floor(this.now()) * 1000, this.lastMicros + 100);
    return formatTs(this.lastMicros);
  }

  topLevel(channel: string): StoredMessage[] {
    return this.channels.get(channel) ?? [];
  }

  replies(channel: string, threadTs: string): StoredMessage[] {
    return this.threads.get(`${channel}/${threadTs}`) ?? [];
  }

  find(channel: string, ts: string): StoredMessage | undefined {
    const top = this.topLevel(channel).find((m) => m.ts === ts);
    if (top) return top;
    for (const [key, replies] of this.threads) {
      if (!key.startsWith(`${channel}/`)) continue;
      const reply = replies.find((m) => m.ts === ts);
      if (reply) return reply;
    }
    return undefined;
  }

  /** Stores a message; a `thread_ts` naming a reply is moved to that reply's parent, like Slack. */
  add(message: Omit<StoredMessage, 'ts'>): StoredMessage {
    const stored: StoredMessage = { ...message, ts: this.nextTs() };
    if (stored.thread_ts === undefined) {
      this.channels.set(stored.channel, [...this.topLevel(stored.channel), stored]);
      return stored;
    }
    const target = this.find(stored.channel, stored.thread_ts);
    const parentTs = target?.thread_ts ?? stored.thread_ts;
    stored.thread_ts = parentTs;
    const key = `${stored.channel}/${parentTs}`;
    this.threads.set(key, [...(this.threads.get(key) ?? []), stored]);
    const parent = this.topLevel(stored.channel).find((m) => m.ts === parentTs);
    if (parent) {
      parent.thread_ts = parentTs;
      parent.reply_count = (parent.reply_count ?? 0) + 1;
      parent.reply_users = [...new Set([...(parent.reply_users ?? []), stored.user])];
      parent.latest_reply = stored.ts;
    }
    return stored;
  }

  remove(channel: string, ts: string): boolean {
    const top = this.topLevel(channel);
    if (top.some((m) => m.ts === ts)) {
      this.channels.set(
        channel,
        top.filter((m) => m.ts !== ts),
      );
      this.threads.delete(`${channel}/${ts}`);
      return true;
    }
    for (const [key, replies] of this.threads) {
      if (!key.startsWith(`${channel}/`) || !replies.some((m) => m.ts === ts)) continue;
      this.threads.set(
        key,
        replies.filter((m) => m.ts !== ts),
      );
      const parent = top.find((m) => m.ts === key.slice(channel.length + 1));
      if (parent) parent.reply_count = Math.max(0, (parent.reply_count ?? 1) - 1);
      return true;
    }
    return false;
  }

  addEphemeral(message: Omit<EphemeralMessage, 'ts'>): EphemeralMessage {
    const stored = { ...message, ts: this.nextTs() };
    this.ephemerals.push(stored);
    return stored;
  }

  reset(): void {
    this.channels.clear();
    this.threads.clear();
    this.ephemerals.length = 0;
  }
}
