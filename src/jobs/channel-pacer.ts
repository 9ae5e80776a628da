// Slack accepts about one message per second per channel and answers bursts with 429s. The outbox
// spaces its own posts into each channel instead, so a burst (a busy desk channel, a storm being
// replayed) queues here rather than being bounced by Slack. Spacing is measured in real elapsed time,
// never the business clock: tests and the demo shift that clock, but Slack's limiter does not.

import type { WebClient } from '@slack/web-api';

/**
 * Sends into each channel one at a time, the next only `intervalMs` after the previous one was
 * answered. Counting from the answer rather than from the send keeps the spacing true where Slack
 * measures it, on arrival: a request slowed on its way cannot end up right behind the next one.
 */
export class ChannelPacer {
  /** Per channel, the turn of the latest caller: it resolves when the channel is free again. */
  private readonly turns = new Map<string, Promise<void>>();

  constructor(private readonly intervalMs: number) {}

  /** Runs `send` on the channel's turn; callers are served in call order. */
  async paced<T>(channel: string, send: () => Promise<T>): Promise<T> {
    if (this.intervalMs <= 0) return send();
    const previous = this.turns.get(channel);
    let release = () => {};
    const turn = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.turns.set(channel, turn);
    await previous;
    try {
      return await send();
    } finally {
      void sleepAtLeast(this.intervalMs).then(() => {
        // Forget idle channels, so the map does not grow with every DM ever posted to.
        if (this.turns.get(channel) === turn) this.turns.delete(channel);
        release();
      });
    }
  }
}

/** Timers may fire a millisecond early against performance.now(); this never does. */
async function sleepAtLeast(ms: number): Promise<void> {
  const until = performance.now() + ms;
  for (let left = ms; left > 0; left = until - performance.now()) {
    await new Promise((resolve) => setTimeout(resolve, Math.ceil(left)));
  }
}

/**
 * The same client, except that the calls that post into a channel wait for that channel's turn.
 * Deliveries resolve their channel themselves (the desk channel, a DM opened at send time), so
 * pacing at the call sees the real target whatever the delivery did to find it.
 */
export function pacedSlackClient(slack: WebClient, pacer: ChannelPacer): WebClient {
  const chat: WebClient['chat'] = {
    ...slack.chat,
    postMessage: (args) => pacer.paced(args.channel, () => slack.chat.postMessage(args)),
    postEphemeral: (args) => pacer.paced(args.channel, () => slack.chat.postEphemeral(args)),
  };
  // Every other method family stays the original's (its methods are bound to it).
  return Object.create(slack, { chat: { value: chat, enumerable: true } }) as WebClient;
}
