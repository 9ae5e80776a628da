/**
 * Change notifications: "something Slack shows changed" (a message posted or edited, an ephemeral
 * message, a modal opened, updated or closed, a Home published). The playground's page listens to
 * re-fetch what it shows; nothing in the emulator depends on anyone listening.
 */
import type { RecordedCall } from './types.ts';

export interface EmulatorChange {
  /** What changed it: a Web API method (`chat.update`), `response_url`, or a platform request kind. */
  source: string;
  at: number;
}

export type ChangeListener = (change: EmulatorChange) => void;

/** Web API families that change what people see; reads (users.info, history…) do not. */
const STATE_CHANGING = /^(chat|views)\./;

/**
 * True for a Web API call that may have changed what Slack shows. Failed calls count too: a lost
 * response (`loseResponse`) still posted, and a spare notification costs a listener one re-read.
 */
export function changesState(call: Pick<RecordedCall, 'method'>): boolean {
  return STATE_CHANGING.test(call.method);
}

export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();

  constructor(private readonly now: () => number) {}

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Notifies once `work` is done, whatever it answered: Slack's side has moved either way. */
  after<T>(source: string, work: Promise<T>): Promise<T> {
    return work.finally(() => this.notify(source));
  }

  notify(source: string): void {
    const change = { source, at: this.now() };
    for (const listener of this.listeners) {
      // A failing listener must not break Slack's side of the conversation.
      try {
        listener(change);
      } catch {
        // ignored on purpose: listeners are observers
      }
    }
  }
}
