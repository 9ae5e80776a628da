// Waiting for the bot: it works after its ack (outbox, message updates), so the demo polls what Slack
// shows until it changes, and gives up with a message that says what never happened.

/** A failure the demo explains in one message (no stack trace needed). */
export class DemoError extends Error {
  override readonly name = 'DemoError';
}

export const DEFAULT_WAIT_MS = 5000;

/** Resolves with the first truthy value of `probe`; throws a DemoError naming `what` after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  what: string,
  timeoutMs: number = DEFAULT_WAIT_MS,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const cause = last instanceof Error ? `: ${last.message}` : '';
      throw new DemoError(`nothing happened for ${timeoutMs / 1000} s while waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
