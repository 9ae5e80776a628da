// Server-sent events: tells every open page that what Slack shows (or the clock) changed, so it
// re-fetches. Bursts are coalesced: a click that posts, edits and publishes is one refresh.

import type { ServerResponse } from 'node:http';

const COALESCE_MS = 40;
const HEARTBEAT_MS = 15_000;

export type ChangeTopic = 'slack' | 'clock';

export class ChangeStream {
  private readonly clients = new Set<ServerResponse>();
  private readonly pending = new Set<ChangeTopic>();
  private timer: NodeJS.Timeout | undefined;
  private readonly heartbeat: NodeJS.Timeout;
  private seq = 0;

  constructor() {
    // A comment line now and then keeps proxies and the browser from timing the stream out.
    this.heartbeat = setInterval(() => this.write(': keep-alive\n\n'), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Takes over the response as an event stream until the page goes away. */
  attach(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(`retry: 1000\nevent: hello\ndata: ${JSON.stringify({ seq: this.seq })}\n\n`);
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  changed(topic: ChangeTopic): void {
    this.pending.add(topic);
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), COALESCE_MS);
  }

  get clientCount(): number {
    return this.clients.size;
  }

  private flush(): void {
    this.timer = undefined;
    const topics = [...this.pending];
    this.pending.clear();
    this.seq += 1;
    this.write(`event: change\ndata: ${JSON.stringify({ seq: this.seq, topics })}\n\n`);
  }

  private write(text: string): void {
    for (const client of this.clients) client.write(text);
  }

  close(): void {
    clearInterval(this.heartbeat);
    if (this.timer) clearTimeout(this.timer);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}
