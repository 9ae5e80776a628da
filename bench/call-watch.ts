// Waiting for what the app does in Slack without polling Slack's state: one timer reads the Web API
// calls the emulator recorded since it last looked and resolves whoever waits for one of them. A
// hundred clients each cloning threads every few milliseconds would load the benchmark's own process
// more than the app's.

import type { RecordedCall, SlackEmulator } from '../src/emulator/index.ts';

interface Waiter {
  from: number;
  match: (call: RecordedCall) => boolean;
  resolve: (call: RecordedCall) => void;
  reject: (error: Error) => void;
  what: string;
  deadline: number;
}

export class CallWatch {
  private readonly waiters = new Set<Waiter>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly emulator: SlackEmulator,
    intervalMs = 2,
  ) {
    this.timer = setInterval(() => this.scan(), intervalMs);
  }

  /** Where the record stands now: wait for calls after this mark, taken before acting. */
  mark(): number {
    return this.emulator.calls.length;
  }

  /** The first call from `mark` on that `match`es, answered 200 (anything else is not seen yet). */
  next(from: number, match: (call: RecordedCall) => boolean, what: string, timeoutMs = 60_000) {
    return new Promise<RecordedCall>((resolve, reject) => {
      this.waiters.add({
        from,
        match: (call) => call.status === 200 && match(call),
        resolve,
        reject,
        what,
        deadline: performance.now() + timeoutMs,
      });
    });
  }

  close(): void {
    clearInterval(this.timer);
    for (const waiter of this.waiters) waiter.reject(new Error(`closed while waiting for ${waiter.what}`));
    this.waiters.clear();
  }

  private scan(): void {
    const calls = this.emulator.calls;
    const now = performance.now();
    for (const waiter of this.waiters) {
      for (let index = waiter.from; index < calls.length; index++) {
        const call = calls[index]!;
        if (!waiter.match(call)) continue;
        this.waiters.delete(waiter);
        waiter.resolve(call);
        break;
      }
      waiter.from = calls.length;
      if (this.waiters.has(waiter) && now > waiter.deadline) {
        this.waiters.delete(waiter);
        waiter.reject(new Error(`nothing happened in Slack while waiting for ${waiter.what}`));
      }
    }
  }
}

/** An argument of a recorded call as text (form-encoded calls carry JSON as strings). */
export function argText(call: RecordedCall, name: string): string {
  const value = call.args[name];
  return typeof value === 'string' ? value : JSON.stringify(value ?? null);
}

/** Resolves (with the time of the last Web API call) once `quietMs` pass without one, or after `maxMs`. */
export async function slackQuiet(emulator: SlackEmulator, quietMs: number, maxMs: number): Promise<number> {
  const deadline = performance.now() + maxMs;
  const { calls } = emulator;
  let count = calls.length;
  let lastChange = performance.now();
  while (performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(50, quietMs / 2)));
    if (calls.length !== count) {
      count = calls.length;
      lastChange = performance.now();
    } else if (performance.now() - lastChange >= quietMs) {
      break;
    }
  }
  return lastChange;
}
